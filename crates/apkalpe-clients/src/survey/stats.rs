//! Aggregation of survey responses (T5.8): counts and shares, scale statistics, NPS, response
//! rate and a breakdown by segment, with a text table for people.

use std::fmt;

use apkalpe_core::Language;
use apkalpe_core::RestoreError;
use apkalpe_core::rounding::{Rounding, RoundingStrategy};
use rust_decimal::Decimal;
use serde::ser::SerializeSeq;
use serde::{Deserialize, Serialize, Serializer};

use std::collections::HashMap;

use super::{Answer, QuestionKind, Response, Survey, check_answer, decimal_sqrt};
use crate::error::ResponseError;
use crate::error::SurveyError;
use crate::text::{OptionId, QuestionId, Segment, SurveyId};

/// Settings of [`Survey::aggregate`].
///
/// Default: no invitation count (no response rate), rounding to 2 decimal places half away
/// from zero, question texts in Latvian.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::AggregateOptions;
/// use apkalpe_core::Language;
///
/// let options = AggregateOptions::default().with_invited(40).with_language(Language::English);
/// # let _ = options;
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct AggregateOptions {
    invited: Option<u64>,
    rounding: Rounding,
    language: Language,
}

impl Default for AggregateOptions {
    fn default() -> Self {
        AggregateOptions {
            invited: None,
            rounding: Rounding::to_places(RoundingStrategy::HalfAwayFromZero, 2),
            language: Language::Latvian,
        }
    }
}

impl AggregateOptions {
    /// Sets how many people were invited, for the response rate.
    #[must_use]
    pub fn with_invited(mut self, invited: u64) -> Self {
        self.invited = Some(invited);
        self
    }

    /// Sets the rounding of every share, mean, median, deviation, score and rate.
    #[must_use]
    pub fn with_rounding(mut self, rounding: Rounding) -> Self {
        self.rounding = rounding;
        self
    }

    /// Sets the language of the question and option texts in the result.
    #[must_use]
    pub fn with_language(mut self, language: Language) -> Self {
        self.language = language;
        self
    }
}

/// The count and share of one option. Deserialised field by field; whether the count fits
/// its question is checked by the [`QuestionStats`] that holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptionStats {
    option: OptionId,
    text: String,
    count: u64,
    #[serde(
        serialize_with = "rust_decimal::serde::str_option::serialize",
        deserialize_with = "crate::restore::decimal_option"
    )]
    share: Option<Decimal>,
}

impl OptionStats {
    /// Returns the option.
    pub fn option(&self) -> &OptionId {
        &self.option
    }

    /// Returns the option text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Returns how many chose it.
    pub fn count(&self) -> u64 {
        self.count
    }

    /// Returns the share of those who answered the question, in percent (a multiple-choice
    /// question's shares can add up to more than 100).
    pub fn share(&self) -> Option<Decimal> {
        self.share
    }
}

/// Statistics of a rating scale or NPS question.
///
/// # Saved form
///
/// `{"min": 1, "counts": [{"value": 1, "count": 4}, …], "mean": "3.50", "median": "4",
/// "std_deviation": "1.29"}`, one count per point from `min` up. Deserialising also reads
/// `counts` as a bare list of numbers (the form written before issue 13) and checks that the
/// scale is one a question can have (from 0 or 1, 2–11 points), the points run without a gap
/// from `min`, and the mean and median are given exactly when there are answers, the
/// deviation from two answers.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(try_from = "ScaleSummaryRecord")]
pub struct ScaleSummary {
    min: u8,
    counts: Vec<u64>,
    mean: Option<Decimal>,
    median: Option<Decimal>,
    std_deviation: Option<Decimal>,
}

impl Serialize for ScaleSummary {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        /// The fields as saved, the counts numbered by their point.
        #[derive(Serialize)]
        struct Saved<'a> {
            min: u8,
            counts: Points<'a>,
            #[serde(with = "rust_decimal::serde::str_option")]
            mean: Option<Decimal>,
            #[serde(with = "rust_decimal::serde::str_option")]
            median: Option<Decimal>,
            #[serde(with = "rust_decimal::serde::str_option")]
            std_deviation: Option<Decimal>,
        }

        Saved {
            min: self.min,
            counts: Points {
                min: self.min,
                counts: &self.counts,
            },
            mean: self.mean,
            median: self.median,
            std_deviation: self.std_deviation,
        }
        .serialize(serializer)
    }
}

