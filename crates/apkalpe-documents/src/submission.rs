//! Complaints, proposals, applications and reclamations (*sūdzības, priekšlikumi,
//! iesniegumi, pretenzijas*): registration, legal answer deadlines, answers, overdue report.

use std::fmt;
use std::str::FromStr;
use std::sync::OnceLock;

use apkalpe_core::{Calendar, CalendarError, CountNoun, Deadline, Language, Period, RestoreError};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::text::{Lines, TextProblem, check_saved, clean, echo};

/// The basis an [`AnswerDeadline`] of [`DeadlineRegime::Company`] names.
const COMPANY_BASIS: &str =
    "the company's own term (the Law on Submissions binds institutions only)";

/// The kind of a submission from a client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubmissionKind {
    /// A complaint (*sūdzība*).
    Complaint,
    /// A proposal (*priekšlikums*).
    Proposal,
    /// An application (*iesniegums*).
    Application,
    /// A reclamation about goods or services (*pretenzija*).
    Reclamation,
}

impl SubmissionKind {
    /// Returns the snake_case name.
    pub const fn as_str(self) -> &'static str {
        match self {
            SubmissionKind::Complaint => "complaint",
            SubmissionKind::Proposal => "proposal",
            SubmissionKind::Application => "application",
            SubmissionKind::Reclamation => "reclamation",
        }
    }
}

/// How a submission arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// At the counter.
    InPerson,
    /// By post.
    Post,
    /// By e-mail.
    Email,
    /// By phone (recorded by the specialist).
    Phone,
    /// Through the website or a customer portal.
    Website,
    /// Through the official e-address (*e-adrese*).
    EAddress,
}

/// Which legal regime sets the answer deadline.
///
/// Parsed from `consumer`, `submission` (the names `desk complaint deadline` takes) or
/// `company:<period>` such as `company:10wd`.
///
/// # Examples
///
/// ```
/// use apkalpe_documents::DeadlineRegime;
/// use apkalpe_core::Period;
///
/// assert_eq!("consumer".parse::<DeadlineRegime>()?, DeadlineRegime::Consumer);
/// assert_eq!("company:5wd".parse::<DeadlineRegime>()?, DeadlineRegime::Company(Period::WorkingDays(5)));
/// assert_eq!("tax".parse::<DeadlineRegime>().unwrap_err().code(), "submission.unknown_regime");
/// # Ok::<(), apkalpe_documents::DocumentsError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "regime", content = "period", rename_all = "snake_case")]
pub enum DeadlineRegime {
    /// A consumer's claim to a trader (PTAL art. 26.1).
    Consumer,
    /// A submission to an institution under the Law on Submissions (*Iesniegumu likums*).
    Submission,
    /// A company that is not an institution, with its own term.
    Company(Period),
}

impl FromStr for DeadlineRegime {
    type Err = SubmissionError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let unknown = || SubmissionError::UnknownRegime { found: echo(s) };
        match s.trim() {
            "consumer" => Ok(DeadlineRegime::Consumer),
            "submission" => Ok(DeadlineRegime::Submission),
            other => {
                let period = other.strip_prefix("company:").ok_or_else(unknown)?;
                period
                    .parse::<Period>()
                    .map(DeadlineRegime::Company)
                    .map_err(|_| unknown())
            }
        }
    }
}

impl fmt::Display for DeadlineRegime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DeadlineRegime::Consumer => f.write_str("consumer"),
            DeadlineRegime::Submission => f.write_str("submission"),
            DeadlineRegime::Company(period) => write!(f, "company:{period}"),
        }
    }
}

/// Which regime a rule belongs to (without the company's period).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegimeKind {
    /// See [`DeadlineRegime::Consumer`].
    Consumer,
    /// See [`DeadlineRegime::Submission`].
    Submission,
}

/// One effective-dated answer rule: a regime, the dates it applies to (by receipt date), the
/// period, an optional longer period with its condition, the term for forwarding a
/// submission that belongs to another institution, and the legal basis.
///
/// Saved as `{"regime", "valid_from", "valid_until", "period", "extension": {"period",
/// "condition"}, "forwarding": {"period", "may_inform_instead"}, "basis", "notes"}`
/// (`forwarding` left out when the rule has none). [`AnswerRule::new`] checks nothing, so
/// neither does deserialising. Before issue 13 `extension` was written as a pair `["1m",
/// "…"]`; that shape is still read, and a rule saved before issue 15 reads with no
/// forwarding term.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerRule {
    regime: RegimeKind,
    valid_from: Option<NaiveDate>,
    valid_until: Option<NaiveDate>,
    period: Period,
    extension: Option<Extension>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    forwarding: Option<Forwarding>,
    basis: String,
    notes: Vec<String>,
}

/// The term for forwarding a submission to the competent institution, and whether telling
/// the applicant where to turn may take its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Forwarding {
    period: Period,
    may_inform_instead: bool,
}

/// A longer answer period and when it may be used.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(from = "ExtensionRecord")]
struct Extension {
    period: Period,
    condition: String,
}

/// The saved forms of an [`Extension`]: named, or the pair written before issue 13.
#[derive(Deserialize)]
#[serde(untagged)]
enum ExtensionRecord {
    Named { period: Period, condition: String },
    Pair(Period, String),
}

impl From<ExtensionRecord> for Extension {
    fn from(record: ExtensionRecord) -> Self {
        match record {
            ExtensionRecord::Named { period, condition }
            | ExtensionRecord::Pair(period, condition) => Extension { period, condition },
        }
    }
}

