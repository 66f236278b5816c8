//! One question's statistics: the counts of a choice, a scale's summary, a text's answers.

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use rust_decimal::Decimal;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use super::scale::ScaleSummary;
#[cfg(feature = "serde")]
use super::scale::nps_groups;
use crate::text::{OptionId, QuestionId};

/// The count and share of one option. Deserialised field by field; whether the count fits
/// its question is checked by the [`QuestionStats`] that holds it.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{AggregateOptions, Answer, ChoiceOption, OptionId, Question, QuestionDetail, QuestionId, QuestionKind, Response, ResponseId, Survey, SurveyId};
/// use apkalpe_core::{Language, LocalizedText};
///
/// let text = |t: &str| LocalizedText::new(Language::English, t);
/// let (web, shop) = (OptionId::try_new("web")?, OptionId::try_new("shop")?);
/// let options = vec![ChoiceOption::new(web.clone(), text("Web")), ChoiceOption::new(shop, text("Shop"))];
/// let q = QuestionId::try_new("where")?;
/// let survey = Survey::try_new(SurveyId::try_new("s")?, text("S"), vec![Question::new(q.clone(), text("Where?"), QuestionKind::SingleChoice { options })])?;
/// let responses = [Response::new(ResponseId::try_new("r1")?).with_answer(q, Answer::Choice(web))];
/// let stats = survey.aggregate(&responses, &AggregateOptions::default())?;
/// let QuestionDetail::Choice { options } = stats.questions()[0].detail() else { return Err("not a choice".into()) };
/// assert_eq!((options[0].count(), options[1].count()), (1, 0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct OptionStats {
    pub(super) option: OptionId,
    pub(super) text: String,
    pub(super) count: u64,
    #[cfg_attr(
        feature = "serde",
        serde(
            serialize_with = "rust_decimal::serde::str_option::serialize",
            deserialize_with = "crate::restore::decimal_option"
        )
    )]
    pub(super) share: Option<Decimal>,
}

