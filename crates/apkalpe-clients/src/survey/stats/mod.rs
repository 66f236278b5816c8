//! Aggregation of survey responses (T5.8): counts and shares, scale statistics, NPS, response
//! rate and a breakdown by segment, with a text table for people.
mod aggregate;
mod question;
mod scale;
mod table;

pub use question::{OptionStats, QuestionDetail, QuestionStats};
pub use scale::ScaleSummary;

use apkalpe_core::Language;
#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use apkalpe_core::rounding::{Rounding, RoundingStrategy};
use rust_decimal::Decimal;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use super::{Answer, QuestionKind, Response, Survey, check_answer, decimal_sqrt};
use crate::text::{QuestionId, Segment, SurveyId};

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

/// One figure of a segment: the NPS score of an NPS question or the mean of a rating question.
///
/// Deserialising refuses a measure other than `nps` or `mean` (`restore.inconsistent`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub struct SegmentScore {
    question: QuestionId,
    measure: &'static str,
    #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str_option"))]
    value: Option<Decimal>,
}

/// The saved form of a [`SegmentScore`], before its checks.
#[derive(Debug)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[cfg(feature = "serde")]
struct SegmentScoreRecord {
    question: QuestionId,
    measure: String,
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "crate::restore::decimal_option")
    )]
    value: Option<Decimal>,
}

// By hand: a derive would tie `'de` to the `&'static str` measure.
#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for SegmentScore {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        SegmentScoreRecord::deserialize(deserializer)
            .and_then(|record| SegmentScore::try_from(record).map_err(serde::de::Error::custom))
    }
}

#[cfg(feature = "serde")]
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
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
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
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "SurveyStatsRecord"))]
pub struct SurveyStats {
    survey: SurveyId,
    title: String,
    responses: u64,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    invited: Option<u64>,
    #[cfg_attr(
        feature = "serde",
        serde(
            skip_serializing_if = "Option::is_none",
            with = "rust_decimal::serde::str_option"
        )
    )]
    response_rate: Option<Decimal>,
    questions: Vec<QuestionStats>,
    segments: Vec<SegmentStats>,
}

/// The saved form of a [`SurveyStats`], before its checks.
#[derive(Debug)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[cfg(feature = "serde")]
struct SurveyStatsRecord {
    survey: SurveyId,
    title: String,
    responses: u64,
    #[cfg_attr(feature = "serde", serde(default))]
    invited: Option<u64>,
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "crate::restore::decimal_option")
    )]
    response_rate: Option<Decimal>,
    questions: Vec<QuestionStats>,
    segments: Vec<SegmentStats>,
}

#[cfg(feature = "serde")]
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