impl AnswerRule {
    /// Creates a rule. `valid_from`/`valid_until` bound the receipt dates it applies to
    /// (inclusive, `None` for open); `extension` is a longer period and its condition.
    pub fn new(
        regime: RegimeKind,
        valid_from: Option<NaiveDate>,
        valid_until: Option<NaiveDate>,
        period: Period,
        extension: Option<(Period, String)>,
        basis: impl Into<String>,
        notes: Vec<String>,
    ) -> Self {
        AnswerRule {
            regime,
            valid_from,
            valid_until,
            period,
            extension: extension.map(|(period, condition)| Extension { period, condition }),
            forwarding: None,
            basis: basis.into(),
            notes,
        }
    }

    /// Returns the rule with a term for forwarding a submission that belongs to another
    /// institution; `informing` says whether telling the applicant where to turn may take
    /// the forwarding's place.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::Period;
    /// use apkalpe_documents::{AnswerRule, ForwardAction, RegimeKind};
    ///
    /// let rule = AnswerRule::new(RegimeKind::Submission, None, None, Period::WorkingDays(10), None, "Iesniegumu likums", vec![])
    ///     .with_forwarding(Period::WorkingDays(5), ForwardAction::ApplicantInformed);
    /// assert_eq!(rule.forwarding_period(), Some(Period::WorkingDays(5)));
    /// ```
    #[must_use]
    pub fn with_forwarding(mut self, period: Period, informing: ForwardAction) -> Self {
        self.forwarding = Some(Forwarding {
            period,
            may_inform_instead: informing == ForwardAction::ApplicantInformed,
        });
        self
    }

    /// Returns the term for forwarding a submission, if the rule has one.
    pub fn forwarding_period(&self) -> Option<Period> {
        self.forwarding.map(|forwarding| forwarding.period)
    }

    /// Returns the period.
    pub fn period(&self) -> Period {
        self.period
    }

    /// Returns the legal basis.
    pub fn basis(&self) -> &str {
        &self.basis
    }

    fn applies(&self, regime: RegimeKind, received_on: NaiveDate) -> bool {
        self.regime == regime
            && self.valid_from.is_none_or(|from| from <= received_on)
            && self.valid_until.is_none_or(|until| received_on <= until)
    }
}

/// The table of answer rules.
///
/// # Examples
///
/// ```
/// use apkalpe_core::Calendar;
/// use apkalpe_documents::{AnswerRules, DeadlineRegime};
/// use chrono::NaiveDate;
///
/// let rules = AnswerRules::latvia();
/// let calendar = Calendar::latvia();
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
///
/// // Received Mon 2 Mar 2026: 10 working days under the amended Law on Submissions.
/// let answer = rules.deadline(DeadlineRegime::Submission, day(2026, 3, 2)?, &calendar)?;
/// assert_eq!(answer.date(), day(2026, 3, 16)?);
/// // Received on 27 Feb 2026: the old one month.
/// let answer = rules.deadline(DeadlineRegime::Submission, day(2026, 2, 27)?, &calendar)?;
/// assert_eq!(answer.date(), day(2026, 3, 27)?);
/// assert_eq!(answer.extended_until(), Some(day(2026, 6, 29)?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Saved as `{"rules": […]}`; like [`AnswerRules::from_rules`], deserialising checks nothing
/// beyond each rule's shape.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerRules {
    rules: Vec<AnswerRule>,
}

impl AnswerRules {
    /// The Latvian rules (`docs/sources.md` §6, §13.6):
    ///
    /// | regime | received | period | longer | basis |
    /// |---|---|---|---|---|
    /// | consumer | any | 15 working days | — | PTAL art. 26.1; silence counts as refusal |
    /// | submission | to 28 Feb 2026 | 1 month | up to 4 months, for objective reasons, informing the applicant | Iesniegumu likums |
    /// | submission | from 1 Mar 2026 | 10 working days | up to 1 month where more information, other institutions or large data volumes are needed | Iesniegumu likums as amended 5 Feb 2026 |
    ///
    /// A submission that belongs to another institution is forwarded to it (informing the
    /// applicant) within 7 working days of receipt up to 28 Feb 2026, and within 5 working
    /// days from 1 Mar 2026, when the institution may instead tell the applicant where to
    /// turn (`docs/sources.md` §6 \[D1\]\[D2\]).
    ///
    /// Whether the 4-month extension survives the 2026 amendment is not confirmed (facts
    /// §13.6, U); the table leaves it out after 1 March 2026.
    pub fn latvia() -> Self {
        let date = NaiveDate::from_ymd_opt;
        AnswerRules {
            rules: vec![
                AnswerRule::new(
                    RegimeKind::Consumer,
                    None,
                    None,
                    Period::WorkingDays(15),
                    None,
                    "Patērētāju tiesību aizsardzības likums, 26.1 pants",
                    vec![
                        "the trader agrees or gives a reasoned written refusal; silence counts as refusal"
                            .to_owned(),
                    ],
                ),
                AnswerRule::new(
                    RegimeKind::Submission,
                    None,
                    date(2026, 2, 28),
                    Period::Months(1),
                    Some((
                        Period::Months(4),
                        "for objective reasons, informing the applicant".to_owned(),
                    )),
                    "Iesniegumu likums (redakcija līdz 2026-02-28)",
                    vec!["applies to institutions, not to ordinary companies".to_owned()],
                )
                .with_forwarding(Period::WorkingDays(7), ForwardAction::Forwarded),
                AnswerRule::new(
                    RegimeKind::Submission,
                    date(2026, 3, 1),
                    None,
                    Period::WorkingDays(10),
                    Some((
                        Period::Months(1),
                        "where more information, other institutions or large data volumes are needed"
                            .to_owned(),
                    )),
                    "Iesniegumu likums (grozījumi, spēkā no 2026-03-01)",
                    vec!["applies to institutions, not to ordinary companies".to_owned()],
                )
                .with_forwarding(Period::WorkingDays(5), ForwardAction::ApplicantInformed),
            ],
        }
    }