impl OptionStats {
    /// Returns the option.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{AggregateOptions, Answer, ChoiceOption, OptionId, Question, QuestionId, QuestionKind, Response, ResponseId, Segment, Survey, SurveyId};
    /// # use apkalpe_core::{Language, LocalizedText};
    /// # let text = |t: &str| LocalizedText::new(Language::English, t);
    /// # let nps = QuestionId::try_new("nps")?;
    /// # let channel = QuestionId::try_new("channel")?;
    /// # let web = OptionId::try_new("web")?;
    /// # let options = vec![ChoiceOption::new(web.clone(), text("Web")), ChoiceOption::new(OptionId::try_new("shop")?, text("Shop"))];
    /// # let survey = Survey::try_new(SurveyId::try_new("service-2026")?, text("Service"), vec![
    /// #     Question::new(nps.clone(), text("Would you recommend us?"), QuestionKind::Nps).required(),
    /// #     Question::new(channel.clone(), text("Where did you buy?"), QuestionKind::SingleChoice { options }),
    /// # ])?;
    /// # let responses = [
    /// #     Response::new(ResponseId::try_new("r1")?).with_answer(nps.clone(), Answer::Scale(9)).with_answer(channel.clone(), Answer::Choice(web.clone())),
    /// #     Response::new(ResponseId::try_new("r2")?).with_segment(Segment::try_new("retail")?).with_answer(nps.clone(), Answer::Scale(3)),
    /// #     Response::new(ResponseId::try_new("r3")?).with_answer(nps.clone(), Answer::Scale(10)),
    /// # ];
    /// # let _ = (&survey, &responses, &channel, &web, &text, &nps, AggregateOptions::default());
    /// # let stats = survey.aggregate(&responses, &AggregateOptions::default().with_language(Language::English))?;
    /// # let apkalpe_clients::QuestionDetail::Choice { options } = stats.question("channel").ok_or("no question")?.detail() else { return Err("not a choice".into()) };
    /// assert_eq!(options[0].option().as_str(), "web");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn option(&self) -> &OptionId {
        &self.option
    }

    /// Returns the option text.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{AggregateOptions, Answer, ChoiceOption, OptionId, Question, QuestionId, QuestionKind, Response, ResponseId, Segment, Survey, SurveyId};
    /// # use apkalpe_core::{Language, LocalizedText};
    /// # let text = |t: &str| LocalizedText::new(Language::English, t);
    /// # let nps = QuestionId::try_new("nps")?;
    /// # let channel = QuestionId::try_new("channel")?;
    /// # let web = OptionId::try_new("web")?;
    /// # let options = vec![ChoiceOption::new(web.clone(), text("Web")), ChoiceOption::new(OptionId::try_new("shop")?, text("Shop"))];
    /// # let survey = Survey::try_new(SurveyId::try_new("service-2026")?, text("Service"), vec![
    /// #     Question::new(nps.clone(), text("Would you recommend us?"), QuestionKind::Nps).required(),
    /// #     Question::new(channel.clone(), text("Where did you buy?"), QuestionKind::SingleChoice { options }),
    /// # ])?;
    /// # let responses = [
    /// #     Response::new(ResponseId::try_new("r1")?).with_answer(nps.clone(), Answer::Scale(9)).with_answer(channel.clone(), Answer::Choice(web.clone())),
    /// #     Response::new(ResponseId::try_new("r2")?).with_segment(Segment::try_new("retail")?).with_answer(nps.clone(), Answer::Scale(3)),
    /// #     Response::new(ResponseId::try_new("r3")?).with_answer(nps.clone(), Answer::Scale(10)),
    /// # ];
    /// # let _ = (&survey, &responses, &channel, &web, &text, &nps, AggregateOptions::default());
    /// # let stats = survey.aggregate(&responses, &AggregateOptions::default().with_language(Language::English))?;
    /// # let apkalpe_clients::QuestionDetail::Choice { options } = stats.question("channel").ok_or("no question")?.detail() else { return Err("not a choice".into()) };
    /// assert_eq!(options[0].text(), "Web");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Returns how many chose it.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{AggregateOptions, Answer, ChoiceOption, OptionId, Question, QuestionId, QuestionKind, Response, ResponseId, Segment, Survey, SurveyId};
    /// # use apkalpe_core::{Language, LocalizedText};
    /// # let text = |t: &str| LocalizedText::new(Language::English, t);
    /// # let nps = QuestionId::try_new("nps")?;
    /// # let channel = QuestionId::try_new("channel")?;
    /// # let web = OptionId::try_new("web")?;
    /// # let options = vec![ChoiceOption::new(web.clone(), text("Web")), ChoiceOption::new(OptionId::try_new("shop")?, text("Shop"))];
    /// # let survey = Survey::try_new(SurveyId::try_new("service-2026")?, text("Service"), vec![
    /// #     Question::new(nps.clone(), text("Would you recommend us?"), QuestionKind::Nps).required(),
    /// #     Question::new(channel.clone(), text("Where did you buy?"), QuestionKind::SingleChoice { options }),
    /// # ])?;
    /// # let responses = [
    /// #     Response::new(ResponseId::try_new("r1")?).with_answer(nps.clone(), Answer::Scale(9)).with_answer(channel.clone(), Answer::Choice(web.clone())),
    /// #     Response::new(ResponseId::try_new("r2")?).with_segment(Segment::try_new("retail")?).with_answer(nps.clone(), Answer::Scale(3)),
    /// #     Response::new(ResponseId::try_new("r3")?).with_answer(nps.clone(), Answer::Scale(10)),
    /// # ];
    /// # let _ = (&survey, &responses, &channel, &web, &text, &nps, AggregateOptions::default());
    /// # let stats = survey.aggregate(&responses, &AggregateOptions::default().with_language(Language::English))?;
    /// # let apkalpe_clients::QuestionDetail::Choice { options } = stats.question("channel").ok_or("no question")?.detail() else { return Err("not a choice".into()) };
    /// assert_eq!((options[0].count(), options[1].count()), (1, 0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn count(&self) -> u64 {
        self.count
    }

    /// Returns the share of those who answered the question, in percent (a multiple-choice
    /// question's shares can add up to more than 100).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{AggregateOptions, Answer, ChoiceOption, OptionId, Question, QuestionId, QuestionKind, Response, ResponseId, Segment, Survey, SurveyId};
    /// # use apkalpe_core::{Language, LocalizedText};
    /// # let text = |t: &str| LocalizedText::new(Language::English, t);
    /// # let nps = QuestionId::try_new("nps")?;
    /// # let channel = QuestionId::try_new("channel")?;
    /// # let web = OptionId::try_new("web")?;
    /// # let options = vec![ChoiceOption::new(web.clone(), text("Web")), ChoiceOption::new(OptionId::try_new("shop")?, text("Shop"))];
    /// # let survey = Survey::try_new(SurveyId::try_new("service-2026")?, text("Service"), vec![
    /// #     Question::new(nps.clone(), text("Would you recommend us?"), QuestionKind::Nps).required(),
    /// #     Question::new(channel.clone(), text("Where did you buy?"), QuestionKind::SingleChoice { options }),
    /// # ])?;
    /// # let responses = [
    /// #     Response::new(ResponseId::try_new("r1")?).with_answer(nps.clone(), Answer::Scale(9)).with_answer(channel.clone(), Answer::Choice(web.clone())),
    /// #     Response::new(ResponseId::try_new("r2")?).with_segment(Segment::try_new("retail")?).with_answer(nps.clone(), Answer::Scale(3)),
    /// #     Response::new(ResponseId::try_new("r3")?).with_answer(nps.clone(), Answer::Scale(10)),
    /// # ];
    /// # let _ = (&survey, &responses, &channel, &web, &text, &nps, AggregateOptions::default());
    /// # let stats = survey.aggregate(&responses, &AggregateOptions::default().with_language(Language::English))?;
    /// # let apkalpe_clients::QuestionDetail::Choice { options } = stats.question("channel").ok_or("no question")?.detail() else { return Err("not a choice".into()) };
    /// assert_eq!(options[0].share(), Some(rust_decimal::Decimal::from(100)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn share(&self) -> Option<Decimal> {
        self.share
    }
}

