//! Retention periods (*glabāšanas termiņi*) and the one engine that decides whether a record
//! may be destroyed or erased today.

use std::fmt;
use std::str::FromStr;

use apkalpe_core::RestoreError;
use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::text::{Lines, TextProblem, check_saved, clean, echo};

/// The longest retention in years accepted.
const MAX_YEARS: u16 = 999;

/// How long a case or record is kept.
///
/// Written in Latvian as in a file plan: `pastāvīgi`, `5 gadi`, `90 gadi no personas
/// dzimšanas`; English `permanent`, `5y`, `90y from birth` is parsed too. `Display` writes
/// the Latvian form (`1 gads`, `21 gads`, `5 gadi`).
///
/// # Examples
///
/// ```
/// use apkalpe_documents::{RetentionCategory, RetentionPeriod};
///
/// let period: RetentionPeriod = "5 gadi".parse()?;
/// assert_eq!(period, RetentionPeriod::Years(5));
/// assert_eq!(period.category(), RetentionCategory::ShortTerm);
///
/// let personnel: RetentionPeriod = "90 gadi no personas dzimšanas".parse()?;
/// assert_eq!(personnel.category(), RetentionCategory::LongTerm);
/// assert_eq!(personnel.to_string(), "90 gadi no personas dzimšanas");
/// assert_eq!("pastāvīgi".parse::<RetentionPeriod>()?, RetentionPeriod::Permanent);
/// # Ok::<(), apkalpe_documents::DocumentsError>(())
/// ```
///
/// # Legal basis
///
/// `docs/sources.md` §5b, §13.5 \[R7\]\[R8\]\[N29\]: permanent; temporary split into short-term (≤ 10
/// years) and long-term (> 10 years); personnel files 90 years from the person's birth.
///
/// # Name
///
/// `apkalpe-core` has a `RetentionPeriod` too (the retention model's period, in years, months
/// or days); the [`prelude`](crate::prelude) exports this one as `FilePlanRetentionPeriod`,
/// and [`RetentionPeriod::to_core`] maps it onto core's.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum RetentionPeriod {
    /// Kept permanently (*pastāvīgi*).
    Permanent,
    /// Kept a number of years (1 to 999), counted by a [`CountingRule`] from the closing of
    /// the case.
    Years(u16),
    /// Kept a number of years (0 to 999) counted from an event other than the closing, such
    /// as a person's birth or the end of the business; the event's date comes with the case.
    YearsFromEvent {
        /// The number of years.
        years: u16,
        /// The event, in the file plan's words ("personas dzimšanas").
        event: String,
    },
}

/// The retention category of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RetentionCategory {
    /// At most 10 years (*īslaicīgi*): no archival value, destroyed when due.
    ShortTerm,
    /// More than 10 years (*ilgstoši*): archival value.
    LongTerm,
    /// Permanent (*pastāvīgi*): archival value, never destroyed.
    Permanent,
}

impl RetentionCategory {
    /// Returns the Latvian name.
    pub const fn latvian_name(self) -> &'static str {
        match self {
            RetentionCategory::ShortTerm => "īslaicīgi",
            RetentionCategory::LongTerm => "ilgstoši",
            RetentionCategory::Permanent => "pastāvīgi",
        }
    }

    /// Tells whether cases of the category have archival value (long-term and permanent).
    pub const fn has_archival_value(self) -> bool {
        !matches!(self, RetentionCategory::ShortTerm)
    }
}

impl RetentionPeriod {
    /// Returns the category: permanent; long-term above 10 years; short-term otherwise.
    pub fn category(&self) -> RetentionCategory {
        match self {
            RetentionPeriod::Permanent => RetentionCategory::Permanent,
            RetentionPeriod::Years(years) | RetentionPeriod::YearsFromEvent { years, .. } => {
                if *years > 10 {
                    RetentionCategory::LongTerm
                } else {
                    RetentionCategory::ShortTerm
                }
            }
        }
    }