    /// Creates a table from rules (to add or replace rules when the law changes).
    pub fn from_rules(rules: Vec<AnswerRule>) -> Self {
        AnswerRules { rules }
    }

    /// Returns the rules.
    pub fn rules(&self) -> &[AnswerRule] {
        &self.rules
    }

    /// Returns the term for forwarding a submission received on `received_on` that belongs
    /// to another institution, under the rule of the Law on Submissions in force on that
    /// day.
    ///
    /// # Errors
    ///
    /// [`SubmissionError::NoForwardingRule`] when no submission rule with a forwarding term
    /// covers the date; [`SubmissionError::Calendar`] outside the calendar's years.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::Calendar;
    /// use apkalpe_documents::AnswerRules;
    /// use chrono::NaiveDate;
    ///
    /// let rules = AnswerRules::latvia();
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// // Received Fri 27 Feb 2026: 7 working days; Mon 2 Mar 2026: 5.
    /// assert_eq!(rules.forwarding_deadline(day(2026, 2, 27)?, &Calendar::latvia())?.date(), day(2026, 3, 10)?);
    /// assert_eq!(rules.forwarding_deadline(day(2026, 3, 2)?, &Calendar::latvia())?.date(), day(2026, 3, 9)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn forwarding_deadline(
        &self,
        received_on: NaiveDate,
        calendar: &Calendar,
    ) -> Result<ForwardingDeadline, SubmissionError> {
        let (rule, forwarding) = self
            .rules
            .iter()
            .filter(|rule| rule.applies(RegimeKind::Submission, received_on))
            .find_map(|rule| rule.forwarding.map(|forwarding| (rule, forwarding)))
            .ok_or(SubmissionError::NoForwardingRule { received_on })?;
        Ok(ForwardingDeadline {
            deadline: calendar.deadline(received_on, forwarding.period)?,
            may_inform_instead: forwarding.may_inform_instead,
            basis: rule.basis.clone(),
        })
    }

    /// Returns the answer deadline for a submission received on `received_on`.
    ///
    /// # Errors
    ///
    /// [`SubmissionError::NoRule`] when no rule covers the date;
    /// [`SubmissionError::Calendar`] outside the calendar's years.
    pub fn deadline(
        &self,
        regime: DeadlineRegime,
        received_on: NaiveDate,
        calendar: &Calendar,
    ) -> Result<AnswerDeadline, SubmissionError> {
        let (period, extension, basis, notes) = match regime {
            DeadlineRegime::Company(period) => (period, None, COMPANY_BASIS.to_owned(), Vec::new()),
            DeadlineRegime::Consumer | DeadlineRegime::Submission => {
                let kind = match regime {
                    DeadlineRegime::Consumer => RegimeKind::Consumer,
                    _ => RegimeKind::Submission,
                };
                let rule = self
                    .rules
                    .iter()
                    .find(|rule| rule.applies(kind, received_on))
                    .ok_or(SubmissionError::NoRule {
                        regime,
                        received_on,
                    })?;
                (
                    rule.period,
                    rule.extension
                        .as_ref()
                        .map(|extension| (extension.period, extension.condition.clone())),
                    rule.basis.clone(),
                    rule.notes.clone(),
                )
            }
        };
        let deadline = calendar.deadline(received_on, period)?;
        let extended = match extension {
            Some((longer, condition)) => Some(ExtendedDeadline {
                deadline: calendar.deadline(received_on, longer)?,
                condition,
            }),
            None => None,
        };
        Ok(AnswerDeadline {
            regime,
            deadline,
            extended,
            basis,
            notes,
        })
    }
}

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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "AnswerDeadlineRecord")]
pub struct AnswerDeadline {
    regime: DeadlineRegime,
    deadline: Deadline,
    extended: Option<ExtendedDeadline>,
    basis: String,
    notes: Vec<String>,
}

/// A longer term a rule allows, with its condition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
struct ExtendedDeadline {
    deadline: Deadline,
    condition: String,
}

/// A saved [`Deadline`], read before it is counted again.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct SavedDeadline {
    start: NaiveDate,
    period: Period,
    date: NaiveDate,
    steps: serde_json::Value,
}

/// The saved forms of a longer term: named, or the pair written before issue 13.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
enum SavedExtended {
    Named {
        deadline: SavedDeadline,
        condition: String,
    },
    Pair(SavedDeadline, String),
}

/// The saved form of an [`AnswerDeadline`], read before its checks.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct AnswerDeadlineRecord {
    regime: DeadlineRegime,
    deadline: SavedDeadline,
    extended: Option<SavedExtended>,
    basis: String,
    notes: Vec<String>,
}

/// The built-in calendar, built once: restoring deadlines counts with it.
fn latvia() -> &'static Calendar {
    static LATVIA: OnceLock<Calendar> = OnceLock::new();
    LATVIA.get_or_init(Calendar::latvia)
}

