//! The crate's first retention engine: obligations, facts and a decision. Core's model
//! (`apkalpe_core::RetentionFacts`, decision 0008) replaces it; these types stay for the
//! programs that use them and map onto core's with `to_core`.

use super::*;
use std::fmt;

/// One obligation to keep a record: a period, the date it is counted from, the counting rule
/// and the legal basis.
///
/// Other crates describe their records with these: the accounting crate passes the Accounting
/// Law's periods ([`RetentionObligation::accounting`]), the clients crate the purpose of its
/// personal data; a case of the file plan passes its plan line.
///
/// # Examples
///
/// ```
/// use apkalpe_documents::{AccountingRecord, RetentionObligation};
/// use chrono::NaiveDate;
///
/// let invoice_date = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
/// let obligation = RetentionObligation::accounting(AccountingRecord::SupportingDocument, Some(invoice_date));
/// assert_eq!(obligation.period().to_string(), "5 gadi");
/// assert_eq!(obligation.ends_on()?, NaiveDate::from_ymd_opt(2031, 12, 31));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Saved form
///
/// `{"period": "5 gadi", "counted_from": "2026-03-02", "counting": "from_first_january_after",
/// "basis": "Grāmatvedības likums, 28. pants"}`; deserialising re-runs the checks of
/// [`RetentionObligation::try_new`] (the basis text) and refuses a failing value with a
/// [`RestoreError`].
///
/// # Core's model
///
/// Core's `apkalpe_core::RetentionObligation` (decision 0008) replaces this type for new code; [`RetentionObligation::to_core`] states this one in its terms.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "RetentionObligationRecord"))]
pub struct RetentionObligation {
    pub(super) period: RetentionPeriod,
    pub(super) counted_from: Option<NaiveDate>,
    pub(super) counting: CountingRule,
    pub(super) basis: String,
}

/// The saved form of a [`RetentionObligation`], read before its checks.
#[cfg(feature = "serde")]
#[derive(Debug, Clone, serde::Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(crate) struct RetentionObligationRecord {
    pub(super) period: RetentionPeriod,
    pub(super) counted_from: Option<NaiveDate>,
    pub(super) counting: CountingRule,
    pub(super) basis: String,
}

#[cfg(feature = "serde")]
impl TryFrom<RetentionObligationRecord> for RetentionObligation {
    type Error = RestoreError;

    fn try_from(record: RetentionObligationRecord) -> Result<Self, Self::Error> {
        check_saved("RetentionObligation", "basis", &record.basis, |v| {
            text("retention basis", v, 300)
        })?;
        Ok(RetentionObligation {
            period: record.period,
            counted_from: record.counted_from,
            counting: record.counting,
            basis: record.basis,
        })
    }
}

impl RetentionObligation {
    /// Creates an obligation. `counted_from` is the closing date (for
    /// [`RetentionPeriod::Years`]) or the event's date (for
    /// [`RetentionPeriod::YearsFromEvent`]); `None` while the case is open or the event has
    /// not happened, which keeps the record. `basis` names the legal act (1 to 300
    /// characters).
    ///
    /// # Errors
    ///
    /// [`RetentionError::Text`] for a blank, too long or multi-line basis.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_documents::{CountingRule, RetentionObligation, RetentionPeriod};
    /// use chrono::NaiveDate;
    ///
    /// let consent = RetentionObligation::try_new(
    ///     RetentionPeriod::Years(3),
    ///     NaiveDate::from_ymd_opt(2025, 6, 30),
    ///     CountingRule::FromDate,
    ///     "VDAR 5. panta 1. punkta e) apakšpunkts; uzņēmuma noteikumi",
    /// )?;
    /// assert_eq!(consent.ends_on()?, NaiveDate::from_ymd_opt(2028, 6, 30));
    /// # Ok::<(), apkalpe_documents::DocumentsError>(())
    /// ```
    pub fn try_new(
        period: RetentionPeriod,
        counted_from: Option<NaiveDate>,
        counting: CountingRule,
        basis: &str,
    ) -> Result<Self, RetentionError> {
        Ok(RetentionObligation {
            period,
            counted_from,
            counting,
            basis: text("retention basis", basis, 300)?,
        })
    }