///
/// Saved with a `type` tag. Deserialising checks that a rating's scale starts at 1 and an
/// NPS scale runs 0–10, and that the promoters, passives, detractors and score of an NPS
/// question agree with its counts (`restore.inconsistent`).
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{AggregateOptions, Answer, Question, QuestionDetail, QuestionId, QuestionKind, Response, ResponseId, Survey, SurveyId};
/// use apkalpe_core::{Language, LocalizedText};
///
/// let text = |t: &str| LocalizedText::new(Language::English, t);
/// let nps = QuestionId::try_new("nps")?;
/// let survey = Survey::try_new(SurveyId::try_new("s")?, text("Service"), vec![Question::new(nps.clone(), text("Recommend?"), QuestionKind::Nps)])?;
/// let responses = [
///     Response::new(ResponseId::try_new("r1")?).with_answer(nps.clone(), Answer::Scale(10)),
///     Response::new(ResponseId::try_new("r2")?).with_answer(nps.clone(), Answer::Scale(2)),
/// ];
/// let stats = survey.aggregate(&responses, &AggregateOptions::default())?;
/// # let _ = QuestionDetail::FreeText;
/// assert!(matches!(stats.questions()[0].detail(), QuestionDetail::Nps { .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(
        tag = "type",
        rename_all = "snake_case",
        try_from = "QuestionDetailRecord"
    )
)]
pub enum QuestionDetail {
    /// A single- or multiple-choice question.
    Choice {
        /// Every option, in survey order.
        options: Vec<OptionStats>,
    },
    /// A rating question.
    Rating {
        /// The scale statistics.
        summary: ScaleSummary,
    },
    /// An NPS question: promoters score 9–10, passives 7–8, detractors 0–6; the score is
    /// the share of promoters minus the share of detractors, in points from −100 to 100.
    Nps {
        /// The scale statistics.
        summary: ScaleSummary,
        /// Answers 9–10.
        promoters: u64,
        /// Answers 7–8.
        passives: u64,
        /// Answers 0–6.
        detractors: u64,
        /// The Net Promoter Score, `None` without answers.
        #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str_option"))]
        score: Option<Decimal>,
    },
    /// A free-text question: only how many answered.
    FreeText,
}