/// Counts a saved deadline again with [`Calendar::latvia`] and checks it gives the saved date
/// and steps.
fn restore_deadline(
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
        ));
    }
    let steps = serde_json::to_value(deadline.steps())
        .map_err(|error| RestoreError::inconsistent(what, format!("{field}.steps"), error))?;
    if steps != saved.steps {
        return Err(RestoreError::inconsistent(
            what,
            format!("{field}.steps"),
            "are not the steps the Latvian calendar counts for this start and period",
        ));
    }
    Ok(deadline)
}

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
                    ));
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
                ));
            }
            if extended.is_some() || record.basis != COMPANY_BASIS || !record.notes.is_empty() {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    "regime",
                    "a company's own term has no longer term, the company basis and no notes",
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
    pub fn date(&self) -> NaiveDate {
        self.deadline.date()
    }

    /// Returns the receipt date.
    pub fn received_on(&self) -> NaiveDate {
        self.deadline.start()
    }

    /// Returns the regime.
    pub fn regime(&self) -> DeadlineRegime {
        self.regime
    }

    /// Returns the core deadline with its steps.
    pub fn deadline(&self) -> &Deadline {
        &self.deadline
    }

    /// Returns the latest date where the rule allows a longer term, if it does.
    pub fn extended_until(&self) -> Option<NaiveDate> {
        self.extended
            .as_ref()
            .map(|extended| extended.deadline.date())
    }

    /// Returns the legal basis.
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

fn describe(period: Period) -> String {
    let (count, noun) = match period {
        Period::Days(n) => (n, CountNoun::new("day", "days")),
        Period::WorkingDays(n) => (n, CountNoun::new("working day", "working days")),
        Period::Months(n) => (n, CountNoun::new("month", "months")),
    };
    noun.count(Language::English, u64::from(count))
}

/// The error returned by submission operations.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SubmissionError {
    /// The regime name is not `consumer`, `submission` or `company:<period>`.
    #[error("deadline regime {found:?} is not consumer, submission or company:<period>")]
    UnknownRegime {
        /// The text, cut to 32 characters.
        found: String,
    },
    /// No rule covers the receipt date.
    #[error("no {regime} answer rule covers receipt on {received_on}")]
    NoRule {
        /// The regime.
        regime: DeadlineRegime,
        /// The receipt date.
        received_on: NaiveDate,
    },
    /// A text field breaks a text rule.
    #[error("{field} {problem}")]
    Text {
        /// The field.
        field: &'static str,
        /// What is wrong.
        problem: TextProblem,
    },
    /// The answer is dated before the receipt.
    #[error("submission {number} received on {received_on} cannot be answered on {answered_on}")]
    AnsweredBeforeReceived {
        /// The registration number.
        number: String,
        /// The receipt date.
        received_on: NaiveDate,
        /// The answer date given.
        answered_on: NaiveDate,
    },
    /// No submission rule with a forwarding term covers the receipt date.
    #[error("no rule for forwarding a submission covers receipt on {received_on}")]
    NoForwardingRule {
        /// The receipt date.
        received_on: NaiveDate,
    },
    /// Only a submission under the Law on Submissions is forwarded to another institution.
    #[error("submission {number} under the {regime} regime is not forwarded to an institution")]
    NotForwardable {
        /// The registration number.
        number: String,
        /// Its regime.
        regime: DeadlineRegime,
    },
    /// The forwarding is dated before the receipt.
    #[error("submission {number} received on {received_on} cannot be forwarded on {forwarded_on}")]
    ForwardedBeforeReceived {
        /// The registration number.
        number: String,
        /// The receipt date.
        received_on: NaiveDate,
        /// The forwarding date given.
        forwarded_on: NaiveDate,
    },
    /// Telling the applicant where to turn, where the rule in force asks to forward.
    #[error(
        "the rule for submission {number} asks to forward it, not only to inform the applicant"
    )]
    MustForward {
        /// The registration number.
        number: String,
    },
    /// The calendar could not count the deadline.
    #[error(transparent)]
    Calendar(#[from] CalendarError),
}

impl SubmissionError {
    /// Returns the stable code (`submission.unknown_regime`, `submission.no_rule`,
    /// `submission.blank`, `submission.too_long`, `submission.control_character`,
    /// `submission.answered_before_received`, `submission.no_forwarding_rule`,
    /// `submission.not_forwardable`, `submission.forwarded_before_received`,
    /// `submission.must_forward`, or the calendar's code).
    pub fn code(&self) -> &'static str {
        match self {
            SubmissionError::UnknownRegime { .. } => "submission.unknown_regime",
            SubmissionError::NoRule { .. } => "submission.no_rule",
            SubmissionError::Text { problem, .. } => match problem {
                TextProblem::Blank => "submission.blank",
                TextProblem::TooLong { .. } => "submission.too_long",
                TextProblem::ControlCharacter => "submission.control_character",
            },
            SubmissionError::AnsweredBeforeReceived { .. } => "submission.answered_before_received",
            SubmissionError::NoForwardingRule { .. } => "submission.no_forwarding_rule",
            SubmissionError::NotForwardable { .. } => "submission.not_forwardable",
            SubmissionError::ForwardedBeforeReceived { .. } => {
                "submission.forwarded_before_received"
            }
            SubmissionError::MustForward { .. } => "submission.must_forward",
            SubmissionError::Calendar(error) => error.code(),
        }
    }
}