    /// Tells whether the period is temporary (not permanent), so it needs a legal basis.
    pub fn is_temporary(&self) -> bool {
        !matches!(self, RetentionPeriod::Permanent)
    }
}

/// Latvian "gads" after 1, 21, 31… except 11; "gadi" otherwise.
fn years_word(years: u16) -> &'static str {
    if years % 10 == 1 && years % 100 != 11 {
        "gads"
    } else {
        "gadi"
    }
}

impl fmt::Display for RetentionPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RetentionPeriod::Permanent => f.write_str("pastāvīgi"),
            RetentionPeriod::Years(years) => write!(f, "{years} {}", years_word(*years)),
            RetentionPeriod::YearsFromEvent { years, event } => {
                write!(f, "{years} {} no {event}", years_word(*years))
            }
        }
    }
}

/// The error returned when text is not a retention period.
///
/// It serialises (tagged by `error`) because a file plan's validation report carries it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(tag = "error", rename_all = "snake_case")]
#[non_exhaustive]
pub enum ParseRetentionError {
    /// The text is blank.
    #[error("retention period is empty")]
    Empty,
    /// The text does not start with `pastāvīgi`/`permanent` or a number of years from 0 to
    /// 999 (1 to 999 without an event).
    #[error("retention period {found:?} must be pastāvīgi or a number of years from 1 to 999")]
    Years {
        /// The text, cut to 32 characters.
        found: String,
    },
    /// The unit after the number is not `gads`, `gadi`, `g.`, `y` or `years`.
    #[error("retention period unit {found:?} is not gadi or y")]
    Unit {
        /// The text after the number, cut to 32 characters.
        found: String,
    },
    /// The event after `no` / `from` is blank or malformed.
    #[error("retention period event {problem}")]
    Event {
        /// What is wrong with the event text.
        problem: TextProblem,
    },
}

impl ParseRetentionError {
    /// Returns the stable code: `retention.empty`, `retention.years`, `retention.unit` or
    /// `retention.event`.
    pub fn code(&self) -> &'static str {
        match self {
            ParseRetentionError::Empty => "retention.empty",
            ParseRetentionError::Years { .. } => "retention.years",
            ParseRetentionError::Unit { .. } => "retention.unit",
            ParseRetentionError::Event { .. } => "retention.event",
        }
    }
}

impl FromStr for RetentionPeriod {
    type Err = ParseRetentionError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let text = s.trim();
        if text.is_empty() {
            return Err(ParseRetentionError::Empty);
        }
        let lower = text.to_lowercase();
        if lower == "pastāvīgi" || lower == "permanent" {
            return Ok(RetentionPeriod::Permanent);
        }
        let digits_end = text
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(text.len());
        let (digits, rest) = text.split_at_checked(digits_end).unwrap_or((text, ""));
        let years_error = || ParseRetentionError::Years { found: echo(text) };
        let years: u16 = digits.parse().map_err(|_| years_error())?;
        if years > MAX_YEARS {
            return Err(years_error());
        }
        let rest = rest.trim_start();
        let unit_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let (unit, after) = rest.split_at_checked(unit_end).unwrap_or((rest, ""));
        if !matches!(
            unit.to_lowercase().as_str(),
            "gads" | "gadi" | "g." | "y" | "years" | "year"
        ) {
            return Err(ParseRetentionError::Unit { found: echo(rest) });
        }
        let after = after.trim();
        if after.is_empty() {
            if years == 0 {
                return Err(years_error());
            }
            return Ok(RetentionPeriod::Years(years));
        }
        let event = after
            .strip_prefix("no ")
            .or_else(|| after.strip_prefix("from "))
            .ok_or_else(|| ParseRetentionError::Unit { found: echo(rest) })?;
        let event = clean(event, 200, Lines::Single)
            .map_err(|problem| ParseRetentionError::Event { problem })?;
        Ok(RetentionPeriod::YearsFromEvent { years, event })
    }
}