    /// Returns the obligation for an accounting record under the Accounting Law (GL art. 28,
    /// `docs/sources.md` §3c), counted from `counted_from` by the default rule.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let invoice = RetentionObligation::accounting(AccountingRecord::SupportingDocument, Some(date(2026, 3, 2)?));
    /// # let _ = (&invoice,);
    /// assert_eq!(invoice.period(), &RetentionPeriod::Years(5));
    /// assert_eq!(invoice.ends_on()?, Some(date(2031, 12, 31)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn accounting(record: AccountingRecord, counted_from: Option<NaiveDate>) -> Self {
        RetentionObligation {
            period: record.period(),
            counted_from,
            counting: CountingRule::default(),
            basis: record.basis().to_owned(),
        }
    }

    /// Returns the obligation for a personnel file: 90 years from the person's birth (MK 690,
    /// `docs/sources.md` §13.5 \[N29\]).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let invoice = RetentionObligation::accounting(AccountingRecord::SupportingDocument, Some(date(2026, 3, 2)?));
    /// # let _ = (&invoice,);
    /// let file = RetentionObligation::personnel_file(Some(date(1980, 5, 17)?));
    /// assert_eq!(file.ends_on()?, Some(date(2070, 5, 17)?));
    /// assert_eq!(RetentionObligation::personnel_file(None).ends_on()?, None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn personnel_file(birth_date: Option<NaiveDate>) -> Self {
        RetentionObligation {
            period: RetentionPeriod::YearsFromEvent {
                years: 90,
                event: "personas dzimšanas".to_owned(),
            },
            counted_from: birth_date,
            counting: CountingRule::FromDate,
            basis: "MK noteikumi Nr. 690 (90 gadi kopš personas dzimšanas)".to_owned(),
        }
    }

    /// Returns the period.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let invoice = RetentionObligation::accounting(AccountingRecord::SupportingDocument, Some(date(2026, 3, 2)?));
    /// # let _ = (&invoice,);
    /// assert_eq!(invoice.period().to_string(), "5 gadi");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn period(&self) -> &RetentionPeriod {
        &self.period
    }

    /// Returns the start of the count, if known.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let invoice = RetentionObligation::accounting(AccountingRecord::SupportingDocument, Some(date(2026, 3, 2)?));
    /// # let _ = (&invoice,);
    /// assert_eq!(invoice.counted_from(), Some(date(2026, 3, 2)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn counted_from(&self) -> Option<NaiveDate> {
        self.counted_from
    }

    /// Returns the counting rule.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let invoice = RetentionObligation::accounting(AccountingRecord::SupportingDocument, Some(date(2026, 3, 2)?));
    /// # let _ = (&invoice,);
    /// assert_eq!(invoice.counting(), CountingRule::FromFirstJanuaryAfter);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn counting(&self) -> CountingRule {
        self.counting
    }

    /// Returns the legal basis.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let invoice = RetentionObligation::accounting(AccountingRecord::SupportingDocument, Some(date(2026, 3, 2)?));
    /// # let _ = (&invoice,);
    /// assert_eq!(invoice.basis(), "Grāmatvedības likums, 28. pants");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn basis(&self) -> &str {
        &self.basis
    }

    /// Returns the last day the record must be kept: `None` for a permanent period or an
    /// unknown start.
    ///
    /// # Errors
    ///
    /// [`RetentionError::DateOutOfRange`] when the end cannot be represented.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let invoice = RetentionObligation::accounting(AccountingRecord::SupportingDocument, Some(date(2026, 3, 2)?));
    /// # let _ = (&invoice,);
    /// assert_eq!(invoice.ends_on()?, Some(date(2031, 12, 31)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ends_on(&self) -> Result<Option<NaiveDate>, RetentionError> {
        let years = match &self.period {
            RetentionPeriod::Permanent => return Ok(None),
            RetentionPeriod::Years(years) | RetentionPeriod::YearsFromEvent { years, .. } => *years,
        };
        match self.counted_from {
            None => Ok(None),
            Some(start) => self.counting.ends_on(start, years).map(Some),
        }
    }
}