fn text(
    field: &'static str,
    value: &str,
    max: usize,
    lines: Lines,
) -> Result<String, SubmissionError> {
    clean(value, max, lines).map_err(|problem| SubmissionError::Text { field, problem })
}

/// A submission as received, before registration.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewSubmission {
    /// The registration number given by the incoming register.
    pub number: String,
    /// The kind.
    pub kind: SubmissionKind,
    /// The date received.
    pub received_on: NaiveDate,
    /// The channel.
    pub channel: Channel,
    /// The client's id in the caller's system (a plain string).
    pub client_id: String,
    /// The invoice concerned, if any.
    pub invoice_number: Option<String>,
    /// What the client asks or complains about.
    pub summary: String,
}

/// How a submission was answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerOutcome {
    /// The claim was accepted.
    Accepted,
    /// Partly accepted.
    PartlyAccepted,
    /// Refused, with reasons (a consumer's claim needs a reasoned written refusal).
    Refused,
    /// Answered without a decision (a proposal thanked for, information given).
    Informed,
}

/// A registered submission awaiting its answer.
///
/// # Examples
///
/// ```
/// use apkalpe_core::Calendar;
/// use apkalpe_documents::{
///     AnswerOutcome, AnswerRules, Channel, DeadlineRegime, NewSubmission, OpenSubmission,
///     SubmissionKind,
/// };
/// use chrono::NaiveDate;
///
/// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
/// let complaint = OpenSubmission::register(
///     NewSubmission {
///         number: "2.1/14".into(),
///         kind: SubmissionKind::Complaint,
///         received_on: day(3, 2)?,
///         channel: Channel::Email,
///         client_id: "C-1042".into(),
///         invoice_number: Some("AP-2026-00077".into()),
///         summary: "Bojāta tējkanna, lūdz apmainīt".into(),
///     },
///     DeadlineRegime::Consumer,
///     &AnswerRules::latvia(),
///     &Calendar::latvia(),
/// )?;
/// assert_eq!(complaint.deadline().date(), day(3, 23)?);
/// assert!(complaint.is_deemed_refused(day(3, 24)?));
/// let answered = complaint.answer(day(3, 10)?, AnswerOutcome::Accepted, "Tējkanna tiks apmainīta.")?;
/// assert!(answered.is_in_time());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Saved form
///
/// `{"number", "kind", "channel", "client_id", "invoice_number", "summary", "deadline"}`,
/// the deadline an [`AnswerDeadline`]. Deserialising re-runs the text checks of
/// [`OpenSubmission::register`] and restores the deadline through its checks (see
/// [`AnswerDeadline`] for what they can and cannot re-check); a failing value is refused
/// with a [`RestoreError`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "OpenSubmissionRecord")]
pub struct OpenSubmission {
    number: String,
    kind: SubmissionKind,
    channel: Channel,
    client_id: String,
    invoice_number: Option<String>,
    summary: String,
    deadline: AnswerDeadline,
}

/// The saved form of an [`OpenSubmission`], read before its checks.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct OpenSubmissionRecord {
    number: String,
    kind: SubmissionKind,
    channel: Channel,
    client_id: String,
    invoice_number: Option<String>,
    summary: String,
    deadline: AnswerDeadlineRecord,
}

impl TryFrom<OpenSubmissionRecord> for OpenSubmission {
    type Error = RestoreError;

    fn try_from(record: OpenSubmissionRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "OpenSubmission";
        check_saved(WHAT, "number", &record.number, |v| {
            text("number", v, 50, Lines::Single)
        })?;
        check_saved(WHAT, "client_id", &record.client_id, |v| {
            text("client id", v, 100, Lines::Single)
        })?;
        if let Some(invoice) = &record.invoice_number {
            check_saved(WHAT, "invoice_number", invoice, |v| {
                text("invoice number", v, 50, Lines::Single)
            })?;
        }
        check_saved(WHAT, "summary", &record.summary, |v| {
            text("summary", v, 2_000, Lines::Multi)
        })?;
        let deadline =
            AnswerDeadline::try_from(record.deadline).map_err(|e| e.within("deadline"))?;
        Ok(OpenSubmission {
            number: record.number,
            kind: record.kind,
            channel: record.channel,
            client_id: record.client_id,
            invoice_number: record.invoice_number,
            summary: record.summary,
            deadline,
        })
    }
}