impl TryFrom<String> for RetentionPeriod {
    type Error = ParseRetentionError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        value.parse()
    }
}

impl From<RetentionPeriod> for String {
    fn from(period: RetentionPeriod) -> Self {
        period.to_string()
    }
}

/// How a retention period is counted: a policy value, since the rule is not confirmed.
///
/// The traditional Latvian rule counts from 1 January of the year after the case is closed
/// ([`CountingRule::FromFirstJanuaryAfter`], the default); `docs/sources.md` §5b and §13.5 mark it L
/// (likely): it was not found in the text of MK 282. Pass another rule if your archive
/// counts differently.
///
/// # Examples
///
/// ```
/// use apkalpe_documents::CountingRule;
/// use chrono::NaiveDate;
///
/// let closed = NaiveDate::from_ymd_opt(2026, 3, 15).ok_or("date")?;
/// // Kept 5 years: 2027, 2028, 2029, 2030, 2031.
/// assert_eq!(
///     CountingRule::FromFirstJanuaryAfter.ends_on(closed, 5)?,
///     NaiveDate::from_ymd_opt(2031, 12, 31).ok_or("date")?
/// );
/// assert_eq!(
///     CountingRule::FromDate.ends_on(closed, 5)?,
///     NaiveDate::from_ymd_opt(2031, 3, 15).ok_or("date")?
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Name
///
/// `apkalpe-core` has a `CountingRule` too, with the same two rules and no default; the
/// [`prelude`](crate::prelude) exports this one as `CaseCountingRule`, and
/// `apkalpe_core::CountingRule::from` converts it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CountingRule {
    /// Counted from 1 January of the year after the start date: `n` years end on 31 December
    /// of the start year + `n` (`docs/sources.md` §5b, confidence L).
    #[default]
    FromFirstJanuaryAfter,
    /// Counted from the start date itself: `n` years end on the same day `n` years later
    /// (29 Feb → 28 Feb).
    FromDate,
}

impl CountingRule {
    /// Returns the last day of an `years`-year period counted from `start` (the last day the
    /// record must still be kept). Zero years end on `start` itself under
    /// [`CountingRule::FromDate`], and on 31 December of the start year under
    /// [`CountingRule::FromFirstJanuaryAfter`].
    ///
    /// # Errors
    ///
    /// [`RetentionError::DateOutOfRange`] when the end falls outside the dates `chrono` can
    /// hold.
    pub fn ends_on(self, start: NaiveDate, years: u16) -> Result<NaiveDate, RetentionError> {
        let out = || RetentionError::DateOutOfRange { start, years };
        match self {
            CountingRule::FromFirstJanuaryAfter => {
                let year = start.year().checked_add(i32::from(years)).ok_or_else(out)?;
                NaiveDate::from_ymd_opt(year, 12, 31).ok_or_else(out)
            }
            CountingRule::FromDate => start
                .checked_add_months(Months::new(u32::from(years).saturating_mul(12)))
                .ok_or_else(out),
        }
    }

    /// Returns a sentence describing the rule, for reports.
    pub const fn describe(self) -> &'static str {
        match self {
            CountingRule::FromFirstJanuaryAfter => {
                "counted from 1 January of the year after the start (facts §5b, likely)"
            }
            CountingRule::FromDate => "counted from the start date",
        }
    }
}