/// Classes of accounting records with their retention under the Accounting Law, art. 28
/// (`docs/sources.md` §3c \[I9\]\[I10\]\[I13\]).
///
/// Periods marked L in the facts (payroll from 1999, other supporting documents) are the
/// minimums found; pass your own [`RetentionObligation`] if your rules are longer.
///
/// # Examples
///
/// ```
/// # use apkalpe_documents::*;
/// # use chrono::NaiveDate;
/// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// # let invoice = RetentionObligation::accounting(AccountingRecord::SupportingDocument, Some(date(2026, 3, 2)?));
/// # let _ = (&invoice,);
/// assert_eq!(AccountingRecord::InventoryList.period(), RetentionPeriod::Years(10));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum AccountingRecord {
    /// Annual reports: until the business is reorganised or ends.
    AnnualReport,
    /// Inventory lists: 10 years.
    InventoryList,
    /// Accounting registers: 10 years.
    AccountingRegister,
    /// Accounting organisation documents: 10 years.
    AccountingOrganisation,
    /// Payroll supporting documents dated before 1 January 1999: 75 years.
    PayrollBefore1999,
    /// Payroll supporting documents from 1 January 1999: 10 years (confidence L).
    Payroll,
    /// Other supporting documents (invoices, waybills, receipts, cash orders): at least 5
    /// years (confidence L).
    SupportingDocument,
}

impl AccountingRecord {
    /// Returns the retention period.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let invoice = RetentionObligation::accounting(AccountingRecord::SupportingDocument, Some(date(2026, 3, 2)?));
    /// # let _ = (&invoice,);
    /// assert_eq!(AccountingRecord::PayrollBefore1999.period(), RetentionPeriod::Years(75));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn period(self) -> RetentionPeriod {
        match self {
            AccountingRecord::AnnualReport => RetentionPeriod::YearsFromEvent {
                years: 0,
                event: "uzņēmuma reorganizācijas vai darbības izbeigšanas".to_owned(),
            },
            AccountingRecord::InventoryList
            | AccountingRecord::AccountingRegister
            | AccountingRecord::AccountingOrganisation
            | AccountingRecord::Payroll => RetentionPeriod::Years(10),
            AccountingRecord::PayrollBefore1999 => RetentionPeriod::Years(75),
            AccountingRecord::SupportingDocument => RetentionPeriod::Years(5),
        }
    }

    /// Returns the legal basis.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let invoice = RetentionObligation::accounting(AccountingRecord::SupportingDocument, Some(date(2026, 3, 2)?));
    /// # let _ = (&invoice,);
    /// assert_eq!(AccountingRecord::Payroll.basis(), "Grāmatvedības likums, 28. pants");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn basis(self) -> &'static str {
        "Grāmatvedības likums, 28. pants"
    }
}