/// One point of a scale and how many chose it, as saved.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct PointCount {
    value: u8,
    count: u64,
}

/// The counts of a scale from its lowest point, written as `{"value", "count"}` objects.
struct Points<'a> {
    min: u8,
    counts: &'a [u64],
}

impl Serialize for Points<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.counts.len()))?;
        for (value, count) in (self.min..).zip(self.counts) {
            seq.serialize_element(&PointCount {
                value,
                count: *count,
            })?;
        }
        seq.end()
    }
}

/// A count as read: a named point, or a bare number (the form written before issue 13).
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum SavedCount {
    Point(PointCount),
    Bare(u64),
}

/// The saved form of a [`ScaleSummary`], before its checks.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ScaleSummaryRecord {
    min: u8,
    counts: Vec<SavedCount>,
    #[serde(default, deserialize_with = "crate::restore::decimal_option")]
    mean: Option<Decimal>,
    #[serde(default, deserialize_with = "crate::restore::decimal_option")]
    median: Option<Decimal>,
    #[serde(default, deserialize_with = "crate::restore::decimal_option")]
    std_deviation: Option<Decimal>,
}

impl TryFrom<ScaleSummaryRecord> for ScaleSummary {
    type Error = RestoreError;

    fn try_from(record: ScaleSummaryRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "ScaleSummary";
        if record.min > 1 {
            return Err(RestoreError::inconsistent(
                WHAT,
                "min",
                format_args!("a scale starts at 0 or 1, found {}", record.min),
            ));
        }
        if !(2..=11).contains(&record.counts.len()) {
            return Err(RestoreError::inconsistent(
                WHAT,
                "counts",
                format_args!("a scale has 2 to 11 points, found {}", record.counts.len()),
            ));
        }
        let mut counts = Vec::with_capacity(record.counts.len());
        for ((position, saved), expected) in record.counts.into_iter().enumerate().zip(record.min..)
        {
            counts.push(match saved {
                SavedCount::Bare(count) => count,
                SavedCount::Point(point) if point.value == expected => point.count,
                SavedCount::Point(point) => {
                    return Err(RestoreError::inconsistent(
                        WHAT,
                        format!("counts[{position}].value"),
                        format_args!("expected point {expected}, found {}", point.value),
                    ));
                }
            });
        }
        let answers: u64 = counts
            .iter()
            .fold(0, |sum, count| sum.saturating_add(*count));
        let given = |field: &'static str, value: Option<Decimal>, needed: u64| {
            if value.is_some() == (answers >= needed) {
                Ok(())
            } else {
                Err(RestoreError::inconsistent(
                    WHAT,
                    field,
                    format_args!(
                        "given exactly when there are at least {needed} answers, found {answers}"
                    ),
                ))
            }
        };
        given("mean", record.mean, 1)?;
        given("median", record.median, 1)?;
        given("std_deviation", record.std_deviation, 2)?;
        Ok(ScaleSummary {
            min: record.min,
            counts,
            mean: record.mean,
            median: record.median,
            std_deviation: record.std_deviation,
        })
    }
}

impl ScaleSummary {
    /// Returns the number of answers: the sum of the counts.
    fn answers(&self) -> u64 {
        self.counts
            .iter()
            .fold(0, |sum, count| sum.saturating_add(*count))
    }

    /// Returns how many chose each point, from the lowest point up.
    pub fn counts(&self) -> &[u64] {
        &self.counts
    }

    /// Returns the lowest point (1 for a rating, 0 for NPS).
    pub fn min(&self) -> u8 {
        self.min
    }

    /// Returns the mean, `None` without answers.
    pub fn mean(&self) -> Option<Decimal> {
        self.mean
    }

    /// Returns the median, `None` without answers.
    pub fn median(&self) -> Option<Decimal> {
        self.median
    }

    /// Returns the sample standard deviation (divisor n − 1), `None` below two answers.
    pub fn std_deviation(&self) -> Option<Decimal> {
        self.std_deviation
    }
}