/// The error returned by the retention engine.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RetentionError {
    /// A retention end falls outside the dates that can be represented.
    #[error("{years} years counted from {start} fall outside the representable dates")]
    DateOutOfRange {
        /// The start of the count.
        start: NaiveDate,
        /// The number of years.
        years: u16,
    },
    /// A text field of a hold or obligation breaks a text rule.
    #[error("{field} {problem}")]
    Text {
        /// The field.
        field: &'static str,
        /// What is wrong.
        problem: TextProblem,
    },
    /// A hold is lifted before it was placed.
    #[error("legal hold {id} cannot be lifted on {lifted_on}, before it was placed on {placed_on}")]
    LiftedBeforePlaced {
        /// The hold's id.
        id: String,
        /// When it was placed.
        placed_on: NaiveDate,
        /// The lifting date given.
        lifted_on: NaiveDate,
    },
    /// A hold is lifted twice.
    #[error("legal hold {id} was already lifted")]
    AlreadyLifted {
        /// The hold's id.
        id: String,
    },
}

impl RetentionError {
    /// Returns the stable code: `retention.date_out_of_range`, `retention.blank`,
    /// `retention.too_long`, `retention.control_character`, `retention.lifted_before_placed`
    /// or `retention.already_lifted`.
    pub fn code(&self) -> &'static str {
        match self {
            RetentionError::DateOutOfRange { .. } => "retention.date_out_of_range",
            RetentionError::Text { problem, .. } => match problem {
                TextProblem::Blank => "retention.blank",
                TextProblem::TooLong { .. } => "retention.too_long",
                TextProblem::ControlCharacter => "retention.control_character",
            },
            RetentionError::LiftedBeforePlaced { .. } => "retention.lifted_before_placed",
            RetentionError::AlreadyLifted { .. } => "retention.already_lifted",
        }
    }
}

fn text(field: &'static str, value: &str, max: usize) -> Result<String, RetentionError> {
    clean(value, max, Lines::Single).map_err(|problem| RetentionError::Text { field, problem })
}

/// A legal hold (*glabāšanas aizliegums iznīcināt*): a dispute, an audit or an inquiry that
/// forbids destroying a record until lifted.
///
/// Holds are values, not a flag: a record may carry several, each with its reason, and only
/// lifting every one lets retention decide again (peer lesson 12). A hold that is not lifted
/// blocks destruction whatever its placing date.
///
/// # Examples
///
/// ```
/// use apkalpe_documents::LegalHold;
/// use chrono::NaiveDate;
///
/// let placed = NaiveDate::from_ymd_opt(2026, 5, 4).ok_or("date")?;
/// let hold = LegalHold::try_new("LH-7", "tiesvedība ar SIA Klients", placed)?;
/// assert!(hold.is_active_on(placed));
/// let lifted = hold.lift(NaiveDate::from_ymd_opt(2027, 1, 15).ok_or("date")?)?;
/// assert!(!lifted.is_active_on(NaiveDate::from_ymd_opt(2027, 1, 15).ok_or("date")?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Saved form
///
/// `{"id": "LH-7", "reason": "…", "placed_on": "2026-05-04", "lifted_on": null}`;
/// deserialising re-runs the checks of [`LegalHold::try_new`] and [`LegalHold::lift`] (id and
/// reason texts, lifted on or after placing) and refuses a failing value with a
/// [`RestoreError`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "LegalHoldRecord")]
pub struct LegalHold {
    id: String,
    reason: String,
    placed_on: NaiveDate,
    lifted_on: Option<NaiveDate>,
}

/// The saved form of a [`LegalHold`], read before its checks.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LegalHoldRecord {
    id: String,
    reason: String,
    placed_on: NaiveDate,
    lifted_on: Option<NaiveDate>,
}

impl TryFrom<LegalHoldRecord> for LegalHold {
    type Error = RestoreError;

    fn try_from(record: LegalHoldRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "LegalHold";
        check_saved(WHAT, "id", &record.id, |v| text("hold id", v, 64))?;
        check_saved(WHAT, "reason", &record.reason, |v| {
            text("hold reason", v, 500)
        })?;
        if let Some(lifted_on) = record.lifted_on
            && lifted_on < record.placed_on
        {
            return Err(RestoreError::invalid(
                WHAT,
                "lifted_on",
                RetentionError::LiftedBeforePlaced {
                    id: record.id,
                    placed_on: record.placed_on,
                    lifted_on,
                },
            ));
        }
        Ok(LegalHold {
            id: record.id,
            reason: record.reason,
            placed_on: record.placed_on,
            lifted_on: record.lifted_on,
        })
    }
}