/// The facts the retention engine decides on: every obligation to keep a record and every
/// legal hold on it.
///
/// # Examples
///
/// See [`retention_decision`].
///
/// Deserialises from `{"obligations": […], "holds": […]}`, each obligation and hold through
/// its own checks.
///
/// # Core's model
///
/// Core's `apkalpe_core::RetentionFacts` (decision 0008) replaces this type for new code; [`RetentionFacts::to_core`] states these facts in its terms, and
/// `apkalpe_core::RetentionFacts::decide` decides on them with the same end dates.
///
/// # Examples
///
/// ```
/// # use apkalpe_documents::*;
/// # use chrono::NaiveDate;
/// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// # let invoice = RetentionObligation::accounting(AccountingRecord::SupportingDocument, Some(date(2026, 3, 2)?));
/// # let _ = (&invoice,);
/// let facts = RetentionFacts::new().with_obligation(invoice);
/// assert!(!retention_decision(&facts, date(2031, 12, 31)?)?.may_destroy());
/// assert!(retention_decision(&facts, date(2032, 1, 1)?)?.may_destroy());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct RetentionFacts {
    pub(super) obligations: Vec<RetentionObligation>,
    #[cfg_attr(
        feature = "serde",
        serde(
            serialize_with = "super::hold::serialize",
            deserialize_with = "super::hold::deserialize"
        )
    )]
    pub(super) holds: Vec<LegalHold>,
}

impl RetentionFacts {
    /// Creates facts with no obligation and no hold.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let invoice = RetentionObligation::accounting(AccountingRecord::SupportingDocument, Some(date(2026, 3, 2)?));
    /// # let _ = (&invoice,);
    /// assert!(RetentionFacts::new().obligations().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new() -> Self {
        RetentionFacts::default()
    }

    /// Adds an obligation.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let invoice = RetentionObligation::accounting(AccountingRecord::SupportingDocument, Some(date(2026, 3, 2)?));
    /// # let _ = (&invoice,);
    /// let facts = RetentionFacts::new().with_obligation(invoice);
    /// assert_eq!(facts.obligations().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_obligation(mut self, obligation: RetentionObligation) -> Self {
        self.obligations.push(obligation);
        self
    }

    /// Adds a legal hold.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let invoice = RetentionObligation::accounting(AccountingRecord::SupportingDocument, Some(date(2026, 3, 2)?));
    /// # let _ = (&invoice,);
    /// let facts = RetentionFacts::new().with_hold(LegalHold::try_new("LH-1", "audits", date(2026, 5, 4)?)?);
    /// assert_eq!(facts.holds().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_hold(mut self, hold: LegalHold) -> Self {
        self.holds.push(hold);
        self
    }

    /// Returns the obligations.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let invoice = RetentionObligation::accounting(AccountingRecord::SupportingDocument, Some(date(2026, 3, 2)?));
    /// # let _ = (&invoice,);
    /// let facts = RetentionFacts::new().with_obligation(invoice.clone());
    /// assert_eq!(facts.obligations(), [invoice]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn obligations(&self) -> &[RetentionObligation] {
        &self.obligations
    }

    /// Returns the holds.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let invoice = RetentionObligation::accounting(AccountingRecord::SupportingDocument, Some(date(2026, 3, 2)?));
    /// # let _ = (&invoice,);
    /// assert!(RetentionFacts::new().holds().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn holds(&self) -> &[LegalHold] {
        &self.holds
    }
}

/// Why a record must still be kept.
///
/// # Core's model
///
/// Core's `apkalpe_core::KeepReason` (decision 0008) replaces this type for new code; a core decision lists its reasons with `lines(Language)`.
///
/// # Examples
///
/// ```
/// # use apkalpe_documents::*;
/// # use chrono::NaiveDate;
/// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// # let invoice = RetentionObligation::accounting(AccountingRecord::SupportingDocument, Some(date(2026, 3, 2)?));
/// # let _ = (&invoice,);
/// let facts = RetentionFacts::new().with_obligation(invoice);
/// let RetentionDecision::Keep { reasons, .. } = retention_decision(&facts, date(2027, 1, 1)?)? else { return Err("kept".into()) };
/// assert_eq!(reasons[0].to_string(), "retention 5 gadi runs until 2031-12-31 (Grāmatvedības likums, 28. pants)");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum KeepReason {
    /// A permanent obligation.
    Permanent {
        /// The legal basis.
        basis: String,
    },
    /// A temporary obligation still running.
    Running {
        /// The last day to keep.
        ends_on: NaiveDate,
        /// The period.
        period: RetentionPeriod,
        /// The legal basis.
        basis: String,
    },
    /// The start of a temporary obligation is not known yet (the case is open, the event has
    /// not happened).
    StartUnknown {
        /// The period.
        period: RetentionPeriod,
        /// The legal basis.
        basis: String,
    },
    /// A legal hold that is not lifted.
    LegalHold {
        /// The hold's id.
        id: String,
        /// Its reason.
        reason: String,
        /// When it was placed.
        placed_on: NaiveDate,
    },
}