/// The kind-specific part of a question's statistics.
///
/// Saved with a `type` tag. Deserialising checks that a rating's scale starts at 1 and an
/// NPS scale runs 0–10, and that the promoters, passives, detractors and score of an NPS
/// question agree with its counts (`restore.inconsistent`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "type",
    rename_all = "snake_case",
    try_from = "QuestionDetailRecord"
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
        #[serde(with = "rust_decimal::serde::str_option")]
        score: Option<Decimal>,
    },
    /// A free-text question: only how many answered.
    FreeText,
}

/// The saved form of a [`QuestionDetail`], before its checks.
#[derive(Debug, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
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
        #[serde(default, deserialize_with = "crate::restore::decimal_option")]
        score: Option<Decimal>,
    },
    FreeText,
}

impl TryFrom<QuestionDetailRecord> for QuestionDetail {
    type Error = RestoreError;

    fn try_from(record: QuestionDetailRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "QuestionDetail";
        let inconsistent =
            |field: &str, reason: &str| Err(RestoreError::inconsistent(WHAT, field, reason));
        Ok(match record {
            QuestionDetailRecord::Choice { options } => QuestionDetail::Choice { options },
            QuestionDetailRecord::FreeText => QuestionDetail::FreeText,
            QuestionDetailRecord::Rating { summary } => {
                if summary.min != 1 || summary.counts.len() > 10 {
                    return inconsistent("summary", "a rating scale runs from 1 to 2–10 points");
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
                    return inconsistent("summary", "an NPS scale runs from 0 to 10");
                }
                if (promoters, passives, detractors) != nps_groups(&summary.counts) {
                    return inconsistent(
                        "promoters",
                        "promoters (9–10), passives (7–8) and detractors (0–6) are the sums of the counts",
                    );
                }
                if score.is_some() != (summary.answers() > 0) {
                    return inconsistent(
                        "score",
                        "the score is given exactly when there are answers",
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "QuestionStatsRecord")]
pub struct QuestionStats {
    question: QuestionId,
    text: String,
    answered: u64,
    skipped: u64,
    detail: QuestionDetail,
}

/// The saved form of a [`QuestionStats`], before its checks.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionStatsRecord {
    question: QuestionId,
    text: String,
    answered: u64,
    skipped: u64,
    detail: QuestionDetail,
}

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
                        ));
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
                    ));
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
    pub fn question(&self) -> &QuestionId {
        &self.question
    }

    /// Returns the question text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Returns how many responses answered it.
    pub fn answered(&self) -> u64 {
        self.answered
    }

    /// Returns how many responses left it out (answered + skipped = responses).
    pub fn skipped(&self) -> u64 {
        self.skipped
    }

    /// Returns the kind-specific statistics.
    pub fn detail(&self) -> &QuestionDetail {
        &self.detail
    }
}

/// One figure of a segment: the NPS score of an NPS question or the mean of a rating question.
///
/// Deserialising refuses a measure other than `nps` or `mean` (`restore.inconsistent`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SegmentScore {
    question: QuestionId,
    measure: &'static str,
    #[serde(with = "rust_decimal::serde::str_option")]
    value: Option<Decimal>,
}

/// The saved form of a [`SegmentScore`], before its checks.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SegmentScoreRecord {
    question: QuestionId,
    measure: String,
    #[serde(default, deserialize_with = "crate::restore::decimal_option")]
    value: Option<Decimal>,
}

// By hand: a derive would tie `'de` to the `&'static str` measure.
impl<'de> Deserialize<'de> for SegmentScore {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        SegmentScoreRecord::deserialize(deserializer)
            .and_then(|record| SegmentScore::try_from(record).map_err(serde::de::Error::custom))
    }
}

impl TryFrom<SegmentScoreRecord> for SegmentScore {
    type Error = RestoreError;

    fn try_from(record: SegmentScoreRecord) -> Result<Self, Self::Error> {
        let measure = match record.measure.as_str() {
            "nps" => "nps",
            "mean" => "mean",
            other => {
                return Err(RestoreError::inconsistent(
                    "SegmentScore",
                    "measure",
                    format_args!("a measure is nps or mean, found {other:?}"),
                ));
            }
        };
        Ok(SegmentScore {
            question: record.question,
            measure,
            value: record.value,
        })
    }
}