/// The saved form of a [`QuestionDetail`], before its checks.
#[derive(Debug)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)
)]
#[cfg(feature = "serde")]
enum QuestionDetailRecord {
    Choice {
        options: Vec<OptionStats>,
    },
    Rating {
        summary: ScaleSummary,
    },
    Nps {
        summary: ScaleSummary,
        promoters: u64,
        passives: u64,
        detractors: u64,
        #[cfg_attr(
            feature = "serde",
            serde(default, deserialize_with = "crate::restore::decimal_option")
        )]
        score: Option<Decimal>,
    },
    FreeText,
}

#[cfg(feature = "serde")]
impl TryFrom<QuestionDetailRecord> for QuestionDetail {
    type Error = RestoreError;

    fn try_from(record: QuestionDetailRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "QuestionDetail";
        let inconsistent = |field: &str, reason: &str, latvian: &str| {
            Err(RestoreError::inconsistent(WHAT, field, reason).with_latvian_reason(latvian))
        };
        Ok(match record {
            QuestionDetailRecord::Choice { options } => QuestionDetail::Choice { options },
            QuestionDetailRecord::FreeText => QuestionDetail::FreeText,
            QuestionDetailRecord::Rating { summary } => {
                if summary.min != 1 || summary.counts.len() > 10 {
                    return inconsistent(
                        "summary",
                        "a rating scale runs from 1 to 2–10 points",
                        "vērtējuma skala ir no 1 līdz 2–10 punktiem",
                    );
                }
                QuestionDetail::Rating { summary }
            }
            QuestionDetailRecord::Nps {
                summary,
                promoters,
                passives,
                detractors,
                score,
            } => {
                if summary.min != 0 || summary.counts.len() != 11 {
                    return inconsistent(
                        "summary",
                        "an NPS scale runs from 0 to 10",
                        "NPS skala ir no 0 līdz 10",
                    );
                }
                if (promoters, passives, detractors) != nps_groups(&summary.counts) {
                    return inconsistent(
                        "promoters",
                        "promoters (9–10), passives (7–8) and detractors (0–6) are the sums of the counts",
                        "atbalstītāji (9–10), neitrālie (7–8) un kritiķi (0–6) ir atbilžu skaitu summas",
                    );
                }
                if score.is_some() != (summary.answers() > 0) {
                    return inconsistent(
                        "score",
                        "the score is given exactly when there are answers",
                        "NPS vērtību norāda tieši tad, ja ir atbildes",
                    );
                }
                QuestionDetail::Nps {
                    summary,
                    promoters,
                    passives,
                    detractors,
                    score,
                }
            }
        })
    }
}

/// The statistics of one question.
///
/// Deserialising checks that the counts fit the number of answers: no option chosen by more
/// than answered, shares given exactly when someone answered, a scale's counts adding up to
/// the answers (`restore.inconsistent`).
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{AggregateOptions, Answer, Question, QuestionDetail, QuestionId, QuestionKind, Response, ResponseId, Survey, SurveyId};
/// use apkalpe_core::{Language, LocalizedText};
///
/// let text = |t: &str| LocalizedText::new(Language::English, t);
/// let nps = QuestionId::try_new("nps")?;
/// let survey = Survey::try_new(SurveyId::try_new("s")?, text("Service"), vec![Question::new(nps.clone(), text("Recommend?"), QuestionKind::Nps)])?;
/// let responses = [
///     Response::new(ResponseId::try_new("r1")?).with_answer(nps.clone(), Answer::Scale(10)),
///     Response::new(ResponseId::try_new("r2")?).with_answer(nps.clone(), Answer::Scale(2)),
/// ];
/// let stats = survey.aggregate(&responses, &AggregateOptions::default())?;
/// # let _ = QuestionDetail::FreeText;
/// assert_eq!((stats.questions()[0].answered(), stats.questions()[0].skipped()), (2, 0));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "QuestionStatsRecord"))]
pub struct QuestionStats {
    pub(super) question: QuestionId,
    pub(super) text: String,
    pub(super) answered: u64,
    pub(super) skipped: u64,
    pub(super) detail: QuestionDetail,
}