impl fmt::Display for KeepReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeepReason::Permanent { basis } => write!(f, "kept permanently ({basis})"),
            KeepReason::Running {
                ends_on,
                period,
                basis,
            } => write!(f, "retention {period} runs until {ends_on} ({basis})"),
            KeepReason::StartUnknown { period, basis } => write!(
                f,
                "retention {period} has not started: its start date is not known ({basis})"
            ),
            KeepReason::LegalHold {
                id,
                reason,
                placed_on,
            } => write!(f, "legal hold {id} since {placed_on}: {reason}"),
        }
    }
}

/// The engine's answer to "may this be destroyed or erased today?".
///
/// # Core's model
///
/// Core's `apkalpe_core::RetentionDecision` (decision 0008) replaces this type for new code; it comes from `apkalpe_core::RetentionFacts::decide` on
/// [`RetentionFacts::to_core`].
///
/// # Examples
///
/// ```
/// # use apkalpe_documents::*;
/// # use chrono::NaiveDate;
/// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// # let invoice = RetentionObligation::accounting(AccountingRecord::SupportingDocument, Some(date(2026, 3, 2)?));
/// # let _ = (&invoice,);
/// let facts = RetentionFacts::new().with_obligation(invoice);
/// assert_eq!(retention_decision(&facts, date(2032, 1, 1)?)?, RetentionDecision::MayDestroy { since: Some(date(2032, 1, 1)?) });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "decision", rename_all = "snake_case"))]
pub enum RetentionDecision {
    /// Every obligation has ended and no hold is active.
    MayDestroy {
        /// The first day destruction was allowed (the day after the last obligation ended);
        /// `None` when there was no obligation at all.
        since: Option<NaiveDate>,
    },
    /// Something still requires keeping the record.
    Keep {
        /// The last day the record must be kept as far as known today: `None` when a hold,
        /// a permanent obligation or an unknown start leaves it open.
        until: Option<NaiveDate>,
        /// Every reason, obligations first, then holds.
        reasons: Vec<KeepReason>,
    },
}

impl RetentionDecision {
    /// Tells whether the record may be destroyed or erased.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let invoice = RetentionObligation::accounting(AccountingRecord::SupportingDocument, Some(date(2026, 3, 2)?));
    /// # let _ = (&invoice,);
    /// let facts = RetentionFacts::new().with_obligation(invoice);
    /// assert!(!retention_decision(&facts, date(2027, 1, 1)?)?.may_destroy());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn may_destroy(&self) -> bool {
        matches!(self, RetentionDecision::MayDestroy { .. })
    }

    /// Renders the decision as lines: the verdict first, then each reason.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_documents::{retention_decision, RetentionFacts};
    /// use chrono::NaiveDate;
    ///
    /// let today = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// let decision = retention_decision(&RetentionFacts::new(), today)?;
    /// assert_eq!(decision.lines(), ["may be destroyed: no retention obligation"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lines(&self) -> Vec<String> {
        match self {
            RetentionDecision::MayDestroy { since: None } => {
                vec!["may be destroyed: no retention obligation".to_owned()]
            }
            RetentionDecision::MayDestroy { since: Some(since) } => {
                vec![format!(
                    "may be destroyed since {since}: every retention period has ended"
                )]
            }
            RetentionDecision::Keep { until, reasons } => {
                let head = match until {
                    Some(until) => format!("keep until {until}"),
                    None => "keep: no end date yet".to_owned(),
                };
                std::iter::once(head)
                    .chain(reasons.iter().map(|reason| format!("- {reason}")))
                    .collect()
            }
        }
    }
}