impl SegmentScore {
    /// Returns the question.
    pub fn question(&self) -> &QuestionId {
        &self.question
    }

    /// Returns `nps` or `mean`.
    pub fn measure(&self) -> &'static str {
        self.measure
    }

    /// Returns the value, `None` without answers.
    pub fn value(&self) -> Option<Decimal> {
        self.value
    }
}

/// The responses of one client segment. Deserialised field by field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SegmentStats {
    segment: Option<Segment>,
    responses: u64,
    scores: Vec<SegmentScore>,
}

impl SegmentStats {
    /// Returns the segment; `None` for responses without one.
    pub fn segment(&self) -> Option<&Segment> {
        self.segment.as_ref()
    }

    /// Returns the number of responses.
    pub fn responses(&self) -> u64 {
        self.responses
    }

    /// Returns the NPS scores and rating means, in survey order.
    pub fn scores(&self) -> &[SegmentScore] {
        &self.scores
    }
}

/// The aggregate of a survey's responses (T5.8). [`Display`](fmt::Display) renders it as a
/// text table.
///
/// # Saved form
///
/// Deserialising checks each question's and segment's figures and that they agree: every
/// question answered plus skipped is the number of responses, the segments (no segment first,
/// then by name, each once) add up to it, and a response rate needs a count of people
/// invited (`restore.inconsistent`, `restore.duplicate`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "SurveyStatsRecord")]
pub struct SurveyStats {
    survey: SurveyId,
    title: String,
    responses: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    invited: Option<u64>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::str_option"
    )]
    response_rate: Option<Decimal>,
    questions: Vec<QuestionStats>,
    segments: Vec<SegmentStats>,
}

/// The saved form of a [`SurveyStats`], before its checks.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SurveyStatsRecord {
    survey: SurveyId,
    title: String,
    responses: u64,
    #[serde(default)]
    invited: Option<u64>,
    #[serde(default, deserialize_with = "crate::restore::decimal_option")]
    response_rate: Option<Decimal>,
    questions: Vec<QuestionStats>,
    segments: Vec<SegmentStats>,
}

impl TryFrom<SurveyStatsRecord> for SurveyStats {
    type Error = RestoreError;

    fn try_from(record: SurveyStatsRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "SurveyStats";
        let responses = record.responses;
        for (position, question) in record.questions.iter().enumerate() {
            if question.answered.checked_add(question.skipped) != Some(responses) {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    format!("questions[{position}].skipped"),
                    format_args!("answered and skipped add up to the {responses} responses"),
                ));
            }
        }
        for (position, pair) in record.segments.windows(2).enumerate() {
            if let [first, second] = pair
                && first.segment >= second.segment
            {
                let position = position.saturating_add(1);
                return Err(if first.segment == second.segment {
                    RestoreError::duplicate(
                        WHAT,
                        format!("segments[{position}].segment"),
                        second.segment.as_ref().map_or("(none)", Segment::as_str),
                    )
                } else {
                    RestoreError::inconsistent(
                        WHAT,
                        format!("segments[{position}].segment"),
                        "segments are kept in order: no segment first, then by name",
                    )
                    .with_latvian_reason(
                        "segmenti glabājas secībā: vispirms bez segmenta, tad pēc nosaukuma",
                    )
                });
            }
        }
        let total = record
            .segments
            .iter()
            .try_fold(0_u64, |sum, segment| sum.checked_add(segment.responses));
        if total != Some(responses) {
            return Err(RestoreError::inconsistent(
                WHAT,
                "segments",
                format_args!("the segments' responses add up to the {responses} responses"),
            ));
        }
        if record.response_rate.is_some() && record.invited.is_none_or(|invited| invited == 0) {
            return Err(RestoreError::inconsistent(
                WHAT,
                "response_rate",
                "a response rate needs the number of people invited",
            )
            .with_latvian_reason("atbildētības līmenim vajag uzaicināto cilvēku skaitu"));
        }
        Ok(SurveyStats {
            survey: record.survey,
            title: record.title,
            responses,
            invited: record.invited,
            response_rate: record.response_rate,
            questions: record.questions,
            segments: record.segments,
        })
    }
}