impl OpenSubmission {
    /// Registers a submission and computes its answer deadline.
    ///
    /// # Errors
    ///
    /// [`SubmissionError::Text`] for a blank or too long number (50), client id (100), invoice
    /// number (50) or summary (2 000); the errors of [`AnswerRules::deadline`].
    pub fn register(
        new: NewSubmission,
        regime: DeadlineRegime,
        rules: &AnswerRules,
        calendar: &Calendar,
    ) -> Result<Self, SubmissionError> {
        let number = text("number", &new.number, 50, Lines::Single)?;
        let client_id = text("client id", &new.client_id, 100, Lines::Single)?;
        let invoice_number = match new.invoice_number.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(invoice) => Some(text("invoice number", invoice, 50, Lines::Single)?),
        };
        let summary = text("summary", &new.summary, 2_000, Lines::Multi)?;
        let deadline = rules.deadline(regime, new.received_on, calendar)?;
        Ok(OpenSubmission {
            number,
            kind: new.kind,
            channel: new.channel,
            client_id,
            invoice_number,
            summary,
            deadline,
        })
    }

    /// Returns the registration number.
    pub fn number(&self) -> &str {
        &self.number
    }

    /// Returns the kind.
    pub fn kind(&self) -> SubmissionKind {
        self.kind
    }

    /// Returns the channel.
    pub fn channel(&self) -> Channel {
        self.channel
    }

    /// Returns the client id.
    pub fn client_id(&self) -> &str {
        &self.client_id
    }

    /// Returns the invoice number, if any.
    pub fn invoice_number(&self) -> Option<&str> {
        self.invoice_number.as_deref()
    }

    /// Returns the summary.
    pub fn summary(&self) -> &str {
        &self.summary
    }

    /// Returns the answer deadline.
    pub fn deadline(&self) -> &AnswerDeadline {
        &self.deadline
    }

    /// Tells whether the answer is overdue on `today` (the deadline day is still in time).
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        self.deadline.date() < today
    }

    /// Tells whether a consumer's claim counts as refused on `today`: the trader kept silent
    /// past the deadline (PTAL art. 26.1, `docs/sources.md` §6 \[D4\]).
    pub fn is_deemed_refused(&self, today: NaiveDate) -> bool {
        self.deadline.regime == DeadlineRegime::Consumer && self.is_overdue(today)
    }

    /// Records that the submission belongs to another institution and was forwarded to it
    /// (or, where the rule allows, that the applicant was told where to turn) on
    /// `forwarded_on`, with the term of the rule in force on the receipt date (T3.6).
    ///
    /// # Errors
    ///
    /// - [`SubmissionError::NotForwardable`] for a consumer's claim or a company's own
    ///   submission: the Law on Submissions binds institutions only.
    /// - [`SubmissionError::ForwardedBeforeReceived`].
    /// - [`SubmissionError::MustForward`] for [`ForwardAction::ApplicantInformed`] where the
    ///   rule asks to forward.
    /// - [`SubmissionError::Text`] for a blank or too long (200) institution.
    /// - The errors of [`AnswerRules::forwarding_deadline`].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::Calendar;
    /// use apkalpe_documents::{
    ///     AnswerRules, Channel, DeadlineRegime, ForwardAction, NewSubmission, OpenSubmission,
    ///     SubmissionKind,
    /// };
    /// use chrono::NaiveDate;
    ///
    /// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// let rules = AnswerRules::latvia();
    /// let calendar = Calendar::latvia();
    /// let application = OpenSubmission::register(
    ///     NewSubmission {
    ///         number: "3.1/9".into(),
    ///         kind: SubmissionKind::Application,
    ///         received_on: day(3, 2)?,
    ///         channel: Channel::EAddress,
    ///         client_id: "C-7".into(),
    ///         invoice_number: None,
    ///         summary: "Lūdz izsniegt būvatļaujas kopiju".into(),
    ///     },
    ///     DeadlineRegime::Submission,
    ///     &rules,
    ///     &calendar,
    /// )?;
    /// let forwarded = application.forward(day(3, 6)?, "Rīgas valstspilsētas pašvaldība", ForwardAction::Forwarded, &rules, &calendar)?;
    /// assert_eq!(forwarded.deadline().date(), day(3, 9)?);
    /// assert!(forwarded.is_in_time());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn forward(
        self,
        forwarded_on: NaiveDate,
        to: &str,
        action: ForwardAction,
        rules: &AnswerRules,
        calendar: &Calendar,
    ) -> Result<ForwardedSubmission, SubmissionError> {
        if self.deadline.regime != DeadlineRegime::Submission {
            return Err(SubmissionError::NotForwardable {
                number: self.number,
                regime: self.deadline.regime,
            });
        }
        let received_on = self.deadline.received_on();
        if forwarded_on < received_on {
            return Err(SubmissionError::ForwardedBeforeReceived {
                number: self.number,
                received_on,
                forwarded_on,
            });
        }
        let to = text("institution", to, 200, Lines::Single)?;
        let deadline = rules.forwarding_deadline(received_on, calendar)?;
        if action == ForwardAction::ApplicantInformed && !deadline.may_inform_instead {
            return Err(SubmissionError::MustForward {
                number: self.number,
            });
        }
        Ok(ForwardedSubmission {
            submission: self,
            forwarded_on,
            to,
            action,
            deadline,
        })
    }

    /// Records the answer.
    ///
    /// # Errors
    ///
    /// [`SubmissionError::AnsweredBeforeReceived`]; [`SubmissionError::Text`] for a blank or
    /// too long (5 000) answer summary.
    pub fn answer(
        self,
        answered_on: NaiveDate,
        outcome: AnswerOutcome,
        answer: &str,
    ) -> Result<AnsweredSubmission, SubmissionError> {
        if answered_on < self.deadline.received_on() {
            return Err(SubmissionError::AnsweredBeforeReceived {
                number: self.number,
                received_on: self.deadline.received_on(),
                answered_on,
            });
        }
        let answer = text("answer", answer, 5_000, Lines::Multi)?;
        Ok(AnsweredSubmission {
            submission: self,
            answered_on,
            outcome,
            answer,
        })
    }
}

/// An answered submission.
///
/// Saved as `{"submission": {…}, "answered_on", "outcome", "answer"}`; deserialising
/// restores the submission through its checks and re-runs those of
/// [`OpenSubmission::answer`] (answered on or after the receipt, the answer text), refusing
/// a failing value with a [`RestoreError`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "AnsweredSubmissionRecord")]
pub struct AnsweredSubmission {
    submission: OpenSubmission,
    answered_on: NaiveDate,
    outcome: AnswerOutcome,
    answer: String,
}