/// The saved form of a [`QuestionStats`], before its checks.
#[derive(Debug)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[cfg(feature = "serde")]
struct QuestionStatsRecord {
    question: QuestionId,
    text: String,
    answered: u64,
    skipped: u64,
    detail: QuestionDetail,
}

#[cfg(feature = "serde")]
impl TryFrom<QuestionStatsRecord> for QuestionStats {
    type Error = RestoreError;

    fn try_from(record: QuestionStatsRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "QuestionStats";
        let answered = record.answered;
        match &record.detail {
            QuestionDetail::Choice { options } => {
                for (position, option) in options.iter().enumerate() {
                    if option.count > answered {
                        return Err(RestoreError::inconsistent(
                            WHAT,
                            format!("detail.options[{position}].count"),
                            format_args!(
                                "{} chose the option, only {answered} answered",
                                option.count
                            ),
                        )
                        .with_latvian_reason(format_args!(
                            "{} izvēlējās šo variantu, bet atbildēja tikai {answered}",
                            option.count
                        )));
                    }
                    if option.share.is_some() != (answered > 0) {
                        return Err(RestoreError::inconsistent(
                            WHAT,
                            format!("detail.options[{position}].share"),
                            "a share is given exactly when someone answered",
                        )
                        .with_latvian_reason("daļa ir norādīta tieši tad, ja kāds ir atbildējis"));
                    }
                }
            }
            QuestionDetail::Rating { summary } | QuestionDetail::Nps { summary, .. } => {
                if summary.answers() != answered {
                    return Err(RestoreError::inconsistent(
                        WHAT,
                        "detail.summary.counts",
                        format_args!(
                            "the counts add up to {}, not to the {answered} answers",
                            summary.answers()
                        ),
                    )
                    .with_latvian_reason(format_args!(
                        "skaitu summa ir {}, nevis atbilžu skaits {answered}",
                        summary.answers()
                    )));
                }
            }
            QuestionDetail::FreeText => {}
        }
        Ok(QuestionStats {
            question: record.question,
            text: record.text,
            answered,
            skipped: record.skipped,
            detail: record.detail,
        })
    }
}

