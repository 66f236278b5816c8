//! An answer deadline as counted on the calendar, with its extension.

use super::*;

/// A computed answer deadline with the rule that gave it.
///
/// # Saved form
///
/// `{"regime": {"regime": "consumer"}, "deadline": {"start", "period", "date", "steps"},
/// "extended": {"deadline": {…}, "condition": "…"}, "basis": "…", "notes": […]}` (before
/// issue 13 `extended` was a pair `[deadline, condition]`; that shape is still read).
///
/// What deserialising re-checks, and what it cannot: the rules table and the calendar are
/// not saved with the deadline. The deadline and any longer term are counted again from
/// their saved start and period with [`Calendar::latvia`], and must give the saved date and
/// steps (so a date edited by hand is refused); a deadline counted with a customised
/// calendar (extra days off) is therefore refused too, until `apkalpe-core` can restore a
/// [`Deadline`] as saved. The longer term must start on the receipt date. A company's own
/// term must have the regime's period, no longer term, the company basis and no notes.
/// Which rule of which table gave a consumer or submission period, and its basis and notes,
/// cannot be re-checked. A failing value is refused with a [`RestoreError`].
///
/// # Examples
///
/// ```
/// # use apkalpe_core::Calendar;
/// # use apkalpe_documents::*;
/// # use chrono::NaiveDate;
/// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
/// # let answer = AnswerRules::latvia().deadline(DeadlineRegime::Consumer, day(3, 2)?, &Calendar::latvia())?;
/// # let _ = (&answer,);
/// assert_eq!(answer.date(), day(3, 23)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "AnswerDeadlineRecord"))]
pub struct AnswerDeadline {
    pub(super) regime: DeadlineRegime,
    pub(super) deadline: Deadline,
    pub(super) extended: Option<ExtendedDeadline>,
    pub(super) basis: String,
    pub(super) notes: Vec<String>,
}

/// A longer term a rule allows, with its condition.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub(super) struct ExtendedDeadline {
    pub(super) deadline: Deadline,
    pub(super) condition: String,
}

/// A saved [`Deadline`], read before it is counted again.
#[cfg(feature = "serde")]
#[derive(Debug, Clone, serde::Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(super) struct SavedDeadline {
    pub(super) start: NaiveDate,
    pub(super) period: Period,
    pub(super) date: NaiveDate,
    pub(super) steps: serde_json::Value,
}

/// The saved forms of a longer term: named, or the pair written before issue 13.
#[cfg(feature = "serde")]
#[derive(Debug, Clone, serde::Deserialize)]
#[cfg_attr(feature = "serde", serde(untagged))]
pub(super) enum SavedExtended {
    Named {
        deadline: SavedDeadline,
        condition: String,
    },
    Pair(SavedDeadline, String),
}

/// The saved form of an [`AnswerDeadline`], read before its checks.
#[cfg(feature = "serde")]
#[derive(Debug, Clone, serde::Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(super) struct AnswerDeadlineRecord {
    pub(super) regime: DeadlineRegime,
    pub(super) deadline: SavedDeadline,
    pub(super) extended: Option<SavedExtended>,
    pub(super) basis: String,
    pub(super) notes: Vec<String>,
}

#[cfg(feature = "serde")]
/// The built-in calendar, built once: restoring deadlines counts with it.
pub(super) fn latvia() -> &'static Calendar {
    static LATVIA: OnceLock<Calendar> = OnceLock::new();
    LATVIA.get_or_init(Calendar::latvia)
}

#[cfg(feature = "serde")]
/// Counts a saved deadline again with [`Calendar::latvia`] and checks it gives the saved date
/// and steps.
pub(super) fn restore_deadline(
    what: &'static str,
    field: &str,
    saved: SavedDeadline,
) -> Result<Deadline, RestoreError> {
    let deadline = latvia()
        .deadline(saved.start, saved.period)
        .map_err(|error| RestoreError::invalid(what, format!("{field}.start"), error))?;
    if deadline.date() != saved.date {
        return Err(RestoreError::inconsistent(
            what,
            format!("{field}.date"),
            format_args!(
                "{} counted from {} with the Latvian calendar ends on {}",
                saved.period,
                saved.start,
                deadline.date()
            ),
        )
        .with_latvian_reason(format_args!(
            "{}, skaitot no {} pēc Latvijas kalendāra, beidzas {}",
            saved.period,
            saved.start,
            deadline.date()
        )));
    }
    let steps = serde_json::to_value(deadline.steps()).map_err(|error| {
        RestoreError::inconsistent(what, format!("{field}.steps"), &error)
            .with_latvian_reason(format_args!("soļus nevar pārvērst JSON vērtībā: {error}"))
    })?;
    if steps != saved.steps {
        return Err(RestoreError::inconsistent(
            what,
            format!("{field}.steps"),
            "are not the steps the Latvian calendar counts for this start and period",
        )
        .with_latvian_reason(
            "nav tie soļi, ko Latvijas kalendārs skaita šim sākumam un periodam",
        ));
    }
    Ok(deadline)
}

#[cfg(feature = "serde")]
impl TryFrom<AnswerDeadlineRecord> for AnswerDeadline {
    type Error = RestoreError;