/// Decides whether a record may be destroyed (or its personal data erased) on `today`, and
/// if not, why and until when.
///
/// The longest obligation wins ("retention wins over deletion"); any hold not lifted by
/// `today` blocks, whatever the periods say. A record with no obligation and no hold may be
/// destroyed.
///
/// # Errors
///
/// [`RetentionError::DateOutOfRange`] when an obligation's end cannot be represented.
///
/// # Examples
///
/// ```
/// use apkalpe_documents::{
///     retention_decision, AccountingRecord, LegalHold, RetentionFacts, RetentionObligation,
/// };
/// use chrono::NaiveDate;
///
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// // An invoice of 2020 (5 years, GL art. 28): kept through 2025.
/// let invoice = RetentionFacts::new().with_obligation(RetentionObligation::accounting(
///     AccountingRecord::SupportingDocument,
///     Some(day(2020, 6, 30)?),
/// ));
/// let decision = retention_decision(&invoice, day(2026, 3, 2)?)?;
/// assert!(decision.may_destroy());
/// assert_eq!(decision.lines(), ["may be destroyed since 2026-01-01: every retention period has ended"]);
///
/// // The same invoice under a dispute: the hold wins.
/// let disputed = invoice.with_hold(LegalHold::try_new("LH-1", "strīds ar klientu", day(2025, 11, 3)?)?);
/// let decision = retention_decision(&disputed, day(2026, 3, 2)?)?;
/// assert!(!decision.may_destroy());
/// assert_eq!(decision.lines()[0], "keep: no end date yet");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Legal basis
///
/// `docs/sources.md` §3c (accounting periods), §5b and §13.5 (file-plan periods, counting rule L),
/// peer lessons 7 and 12 (erasure against retention; holds).
///
/// # Core's model
///
/// `apkalpe_core::RetentionFacts::decide` (decision 0008) replaces this function for new
/// code: it decides on the facts of every crate at once. [`RetentionFacts::to_core`] and
/// [`ClosedCase::core_retention_facts`](crate::ClosedCase::core_retention_facts) state the
/// crate's facts for it, with the same end dates.
pub fn retention_decision(
    facts: &RetentionFacts,
    today: NaiveDate,
) -> Result<RetentionDecision, RetentionError> {
    let mut reasons = Vec::new();
    let mut open_ended = false;
    let mut latest: Option<NaiveDate> = None;
    let mut latest_running: Option<NaiveDate> = None;
    for obligation in &facts.obligations {
        let basis = obligation.basis.clone();
        match (&obligation.period, obligation.ends_on()?) {
            (RetentionPeriod::Permanent, _) => {
                open_ended = true;
                reasons.push(KeepReason::Permanent { basis });
            }
            (period, None) => {
                open_ended = true;
                reasons.push(KeepReason::StartUnknown {
                    period: period.clone(),
                    basis,
                });
            }
            (period, Some(ends_on)) => {
                latest = latest.max(Some(ends_on));
                if ends_on >= today {
                    latest_running = latest_running.max(Some(ends_on));
                    reasons.push(KeepReason::Running {
                        ends_on,
                        period: period.clone(),
                        basis,
                    });
                }
            }
        }
    }
    for hold in facts.holds.iter().filter(|hold| hold.is_active_on(today)) {
        open_ended = true;
        reasons.push(KeepReason::LegalHold {
            id: hold.id().to_owned(),
            reason: hold.reason().to_owned(),
            placed_on: hold.placed_on(),
        });
    }
    if reasons.is_empty() {
        let since = latest.and_then(|last| last.succ_opt());
        return Ok(RetentionDecision::MayDestroy { since });
    }
    Ok(RetentionDecision::Keep {
        until: if open_ended { None } else { latest_running },
        reasons,
    })
}