/// The saved form of an [`AnsweredSubmission`], read before its checks.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct AnsweredSubmissionRecord {
    submission: OpenSubmissionRecord,
    answered_on: NaiveDate,
    outcome: AnswerOutcome,
    answer: String,
}

impl TryFrom<AnsweredSubmissionRecord> for AnsweredSubmission {
    type Error = RestoreError;

    fn try_from(record: AnsweredSubmissionRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "AnsweredSubmission";
        let submission =
            OpenSubmission::try_from(record.submission).map_err(|e| e.within("submission"))?;
        let received_on = submission.deadline.received_on();
        if record.answered_on < received_on {
            return Err(RestoreError::invalid(
                WHAT,
                "answered_on",
                SubmissionError::AnsweredBeforeReceived {
                    number: submission.number,
                    received_on,
                    answered_on: record.answered_on,
                },
            ));
        }
        check_saved(WHAT, "answer", &record.answer, |v| {
            text("answer", v, 5_000, Lines::Multi)
        })?;
        Ok(AnsweredSubmission {
            submission,
            answered_on: record.answered_on,
            outcome: record.outcome,
            answer: record.answer,
        })
    }
}

impl AnsweredSubmission {
    /// Returns the submission.
    pub fn submission(&self) -> &OpenSubmission {
        &self.submission
    }

    /// Returns the answer date.
    pub fn answered_on(&self) -> NaiveDate {
        self.answered_on
    }

    /// Returns the outcome.
    pub fn outcome(&self) -> AnswerOutcome {
        self.outcome
    }

    /// Returns the answer's summary.
    pub fn answer(&self) -> &str {
        &self.answer
    }

    /// Tells whether the answer came by the deadline.
    pub fn is_in_time(&self) -> bool {
        self.answered_on <= self.submission.deadline.date()
    }
}

/// What was done with a submission that belongs to another institution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ForwardAction {
    /// Sent to the competent institution, the applicant informed (*pārsūtīts*).
    Forwarded,
    /// The applicant told which institution to turn to, where the rule allows it instead of
    /// forwarding (from 1 March 2026).
    ApplicantInformed,
}

/// The term for forwarding a submission, with the rule's basis.
///
/// Saved as `{"deadline": {"start", "period", "date", "steps"}, "may_inform_instead",
/// "basis"}`; the deadline is counted again from its start and period with the Latvian
/// calendar when restored (see [`AnswerDeadline`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ForwardingDeadline {
    deadline: Deadline,
    may_inform_instead: bool,
    basis: String,
}

/// The saved form of a [`ForwardingDeadline`].
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ForwardingDeadlineRecord {
    deadline: SavedDeadline,
    may_inform_instead: bool,
    basis: String,
}

impl ForwardingDeadline {
    /// Returns the last day to forward.
    pub fn date(&self) -> NaiveDate {
        self.deadline.date()
    }

    /// Returns the core deadline with its steps.
    pub fn deadline(&self) -> &Deadline {
        &self.deadline
    }

    /// Tells whether telling the applicant where to turn may take the forwarding's place.
    pub fn may_inform_instead(&self) -> bool {
        self.may_inform_instead
    }

    /// Returns the legal basis.
    pub fn basis(&self) -> &str {
        &self.basis
    }
}

/// A submission forwarded to the institution it belongs to (or whose applicant was told
/// where to turn), with the term it had.
///
/// # Saved form
///
/// `{"submission": {…}, "forwarded_on", "to", "action", "deadline": {…}}`. Restoring runs the
/// checks of [`OpenSubmission::forward`] again (a submission under the Law on Submissions,
/// forwarded on or after its receipt, to a named institution, informing only where the rule
/// allowed it) and counts the term again from the receipt with the Latvian calendar; a
/// failing value is refused with a [`RestoreError`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "ForwardedSubmissionRecord")]
pub struct ForwardedSubmission {
    submission: OpenSubmission,
    forwarded_on: NaiveDate,
    to: String,
    action: ForwardAction,
    deadline: ForwardingDeadline,
}

/// The saved form of a [`ForwardedSubmission`].
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ForwardedSubmissionRecord {
    submission: OpenSubmissionRecord,
    forwarded_on: NaiveDate,
    to: String,
    action: ForwardAction,
    deadline: ForwardingDeadlineRecord,
}

impl TryFrom<ForwardedSubmissionRecord> for ForwardedSubmission {
    type Error = RestoreError;