    fn try_from(record: AnswerDeadlineRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "AnswerDeadline";
        let deadline = restore_deadline(WHAT, "deadline", record.deadline)?;
        let extended = match record.extended {
            None => None,
            Some(
                SavedExtended::Named {
                    deadline: longer,
                    condition,
                }
                | SavedExtended::Pair(longer, condition),
            ) => {
                if longer.start != deadline.start() {
                    return Err(RestoreError::inconsistent(
                        WHAT,
                        "extended.deadline.start",
                        format_args!(
                            "the longer term counts from the receipt on {}",
                            deadline.start()
                        ),
                    )
                    .with_latvian_reason(format_args!(
                        "garāko termiņu skaita no saņemšanas {}",
                        deadline.start()
                    )));
                }
                Some(ExtendedDeadline {
                    deadline: restore_deadline(WHAT, "extended.deadline", longer)?,
                    condition,
                })
            }
        };
        if let DeadlineRegime::Company(period) = record.regime {
            if deadline.period() != period {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    "deadline.period",
                    format_args!("the company's term is {period}"),
                )
                .with_latvian_reason(format_args!("uzņēmuma termiņš ir {period}")));
            }
            if extended.is_some() || record.basis != COMPANY_BASIS || !record.notes.is_empty() {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    "regime",
                    "a company's own term has no longer term, the company basis and no notes",
                )
            .with_latvian_reason(
                "uzņēmuma paša termiņam nav garākā termiņa, tam ir uzņēmuma pamatojums un nav piezīmju",
            ));
            }
        }
        Ok(AnswerDeadline {
            regime: record.regime,
            deadline,
            extended,
            basis: record.basis,
            notes: record.notes,
        })
    }
}

impl AnswerDeadline {
    /// Returns the deadline date.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::Calendar;
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let answer = AnswerRules::latvia().deadline(DeadlineRegime::Consumer, day(3, 2)?, &Calendar::latvia())?;
    /// # let _ = (&answer,);
    /// assert_eq!(answer.date(), day(3, 23)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn date(&self) -> NaiveDate {
        self.deadline.date()
    }

    /// Returns the receipt date.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::Calendar;
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let answer = AnswerRules::latvia().deadline(DeadlineRegime::Consumer, day(3, 2)?, &Calendar::latvia())?;
    /// # let _ = (&answer,);
    /// assert_eq!(answer.received_on(), day(3, 2)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn received_on(&self) -> NaiveDate {
        self.deadline.start()
    }

    /// Returns the regime.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::Calendar;
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let answer = AnswerRules::latvia().deadline(DeadlineRegime::Consumer, day(3, 2)?, &Calendar::latvia())?;
    /// # let _ = (&answer,);
    /// assert_eq!(answer.regime(), DeadlineRegime::Consumer);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn regime(&self) -> DeadlineRegime {
        self.regime
    }

    /// Returns the core deadline with its steps.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::Calendar;
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let answer = AnswerRules::latvia().deadline(DeadlineRegime::Consumer, day(3, 2)?, &Calendar::latvia())?;
    /// # let _ = (&answer,);
    /// assert_eq!(answer.deadline().date(), answer.date());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn deadline(&self) -> &Deadline {
        &self.deadline
    }

    /// Returns the latest date where the rule allows a longer term, if it does.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::Calendar;
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let answer = AnswerRules::latvia().deadline(DeadlineRegime::Consumer, day(3, 2)?, &Calendar::latvia())?;
    /// # let _ = (&answer,);
    /// assert_eq!(answer.extended_until(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn extended_until(&self) -> Option<NaiveDate> {
        self.extended
            .as_ref()
            .map(|extended| extended.deadline.date())
    }

    /// Returns the legal basis.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::Calendar;
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let answer = AnswerRules::latvia().deadline(DeadlineRegime::Consumer, day(3, 2)?, &Calendar::latvia())?;
    /// # let _ = (&answer,);
    /// assert!(!answer.basis().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn basis(&self) -> &str {
        &self.basis
    }

    /// Returns the lines `desk complaint deadline` prints: the deadline alone as an ISO
    /// date, then the rule, its steps, any longer term, the legal basis and notes.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::Calendar;
    /// use apkalpe_documents::{AnswerRules, DeadlineRegime};
    /// use chrono::NaiveDate;
    ///
    /// let received = NaiveDate::from_ymd_opt(2026, 12, 10).ok_or("date")?;
    /// let answer = AnswerRules::latvia().deadline(DeadlineRegime::Consumer, received, &Calendar::latvia())?;
    /// let lines = answer.lines();
    /// assert_eq!(lines[0], "2027-01-06");
    /// assert_eq!(lines[1], "rule: consumer claim answered within 15 working days of receipt on 2026-12-10");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lines(&self) -> Vec<String> {
        let what = match self.regime {
            DeadlineRegime::Consumer => "consumer claim",
            DeadlineRegime::Submission => "submission",
            DeadlineRegime::Company(_) => "submission to the company",
        };
        let mut lines = vec![
            self.date().to_string(),
            format!(
                "rule: {what} answered within {} of receipt on {}",
                describe(self.deadline.period()),
                self.received_on()
            ),
        ];
        lines.extend(self.deadline.steps().iter().map(ToString::to_string));
        if let Some(ExtendedDeadline {
            deadline: longer,
            condition,
        }) = &self.extended
        {
            lines.push(format!(
                "longer term: up to {} ({}), {condition}",
                longer.date(),
                describe(longer.period())
            ));
        }
        lines.push(format!("basis: {}", self.basis));
        lines.extend(self.notes.iter().map(|note| format!("note: {note}")));
        lines
    }
}

pub(super) fn describe(period: Period) -> String {
    let (count, noun) = match period {
        Period::Days(n) => (n, CountNoun::new("day", "days")),
        Period::WorkingDays(n) => (n, CountNoun::new("working day", "working days")),
        Period::Months(n) => (n, CountNoun::new("month", "months")),
    };
    noun.count(Language::English, u64::from(count))
}
