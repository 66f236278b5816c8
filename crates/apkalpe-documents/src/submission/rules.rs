//! The effective-dated answer rules: which regime a submission falls under and the term the
//! rule in force on its receipt gives.

use super::*;

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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "regime", content = "period", rename_all = "snake_case")
)]
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
///
/// # Examples
///
/// ```
/// # use apkalpe_core::Period;
/// # use apkalpe_documents::*;
/// # use chrono::NaiveDate;
/// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
/// # let rule = AnswerRule::new(RegimeKind::Consumer, None, None, Period::Days(15), None, "uzņēmuma noteikumi", vec![]);
/// # let _ = (&day, &rule,);
/// assert_eq!(rule.period(), Period::Days(15));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
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
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct AnswerRule {
    pub(super) regime: RegimeKind,
    pub(super) valid_from: Option<NaiveDate>,
    pub(super) valid_until: Option<NaiveDate>,
    pub(super) period: Period,
    pub(super) extension: Option<Extension>,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub(super) forwarding: Option<Forwarding>,
    pub(super) basis: String,
    pub(super) notes: Vec<String>,
}

/// The term for forwarding a submission to the competent institution, and whether telling
/// the applicant where to turn may take its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(super) struct Forwarding {
    pub(super) period: Period,
    pub(super) may_inform_instead: bool,
}

/// A longer answer period and when it may be used.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(from = "ExtensionRecord"))]
pub(super) struct Extension {
    pub(super) period: Period,
    pub(super) condition: String,
}

/// The saved forms of an [`Extension`]: named, or the pair written before issue 13.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[cfg_attr(feature = "serde", serde(untagged))]
pub(super) enum ExtensionRecord {
    Named { period: Period, condition: String },
    Pair(Period, String),
}

#[cfg(feature = "serde")]
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
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::Period;
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let rule = AnswerRule::new(RegimeKind::Consumer, None, None, Period::Days(15), None, "uzņēmuma noteikumi", vec![]);
    /// # let _ = (&day, &rule,);
    /// let rules = AnswerRules::from_rules(vec![rule]);
    /// let deadline = rules.deadline(DeadlineRegime::Consumer, day(3, 2)?, &apkalpe_core::Calendar::latvia())?;
    /// assert_eq!(deadline.date(), day(3, 17)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::Period;
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let rule = AnswerRule::new(RegimeKind::Consumer, None, None, Period::Days(15), None, "uzņēmuma noteikumi", vec![]);
    /// # let _ = (&day, &rule,);
    /// assert_eq!(rule.forwarding_period(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn forwarding_period(&self) -> Option<Period> {
        self.forwarding.map(|forwarding| forwarding.period)
    }

    /// Returns the period.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::Period;
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let rule = AnswerRule::new(RegimeKind::Consumer, None, None, Period::Days(15), None, "uzņēmuma noteikumi", vec![]);
    /// # let _ = (&day, &rule,);
    /// assert_eq!(rule.period(), Period::Days(15));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn period(&self) -> Period {
        self.period
    }

    /// Returns the legal basis.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::Period;
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let rule = AnswerRule::new(RegimeKind::Consumer, None, None, Period::Days(15), None, "uzņēmuma noteikumi", vec![]);
    /// # let _ = (&day, &rule,);
    /// assert_eq!(rule.basis(), "uzņēmuma noteikumi");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct AnswerRules {
    pub(super) rules: Vec<AnswerRule>,
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
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::Period;
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let rule = AnswerRule::new(RegimeKind::Consumer, None, None, Period::Days(15), None, "uzņēmuma noteikumi", vec![]);
    /// # let _ = (&day, &rule,);
    /// let answer = AnswerRules::latvia().deadline(DeadlineRegime::Consumer, day(3, 2)?, &apkalpe_core::Calendar::latvia())?;
    /// assert_eq!(answer.date(), day(3, 23)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::Period;
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let rule = AnswerRule::new(RegimeKind::Consumer, None, None, Period::Days(15), None, "uzņēmuma noteikumi", vec![]);
    /// # let _ = (&day, &rule,);
    /// assert_eq!(AnswerRules::from_rules(vec![rule]).rules().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_rules(rules: Vec<AnswerRule>) -> Self {
        AnswerRules { rules }
    }

    /// Returns the rules.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::Period;
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let rule = AnswerRule::new(RegimeKind::Consumer, None, None, Period::Days(15), None, "uzņēmuma noteikumi", vec![]);
    /// # let _ = (&day, &rule,);
    /// assert!(!AnswerRules::latvia().rules().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::Period;
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// # let rule = AnswerRule::new(RegimeKind::Consumer, None, None, Period::Days(15), None, "uzņēmuma noteikumi", vec![]);
    /// # let _ = (&day, &rule,);
    /// let rules = AnswerRules::from_rules(vec![rule]);
    /// let error = rules.deadline(DeadlineRegime::Submission, day(3, 2)?, &apkalpe_core::Calendar::latvia()).unwrap_err();
    /// assert_eq!(error.code(), "submission.no_rule");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