    fn try_from(record: ForwardedSubmissionRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "ForwardedSubmission";
        let submission =
            OpenSubmission::try_from(record.submission).map_err(|e| e.within("submission"))?;
        let received_on = submission.deadline.received_on();
        if submission.deadline.regime != DeadlineRegime::Submission {
            return Err(RestoreError::invalid(
                WHAT,
                "submission.deadline.regime",
                SubmissionError::NotForwardable {
                    number: submission.number,
                    regime: submission.deadline.regime,
                },
            ));
        }
        if record.forwarded_on < received_on {
            return Err(RestoreError::invalid(
                WHAT,
                "forwarded_on",
                SubmissionError::ForwardedBeforeReceived {
                    number: submission.number,
                    received_on,
                    forwarded_on: record.forwarded_on,
                },
            ));
        }
        check_saved(WHAT, "to", &record.to, |v| {
            text("institution", v, 200, Lines::Single)
        })?;
        if record.deadline.deadline.start != received_on {
            return Err(RestoreError::inconsistent(
                WHAT,
                "deadline.deadline.start",
                format_args!("the term counts from the receipt on {received_on}"),
            ));
        }
        let deadline = restore_deadline(WHAT, "deadline.deadline", record.deadline.deadline)?;
        if record.action == ForwardAction::ApplicantInformed && !record.deadline.may_inform_instead
        {
            return Err(RestoreError::invalid(
                WHAT,
                "action",
                SubmissionError::MustForward {
                    number: submission.number,
                },
            ));
        }
        Ok(ForwardedSubmission {
            submission,
            forwarded_on: record.forwarded_on,
            to: record.to,
            action: record.action,
            deadline: ForwardingDeadline {
                deadline,
                may_inform_instead: record.deadline.may_inform_instead,
                basis: record.deadline.basis,
            },
        })
    }
}

impl ForwardedSubmission {
    /// Returns the submission.
    pub fn submission(&self) -> &OpenSubmission {
        &self.submission
    }

    /// Returns the day it was forwarded (or the applicant informed).
    pub fn forwarded_on(&self) -> NaiveDate {
        self.forwarded_on
    }

    /// Returns the institution it belongs to.
    pub fn to(&self) -> &str {
        &self.to
    }

    /// Returns what was done.
    pub fn action(&self) -> ForwardAction {
        self.action
    }

    /// Returns the term it had.
    pub fn deadline(&self) -> &ForwardingDeadline {
        &self.deadline
    }

    /// Tells whether it was forwarded by the term (the last day is still in time).
    pub fn is_in_time(&self) -> bool {
        self.forwarded_on <= self.deadline.date()
    }

    /// Returns the lines a desk prints: what was done, when, by which term, and the basis.
    ///
    /// # Examples
    ///
    /// See [`OpenSubmission::forward`].
    pub fn lines(&self) -> Vec<String> {
        let done = match self.action {
            ForwardAction::Forwarded => "forwarded to",
            ForwardAction::ApplicantInformed => "applicant told to turn to",
        };
        let timing = if self.is_in_time() { "in time" } else { "late" };
        vec![
            format!(
                "{}: {done} {} on {} ({timing})",
                self.submission.number, self.to, self.forwarded_on
            ),
            format!(
                "term: {} of receipt on {}, until {}",
                describe(self.deadline.deadline.period()),
                self.submission.deadline.received_on(),
                self.deadline.date()
            ),
            format!("basis: {}", self.deadline.basis),
        ]
    }
}

/// Renders the overdue report of open submissions on `today`: most overdue first.
///
/// # Examples
///
/// ```
/// use apkalpe_documents::overdue_submissions_report;
/// use chrono::NaiveDate;
///
/// let today = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
/// assert_eq!(overdue_submissions_report(&[], today), "overdue answers on 2026-03-02: 0\n");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn overdue_submissions_report(open: &[OpenSubmission], today: NaiveDate) -> String {
    let mut overdue: Vec<&OpenSubmission> =
        open.iter().filter(|item| item.is_overdue(today)).collect();
    overdue.sort_by(|a, b| {
        a.deadline
            .date()
            .cmp(&b.deadline.date())
            .then_with(|| a.number.cmp(&b.number))
    });
    let mut text = format!("overdue answers on {today}: {}\n", overdue.len());
    for item in overdue {
        let days = today.signed_duration_since(item.deadline.date()).num_days();
        let days = CountNoun::new("day", "days")
            .count(Language::English, u64::try_from(days).unwrap_or_default());
        let refused = if item.is_deemed_refused(today) {
            ", deemed refused"
        } else {
            ""
        };
        text.push_str(&format!(
            "  {:<12} {:<12} client {:<12} due {} ({days} late{refused})\n",
            item.number,
            item.kind.as_str(),
            item.client_id,
            item.deadline.date()
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn effective_dates_switch_on_1_march_2026() {
        let rules = AnswerRules::latvia();
        let calendar = Calendar::latvia();
        let before = rules
            .deadline(DeadlineRegime::Submission, day(2026, 2, 28), &calendar)
            .unwrap();
        assert_eq!(before.deadline().period(), Period::Months(1));
        let after = rules
            .deadline(DeadlineRegime::Submission, day(2026, 3, 1), &calendar)
            .unwrap();
        assert_eq!(after.deadline().period(), Period::WorkingDays(10));
        let company = rules
            .deadline(
                DeadlineRegime::Company(Period::Days(30)),
                day(2026, 3, 1),
                &calendar,
            )
            .unwrap();
        assert_eq!(company.date(), day(2026, 3, 31));
        let empty = AnswerRules::from_rules(Vec::new());
        assert_eq!(
            empty
                .deadline(DeadlineRegime::Consumer, day(2026, 3, 1), &calendar)
                .unwrap_err()
                .code(),
            "submission.no_rule"
        );
        assert_eq!(
            rules
                .deadline(DeadlineRegime::Consumer, day(2200, 3, 1), &calendar)
                .unwrap_err()
                .code(),
            "calendar.year_out_of_range"
        );
    }

    #[test]
    fn regime_round_trip() {
        for text in ["consumer", "submission", "company:10wd"] {
            assert_eq!(text.parse::<DeadlineRegime>().unwrap().to_string(), text);
        }
        assert!("company:".parse::<DeadlineRegime>().is_err());
    }
}