impl SurveyStats {
    /// Returns the survey id.
    pub fn survey(&self) -> &SurveyId {
        &self.survey
    }

    /// Returns the number of responses.
    pub fn responses(&self) -> u64 {
        self.responses
    }

    /// Returns the response rate in percent of those invited, if the count was given.
    pub fn response_rate(&self) -> Option<Decimal> {
        self.response_rate
    }

    /// Returns the statistics per question, in survey order.
    pub fn questions(&self) -> &[QuestionStats] {
        &self.questions
    }

    /// Returns a question's statistics.
    pub fn question(&self, id: &str) -> Option<&QuestionStats> {
        self.questions
            .iter()
            .find(|question| question.question.as_str() == id)
    }

    /// Returns the breakdown by segment (no segment first, then by name).
    pub fn segments(&self) -> &[SegmentStats] {
        &self.segments
    }
}

/// Raw counts of one question.
#[derive(Debug, Clone)]
enum Tally {
    Choice(Vec<u64>),
    Scale { min: u8, counts: Vec<u64> },
    Text,
}

/// Raw counts of all questions over some responses.
#[derive(Debug, Clone)]
struct Tallies {
    responses: u64,
    answered: Vec<u64>,
    tallies: Vec<Tally>,
    /// Scratch: which questions the current response answered.
    seen: Vec<bool>,
}

impl Tallies {
    fn new(survey: &Survey) -> Tallies {
        let tallies = survey
            .questions
            .iter()
            .map(|question| match &question.kind {
                QuestionKind::SingleChoice { options }
                | QuestionKind::MultipleChoice { options } => Tally::Choice(vec![0; options.len()]),
                kind => match kind.range() {
                    Some((min, max)) => Tally::Scale {
                        min,
                        counts: vec![0; usize::from(max.saturating_sub(min)).saturating_add(1)],
                    },
                    None => Tally::Text,
                },
            })
            .collect();
        Tallies {
            responses: 0,
            answered: vec![0; survey.questions.len()],
            tallies,
            seen: vec![false; survey.questions.len()],
        }
    }

    /// Checks a response and counts its answers, in one pass; reports the first problem in
    /// the order [`Survey::validate`] lists them.
    fn add(&mut self, survey: &Survey, response: &Response) -> Result<(), ResponseError> {
        self.seen.iter_mut().for_each(|seen| *seen = false);
        for (question_id, answer) in &response.answers {
            let Some((position, question)) = survey
                .questions
                .iter()
                .enumerate()
                .find(|(_, question)| &question.id == question_id)
            else {
                return Err(ResponseError::UnknownQuestion {
                    question: question_id.to_string(),
                });
            };
            check_answer(question, answer)?;
            if answer.is_empty() {
                continue;
            }
            let (Some(seen), Some(slot), Some(tally)) = (
                self.seen.get_mut(position),
                self.answered.get_mut(position),
                self.tallies.get_mut(position),
            ) else {
                continue;
            };
            *seen = true;
            *slot = slot.saturating_add(1);
            let options = question.kind.options();
            let bump_option = |counts: &mut Vec<u64>, option: &OptionId| {
                if let Some(index) = options.iter().position(|known| &known.id == option)
                    && let Some(cell) = counts.get_mut(index)
                {
                    *cell = cell.saturating_add(1);
                }
            };
            match (tally, answer) {
                (Tally::Choice(counts), Answer::Choice(option)) => bump_option(counts, option),
                (Tally::Choice(counts), Answer::Choices(chosen)) => {
                    for option in chosen {
                        bump_option(counts, option);
                    }
                }
                (Tally::Scale { min, counts }, Answer::Scale(value)) => {
                    if let Some(cell) = counts.get_mut(usize::from(value.saturating_sub(*min))) {
                        *cell = cell.saturating_add(1);
                    }
                }
                _ => {}
            }
        }
        for (question, seen) in survey.questions.iter().zip(&self.seen) {
            if question.required && !seen {
                return Err(ResponseError::MissingRequired {
                    question: question.id.to_string(),
                });
            }
        }
        self.responses = self.responses.saturating_add(1);
        Ok(())
    }