impl LegalHold {
    /// Places a hold with an id (1 to 64 characters) and a reason (1 to 500 characters).
    ///
    /// # Errors
    ///
    /// [`RetentionError::Text`] for a blank, too long or multi-line id or reason.
    pub fn try_new(id: &str, reason: &str, placed_on: NaiveDate) -> Result<Self, RetentionError> {
        Ok(LegalHold {
            id: text("hold id", id, 64)?,
            reason: text("hold reason", reason, 500)?,
            placed_on,
            lifted_on: None,
        })
    }

    /// Lifts the hold from `lifted_on` (the hold no longer blocks on that day).
    ///
    /// # Errors
    ///
    /// [`RetentionError::AlreadyLifted`] for a lifted hold;
    /// [`RetentionError::LiftedBeforePlaced`] for a date before the placing.
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
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Returns the reason.
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// Returns when it was placed.
    pub fn placed_on(&self) -> NaiveDate {
        self.placed_on
    }

    /// Returns when it was lifted, if it was.
    pub fn lifted_on(&self) -> Option<NaiveDate> {
        self.lifted_on
    }

    /// Tells whether the hold blocks destruction on `date`: always, unless lifted on or
    /// before `date`.
    pub fn is_active_on(&self, date: NaiveDate) -> bool {
        self.lifted_on.is_none_or(|lifted| lifted > date)
    }
}

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
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "RetentionObligationRecord")]
pub struct RetentionObligation {
    period: RetentionPeriod,
    counted_from: Option<NaiveDate>,
    counting: CountingRule,
    basis: String,
}

/// The saved form of a [`RetentionObligation`], read before its checks.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RetentionObligationRecord {
    period: RetentionPeriod,
    counted_from: Option<NaiveDate>,
    counting: CountingRule,
    basis: String,
}

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
    pub fn period(&self) -> &RetentionPeriod {
        &self.period
    }

    /// Returns the start of the count, if known.
    pub fn counted_from(&self) -> Option<NaiveDate> {
        self.counted_from
    }

    /// Returns the counting rule.
    pub fn counting(&self) -> CountingRule {
        self.counting
    }

    /// Returns the legal basis.
    pub fn basis(&self) -> &str {
        &self.basis
    }

    /// Returns the last day the record must be kept: `None` for a permanent period or an
    /// unknown start.
    ///
    /// # Errors
    ///
    /// [`RetentionError::DateOutOfRange`] when the end cannot be represented.
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetentionFacts {
    obligations: Vec<RetentionObligation>,
    holds: Vec<LegalHold>,
}

impl RetentionFacts {
    /// Creates facts with no obligation and no hold.
    pub fn new() -> Self {
        RetentionFacts::default()
    }

    /// Adds an obligation.
    #[must_use]
    pub fn with_obligation(mut self, obligation: RetentionObligation) -> Self {
        self.obligations.push(obligation);
        self
    }

    /// Adds a legal hold.
    #[must_use]
    pub fn with_hold(mut self, hold: LegalHold) -> Self {
        self.holds.push(hold);
        self
    }

    /// Returns the obligations.
    pub fn obligations(&self) -> &[RetentionObligation] {
        &self.obligations
    }

    /// Returns the holds.
    pub fn holds(&self) -> &[LegalHold] {
        &self.holds
    }
}