impl QuestionStats {
    /// Returns the question id.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{AggregateOptions, Answer, ChoiceOption, OptionId, Question, QuestionId, QuestionKind, Response, ResponseId, Segment, Survey, SurveyId};
    /// # use apkalpe_core::{Language, LocalizedText};
    /// # let text = |t: &str| LocalizedText::new(Language::English, t);
    /// # let nps = QuestionId::try_new("nps")?;
    /// # let channel = QuestionId::try_new("channel")?;
    /// # let web = OptionId::try_new("web")?;
    /// # let options = vec![ChoiceOption::new(web.clone(), text("Web")), ChoiceOption::new(OptionId::try_new("shop")?, text("Shop"))];
    /// # let survey = Survey::try_new(SurveyId::try_new("service-2026")?, text("Service"), vec![
    /// #     Question::new(nps.clone(), text("Would you recommend us?"), QuestionKind::Nps).required(),
    /// #     Question::new(channel.clone(), text("Where did you buy?"), QuestionKind::SingleChoice { options }),
    /// # ])?;
    /// # let responses = [
    /// #     Response::new(ResponseId::try_new("r1")?).with_answer(nps.clone(), Answer::Scale(9)).with_answer(channel.clone(), Answer::Choice(web.clone())),
    /// #     Response::new(ResponseId::try_new("r2")?).with_segment(Segment::try_new("retail")?).with_answer(nps.clone(), Answer::Scale(3)),
    /// #     Response::new(ResponseId::try_new("r3")?).with_answer(nps.clone(), Answer::Scale(10)),
    /// # ];
    /// # let _ = (&survey, &responses, &channel, &web, &text, &nps, AggregateOptions::default());
    /// # let stats = survey.aggregate(&responses, &AggregateOptions::default().with_language(Language::English))?;
    /// let score = &stats.segments()[0].scores()[0];
    /// assert_eq!(score.question().as_str(), "nps");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn question(&self) -> &QuestionId {
        &self.question
    }

    /// Returns the question text.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{AggregateOptions, Answer, ChoiceOption, OptionId, Question, QuestionId, QuestionKind, Response, ResponseId, Segment, Survey, SurveyId};
    /// # use apkalpe_core::{Language, LocalizedText};
    /// # let text = |t: &str| LocalizedText::new(Language::English, t);
    /// # let nps = QuestionId::try_new("nps")?;
    /// # let channel = QuestionId::try_new("channel")?;
    /// # let web = OptionId::try_new("web")?;
    /// # let options = vec![ChoiceOption::new(web.clone(), text("Web")), ChoiceOption::new(OptionId::try_new("shop")?, text("Shop"))];
    /// # let survey = Survey::try_new(SurveyId::try_new("service-2026")?, text("Service"), vec![
    /// #     Question::new(nps.clone(), text("Would you recommend us?"), QuestionKind::Nps).required(),
    /// #     Question::new(channel.clone(), text("Where did you buy?"), QuestionKind::SingleChoice { options }),
    /// # ])?;
    /// # let responses = [
    /// #     Response::new(ResponseId::try_new("r1")?).with_answer(nps.clone(), Answer::Scale(9)).with_answer(channel.clone(), Answer::Choice(web.clone())),
    /// #     Response::new(ResponseId::try_new("r2")?).with_segment(Segment::try_new("retail")?).with_answer(nps.clone(), Answer::Scale(3)),
    /// #     Response::new(ResponseId::try_new("r3")?).with_answer(nps.clone(), Answer::Scale(10)),
    /// # ];
    /// # let _ = (&survey, &responses, &channel, &web, &text, &nps, AggregateOptions::default());
    /// # let stats = survey.aggregate(&responses, &AggregateOptions::default().with_language(Language::English))?;
    /// # let question = stats.question("nps").ok_or("no question")?;
    /// assert_eq!(question.text(), "Would you recommend us?");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Returns how many responses answered it.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{AggregateOptions, Answer, ChoiceOption, OptionId, Question, QuestionId, QuestionKind, Response, ResponseId, Segment, Survey, SurveyId};
    /// # use apkalpe_core::{Language, LocalizedText};
    /// # let text = |t: &str| LocalizedText::new(Language::English, t);
    /// # let nps = QuestionId::try_new("nps")?;
    /// # let channel = QuestionId::try_new("channel")?;
    /// # let web = OptionId::try_new("web")?;
    /// # let options = vec![ChoiceOption::new(web.clone(), text("Web")), ChoiceOption::new(OptionId::try_new("shop")?, text("Shop"))];
    /// # let survey = Survey::try_new(SurveyId::try_new("service-2026")?, text("Service"), vec![
    /// #     Question::new(nps.clone(), text("Would you recommend us?"), QuestionKind::Nps).required(),
    /// #     Question::new(channel.clone(), text("Where did you buy?"), QuestionKind::SingleChoice { options }),
    /// # ])?;
    /// # let responses = [
    /// #     Response::new(ResponseId::try_new("r1")?).with_answer(nps.clone(), Answer::Scale(9)).with_answer(channel.clone(), Answer::Choice(web.clone())),
    /// #     Response::new(ResponseId::try_new("r2")?).with_segment(Segment::try_new("retail")?).with_answer(nps.clone(), Answer::Scale(3)),
    /// #     Response::new(ResponseId::try_new("r3")?).with_answer(nps.clone(), Answer::Scale(10)),
    /// # ];
    /// # let _ = (&survey, &responses, &channel, &web, &text, &nps, AggregateOptions::default());
    /// # let stats = survey.aggregate(&responses, &AggregateOptions::default().with_language(Language::English))?;
    /// # let question = stats.question("nps").ok_or("no question")?;
    /// assert_eq!(question.answered(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn answered(&self) -> u64 {
        self.answered
    }

    /// Returns how many responses left it out (answered + skipped = responses).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{AggregateOptions, Answer, ChoiceOption, OptionId, Question, QuestionId, QuestionKind, Response, ResponseId, Segment, Survey, SurveyId};
    /// # use apkalpe_core::{Language, LocalizedText};
    /// # let text = |t: &str| LocalizedText::new(Language::English, t);
    /// # let nps = QuestionId::try_new("nps")?;
    /// # let channel = QuestionId::try_new("channel")?;
    /// # let web = OptionId::try_new("web")?;
    /// # let options = vec![ChoiceOption::new(web.clone(), text("Web")), ChoiceOption::new(OptionId::try_new("shop")?, text("Shop"))];
    /// # let survey = Survey::try_new(SurveyId::try_new("service-2026")?, text("Service"), vec![
    /// #     Question::new(nps.clone(), text("Would you recommend us?"), QuestionKind::Nps).required(),
    /// #     Question::new(channel.clone(), text("Where did you buy?"), QuestionKind::SingleChoice { options }),
    /// # ])?;
    /// # let responses = [
    /// #     Response::new(ResponseId::try_new("r1")?).with_answer(nps.clone(), Answer::Scale(9)).with_answer(channel.clone(), Answer::Choice(web.clone())),
    /// #     Response::new(ResponseId::try_new("r2")?).with_segment(Segment::try_new("retail")?).with_answer(nps.clone(), Answer::Scale(3)),
    /// #     Response::new(ResponseId::try_new("r3")?).with_answer(nps.clone(), Answer::Scale(10)),
    /// # ];
    /// # let _ = (&survey, &responses, &channel, &web, &text, &nps, AggregateOptions::default());
    /// # let stats = survey.aggregate(&responses, &AggregateOptions::default().with_language(Language::English))?;
    /// # let question = stats.question("nps").ok_or("no question")?;
    /// assert_eq!(question.skipped(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn skipped(&self) -> u64 {
        self.skipped
    }

    /// Returns the kind-specific statistics.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{AggregateOptions, Answer, ChoiceOption, OptionId, Question, QuestionId, QuestionKind, Response, ResponseId, Segment, Survey, SurveyId};
    /// # use apkalpe_core::{Language, LocalizedText};
    /// # let text = |t: &str| LocalizedText::new(Language::English, t);
    /// # let nps = QuestionId::try_new("nps")?;
    /// # let channel = QuestionId::try_new("channel")?;
    /// # let web = OptionId::try_new("web")?;
    /// # let options = vec![ChoiceOption::new(web.clone(), text("Web")), ChoiceOption::new(OptionId::try_new("shop")?, text("Shop"))];
    /// # let survey = Survey::try_new(SurveyId::try_new("service-2026")?, text("Service"), vec![
    /// #     Question::new(nps.clone(), text("Would you recommend us?"), QuestionKind::Nps).required(),
    /// #     Question::new(channel.clone(), text("Where did you buy?"), QuestionKind::SingleChoice { options }),
    /// # ])?;
    /// # let responses = [
    /// #     Response::new(ResponseId::try_new("r1")?).with_answer(nps.clone(), Answer::Scale(9)).with_answer(channel.clone(), Answer::Choice(web.clone())),
    /// #     Response::new(ResponseId::try_new("r2")?).with_segment(Segment::try_new("retail")?).with_answer(nps.clone(), Answer::Scale(3)),
    /// #     Response::new(ResponseId::try_new("r3")?).with_answer(nps.clone(), Answer::Scale(10)),
    /// # ];
    /// # let _ = (&survey, &responses, &channel, &web, &text, &nps, AggregateOptions::default());
    /// # let stats = survey.aggregate(&responses, &AggregateOptions::default().with_language(Language::English))?;
    /// # let question = stats.question("nps").ok_or("no question")?;
    /// assert!(matches!(question.detail(), apkalpe_clients::QuestionDetail::Nps { .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn detail(&self) -> &QuestionDetail {
        &self.detail
    }
}