    /// Adds another group's counts.
    fn merge(&mut self, other: &Tallies) {
        self.responses = self.responses.saturating_add(other.responses);
        for (mine, theirs) in self.answered.iter_mut().zip(&other.answered) {
            *mine = mine.saturating_add(*theirs);
        }
        for (mine, theirs) in self.tallies.iter_mut().zip(&other.tallies) {
            if let (
                Tally::Choice(mine) | Tally::Scale { counts: mine, .. },
                Tally::Choice(theirs) | Tally::Scale { counts: theirs, .. },
            ) = (mine, theirs)
            {
                for (cell, add) in mine.iter_mut().zip(theirs) {
                    *cell = cell.saturating_add(*add);
                }
            }
        }
    }
}

/// `part / whole × 100`, rounded; `None` when `whole` is 0.
fn percent(part: u64, whole: u64, rounding: Rounding) -> Option<Decimal> {
    if whole == 0 {
        return None;
    }
    let value = Decimal::from(part)
        .checked_mul(Decimal::ONE_HUNDRED)?
        .checked_div(Decimal::from(whole))?;
    rounding.apply(value).ok()
}

fn summarize(min: u8, counts: &[u64], rounding: Rounding) -> ScaleSummary {
    let mut n: i128 = 0;
    let mut sum: i128 = 0;
    let mut squares: i128 = 0;
    for (offset, count) in (0_i128..).zip(counts) {
        let value = i128::from(min).saturating_add(offset);
        let count = i128::from(*count);
        n = n.saturating_add(count);
        sum = sum.saturating_add(value.saturating_mul(count));
        squares = squares.saturating_add(value.saturating_mul(value).saturating_mul(count));
    }
    let decimal = |value: i128| Decimal::try_from_i128_with_scale(value, 0).ok();
    let mean = (n > 0)
        .then(|| decimal(sum)?.checked_div(decimal(n)?))
        .flatten();
    let median = median(min, counts, n);
    let std_deviation = (n > 1)
        .then(|| {
            let numerator = n.checked_mul(squares)?.checked_sub(sum.checked_mul(sum)?)?;
            let denominator = n.checked_mul(n.checked_sub(1)?)?;
            decimal_sqrt(decimal(numerator)?.checked_div(decimal(denominator)?)?)
        })
        .flatten();
    let round = |value: Option<Decimal>| value.and_then(|value| rounding.apply(value).ok());
    ScaleSummary {
        min,
        counts: counts.to_vec(),
        mean: round(mean),
        median: round(median),
        std_deviation: round(std_deviation),
    }
}

/// The median of a histogram: the middle value, or the mean of the two middle values.
fn median(min: u8, counts: &[u64], n: i128) -> Option<Decimal> {
    if n <= 0 {
        return None;
    }
    let value_at = |rank: i128| -> Option<Decimal> {
        let mut seen: i128 = 0;
        for (offset, count) in (0_i64..).zip(counts) {
            seen = seen.saturating_add(i128::from(*count));
            if seen > rank {
                return Some(Decimal::from(i64::from(min).saturating_add(offset)));
            }
        }
        None
    };
    let upper = value_at(n / 2)?;
    if n % 2 == 1 {
        return Some(upper);
    }
    let lower = value_at(n / 2 - 1)?;
    lower.checked_add(upper)?.checked_div(Decimal::TWO)
}

/// Promoters, passives and detractors of NPS counts (index = score).
fn nps_groups(counts: &[u64]) -> (u64, u64, u64) {
    let sum = |range: std::ops::Range<usize>| -> u64 {
        counts.get(range).map_or(0, |cells| cells.iter().sum())
    };
    (sum(9..11), sum(7..9), sum(0..7))
}

fn nps_score(
    promoters: u64,
    detractors: u64,
    answered: u64,
    rounding: Rounding,
) -> Option<Decimal> {
    if answered == 0 {
        return None;
    }
    let difference = i128::from(promoters) - i128::from(detractors);
    let value = Decimal::try_from_i128_with_scale(difference, 0)
        .ok()?
        .checked_mul(Decimal::ONE_HUNDRED)?
        .checked_div(Decimal::from(answered))?;
    rounding.apply(value).ok()
}