/// Why a record must still be kept.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "decision", rename_all = "snake_case")]
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
            id: hold.id.clone(),
            reason: hold.reason.clone(),
            placed_on: hold.placed_on,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn parses_periods() {
        for (text, period) in [
            ("pastāvīgi", RetentionPeriod::Permanent),
            ("PERMANENT", RetentionPeriod::Permanent),
            ("1 gads", RetentionPeriod::Years(1)),
            ("10y", RetentionPeriod::Years(10)),
            ("75 years", RetentionPeriod::Years(75)),
        ] {
            assert_eq!(text.parse::<RetentionPeriod>().unwrap(), period, "{text}");
        }
        assert_eq!(RetentionPeriod::Years(21).to_string(), "21 gads");
        assert_eq!(RetentionPeriod::Years(11).to_string(), "11 gadi");
        let event: RetentionPeriod = "90y from birth".parse().unwrap();
        assert_eq!(
            event,
            RetentionPeriod::YearsFromEvent {
                years: 90,
                event: "birth".to_owned()
            }
        );
        for (text, code) in [
            ("", "retention.empty"),
            ("ilgi", "retention.years"),
            ("0 gadi", "retention.years"),
            ("1000 gadi", "retention.years"),
            ("5 mēneši", "retention.unit"),
            ("5 gadi pēc", "retention.unit"),
            ("5 gadi no  ", "retention.unit"),
        ] {
            assert_eq!(
                text.parse::<RetentionPeriod>().unwrap_err().code(),
                code,
                "{text}"
            );
        }
    }

    #[test]
    fn categories() {
        assert_eq!(
            RetentionPeriod::Years(10).category(),
            RetentionCategory::ShortTerm
        );
        assert_eq!(
            RetentionPeriod::Years(11).category(),
            RetentionCategory::LongTerm
        );
    }

    #[test]
    fn longest_obligation_wins() {
        let facts = RetentionFacts::new()
            .with_obligation(RetentionObligation::accounting(
                AccountingRecord::SupportingDocument,
                Some(day(2020, 1, 1)),
            ))
            .with_obligation(RetentionObligation::accounting(
                AccountingRecord::AccountingRegister,
                Some(day(2020, 1, 1)),
            ));
        let decision = retention_decision(&facts, day(2026, 3, 2)).unwrap();
        assert_eq!(
            decision,
            RetentionDecision::Keep {
                until: Some(day(2030, 12, 31)),
                reasons: vec![KeepReason::Running {
                    ends_on: day(2030, 12, 31),
                    period: RetentionPeriod::Years(10),
                    basis: "Grāmatvedības likums, 28. pants".to_owned()
                }]
            }
        );
        let later = retention_decision(&facts, day(2031, 1, 1)).unwrap();
        assert_eq!(
            later,
            RetentionDecision::MayDestroy {
                since: Some(day(2031, 1, 1))
            }
        );
    }

    #[test]
    fn annual_report_is_kept_until_the_business_ends() {
        let facts = RetentionFacts::new().with_obligation(RetentionObligation::accounting(
            AccountingRecord::AnnualReport,
            None,
        ));
        let decision = retention_decision(&facts, day(2026, 3, 2)).unwrap();
        assert!(matches!(
            decision,
            RetentionDecision::Keep { until: None, .. }
        ));
    }

    #[test]
    fn lifted_hold_no_longer_blocks() {
        let hold = LegalHold::try_new("H", "audit", day(2026, 1, 1)).unwrap();
        assert_eq!(
            hold.clone().lift(day(2025, 1, 1)).unwrap_err().code(),
            "retention.lifted_before_placed"
        );
        let lifted = hold.lift(day(2026, 2, 1)).unwrap();
        assert_eq!(
            lifted.clone().lift(day(2026, 3, 1)).unwrap_err().code(),
            "retention.already_lifted"
        );
        let facts = RetentionFacts::new().with_hold(lifted);
        assert!(
            !retention_decision(&facts, day(2026, 1, 31))
                .unwrap()
                .may_destroy()
        );
        assert!(
            retention_decision(&facts, day(2026, 2, 1))
                .unwrap()
                .may_destroy()
        );
    }
}