impl Survey {
    /// Aggregates responses (T5.8): per question how many answered and skipped; per option
    /// the count and share; for rating and NPS questions the distribution, mean, median and
    /// sample standard deviation; for NPS the promoters, passives, detractors and score; the
    /// response rate when the invitation count is given; and per segment the NPS scores and
    /// rating means. Every share, statistic and rate is rounded with the options' rounding.
    ///
    /// # Errors
    ///
    /// [`SurveyError::InvalidResponse`] with the first problem of the first response that
    /// does not fit the survey.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{AggregateOptions, Answer, QuestionId, Response, ResponseId, Survey};
    /// use rust_decimal::Decimal;
    ///
    /// let survey: Survey = serde_json::from_str(r#"{"id": "s", "title": {"en": "S"},
    ///     "questions": [{"id": "nps", "text": {"en": "Recommend?"}, "kind": {"type": "nps"}}]}"#)?;
    /// let nps = QuestionId::try_new("nps")?;
    /// let responses: Vec<Response> = [10, 9, 8, 3].iter().enumerate().map(|(i, score)| {
    ///     Response::new(ResponseId::try_new(&format!("r{i}")).unwrap()).with_answer(nps.clone(), Answer::Scale(*score))
    /// }).collect();
    /// let stats = survey.aggregate(&responses, &AggregateOptions::default().with_invited(10))?;
    /// assert_eq!(stats.response_rate(), Some(Decimal::new(4000, 2)));
    /// let apkalpe_clients::QuestionDetail::Nps { score, .. } = stats.questions()[0].detail() else { unreachable!() };
    /// assert_eq!(*score, Some(Decimal::new(2500, 2)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn aggregate(
        &self,
        responses: &[Response],
        options: &AggregateOptions,
    ) -> Result<SurveyStats, SurveyError> {
        let mut groups: Vec<(Option<&Segment>, Tallies)> = Vec::new();
        let mut positions: HashMap<Option<&Segment>, usize> = HashMap::new();
        for response in responses {
            let segment = response.segment.as_ref();
            let position = match positions.get(&segment) {
                Some(position) => *position,
                None => {
                    groups.push((segment, Tallies::new(self)));
                    let position = groups.len().saturating_sub(1);
                    positions.insert(segment, position);
                    position
                }
            };
            if let Some((_, tallies)) = groups.get_mut(position) {
                tallies
                    .add(self, response)
                    .map_err(|source| SurveyError::InvalidResponse {
                        response: response.id.to_string(),
                        source,
                    })?;
            }
        }
        groups.sort_by(|a, b| a.0.cmp(&b.0));
        let mut all = Tallies::new(self);
        for (_, tallies) in &groups {
            all.merge(tallies);
        }
        let rounding = options.rounding;
        let questions = self.question_stats(&all, options);
        let segments = groups
            .iter()
            .map(|(segment, tallies)| {
                let scores = self
                    .questions
                    .iter()
                    .zip(&tallies.tallies)
                    .zip(&tallies.answered)
                    .filter_map(|((question, tally), answered)| {
                        let Tally::Scale { min, counts } = tally else {
                            return None;
                        };
                        let (measure, value) = if question.kind == QuestionKind::Nps {
                            let (promoters, _, detractors) = nps_groups(counts);
                            ("nps", nps_score(promoters, detractors, *answered, rounding))
                        } else {
                            ("mean", summarize(*min, counts, rounding).mean)
                        };
                        Some(SegmentScore {
                            question: question.id.clone(),
                            measure,
                            value,
                        })
                    })
                    .collect();
                SegmentStats {
                    segment: segment.cloned(),
                    responses: tallies.responses,
                    scores,
                }
            })
            .collect();
        Ok(SurveyStats {
            survey: self.id.clone(),
            title: self.title.get(options.language).to_owned(),
            responses: all.responses,
            invited: options.invited,
            response_rate: options
                .invited
                .and_then(|invited| percent(all.responses, invited, rounding)),
            questions,
            segments,
        })
    }

    fn question_stats(&self, all: &Tallies, options: &AggregateOptions) -> Vec<QuestionStats> {
        let rounding = options.rounding;
        self.questions
            .iter()
            .zip(&all.tallies)
            .zip(&all.answered)
            .map(|((question, tally), answered)| {
                let detail = match tally {
                    Tally::Choice(counts) => QuestionDetail::Choice {
                        options: question
                            .kind
                            .options()
                            .iter()
                            .zip(counts)
                            .map(|(option, count)| OptionStats {
                                option: option.id.clone(),
                                text: option.text.get(options.language).to_owned(),
                                count: *count,
                                share: percent(*count, *answered, rounding),
                            })
                            .collect(),
                    },
                    Tally::Scale { min, counts } => {
                        let summary = summarize(*min, counts, rounding);
                        if question.kind == QuestionKind::Nps {
                            let (promoters, passives, detractors) = nps_groups(counts);
                            QuestionDetail::Nps {
                                summary,
                                promoters,
                                passives,
                                detractors,
                                score: nps_score(promoters, detractors, *answered, rounding),
                            }
                        } else {
                            QuestionDetail::Rating { summary }
                        }
                    }
                    Tally::Text => QuestionDetail::FreeText,
                };
                QuestionStats {
                    question: question.id.clone(),
                    text: question.text.get(options.language).to_owned(),
                    answered: *answered,
                    skipped: all.responses.saturating_sub(*answered),
                    detail,
                }
            })
            .collect()
    }
}

/// Formats an optional decimal, `—` for none.
fn show(value: Option<Decimal>) -> String {
    value.map_or_else(|| "—".to_owned(), |value| value.to_string())
}

impl fmt::Display for SurveyStats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "survey {}: {}", self.survey, self.title)?;
        match (self.invited, self.response_rate) {
            (Some(invited), Some(rate)) => writeln!(
                f,
                "responses {} of {invited} invited ({rate} %)",
                self.responses
            )?,
            _ => writeln!(f, "responses {}", self.responses)?,
        }
        for question in &self.questions {
            writeln!(f)?;
            writeln!(f, "[{}] {}", question.question, question.text)?;
            writeln!(
                f,
                "    answered {}, skipped {}",
                question.answered, question.skipped
            )?;
            match &question.detail {
                QuestionDetail::Choice { options } => {
                    writeln!(f, "    {:<28} {:>7} {:>9}", "option", "count", "share %")?;
                    for option in options {
                        let label = format!("{} ({})", option.text, option.option);
                        writeln!(
                            f,
                            "    {:<28} {:>7} {:>9}",
                            label,
                            option.count,
                            show(option.share)
                        )?;
                    }
                }
                QuestionDetail::Rating { summary } => write_summary(f, summary)?,
                QuestionDetail::Nps {
                    summary,
                    promoters,
                    passives,
                    detractors,
                    score,
                } => {
                    write_summary(f, summary)?;
                    writeln!(
                        f,
                        "    promoters {promoters}, passives {passives}, detractors {detractors}, nps {}",
                        show(*score)
                    )?;
                }
                QuestionDetail::FreeText => {}
            }
        }
        if !self.segments.is_empty() {
            writeln!(f)?;
            writeln!(f, "by segment")?;
            write!(f, "    {:<16} {:>9}", "segment", "responses")?;
            if let Some(first) = self.segments.first() {
                for score in &first.scores {
                    // "satisfaction mean"; an NPS question called "nps" is just "nps".
                    let question = score.question.to_string();
                    let header = if question == score.measure {
                        question
                    } else {
                        format!("{question} {}", score.measure)
                    };
                    write!(f, " {header:>20}")?;
                }
            }
            writeln!(f)?;
            for segment in &self.segments {
                let name = segment
                    .segment
                    .as_ref()
                    .map_or("(none)", |segment| segment.as_str());
                write!(f, "    {:<16} {:>9}", name, segment.responses)?;
                for score in &segment.scores {
                    write!(f, " {:>20}", show(score.value))?;
                }
                writeln!(f)?;
            }
        }
        Ok(())
    }
}

fn write_summary(f: &mut fmt::Formatter<'_>, summary: &ScaleSummary) -> fmt::Result {
    let distribution: Vec<String> = (u32::from(summary.min)..)
        .zip(&summary.counts)
        .map(|(value, count)| format!("{value}:{count}"))
        .collect();
    writeln!(f, "    distribution {}", distribution.join(" "))?;
    writeln!(
        f,
        "    mean {}, median {}, std deviation {}",
        show(summary.mean),
        show(summary.median),
        show(summary.std_deviation)
    )
}
