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
    /// let stats = survey.aggregate(&responses, &AggregateOptions::default().with_invited(10))?;
    /// assert_eq!(stats.response_rate(), Some(rust_decimal::Decimal::from(30)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_invited(mut self, invited: u64) -> Self {
        self.invited = Some(invited);
        self
    }

    /// Sets the rounding of every share, mean, median, deviation, score and rate.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::AggregateOptions;
    /// use apkalpe_core::rounding::{Rounding, RoundingStrategy};
    ///
    /// let options = AggregateOptions::default().with_rounding(Rounding::to_places(RoundingStrategy::HalfEven, 1));
    /// # let _ = options;
    /// ```
    #[must_use]
    pub fn with_rounding(mut self, rounding: Rounding) -> Self {
        self.rounding = rounding;
        self
    }

    /// Sets the language of the question and option texts in the result.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::AggregateOptions;
    /// use apkalpe_core::Language;
    ///
    /// let options = AggregateOptions::default().with_language(Language::English);
    /// # let _ = options;
    /// ```
    #[must_use]
    pub fn with_language(mut self, language: Language) -> Self {
        self.language = language;
        self
    }
}

/// One figure of a segment: the NPS score of an NPS question or the mean of a rating question.
///
/// Deserialising refuses a measure other than `nps` or `mean` (`restore.inconsistent`).
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
/// assert_eq!(stats.segments()[0].scores()[0].measure(), "nps");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
                )
                .with_latvian_reason(format_args!("rādītājs ir nps vai mean, bet ir {other:?}")));
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

    /// Returns `nps` or `mean`.
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
    /// assert_eq!(stats.segments()[0].scores()[0].measure(), "nps");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn measure(&self) -> &'static str {
        self.measure
    }

    /// Returns the value, `None` without answers.
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
    /// // Two promoters of two responses without a segment: NPS 100.
    /// assert_eq!(stats.segments()[0].scores()[0].value(), Some(rust_decimal::Decimal::from(100)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn value(&self) -> Option<Decimal> {
        self.value
    }
}

/// The responses of one client segment. Deserialised field by field.
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
/// assert_eq!(stats.segments()[0].responses(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
    /// assert_eq!(stats.segments()[0].segment(), None);
    /// assert_eq!(stats.segments()[1].segment().map(Segment::as_str), Some("retail"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
    /// let stats = survey.aggregate(&responses, &AggregateOptions::default())?;
    /// assert_eq!(stats.segments()[0].segment(), None);
    /// assert_eq!(stats.segments()[1].segment().map(Segment::as_str), Some("retail"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn segment(&self) -> Option<&Segment> {
        self.segment.as_ref()
    }

    /// Returns the number of responses.
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
    /// assert_eq!(stats.segments()[0].responses(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn responses(&self) -> u64 {
        self.responses
    }

    /// Returns the NPS scores and rating means, in survey order.
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
    /// assert_eq!(stats.segments()[1].scores().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn scores(&self) -> &[SegmentScore] {
        &self.scores
    }
}

/// The aggregate of a survey's responses (T5.8). [`Display`](std::fmt::Display) renders it as a
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
                )
                .with_latvian_reason(format_args!(
                    "atbildējušo un izlaidušo summai jābūt atbilžu skaitam {responses}"
                )));
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
            )
            .with_latvian_reason(format_args!(
                "segmentu atbilžu summai jābūt atbilžu skaitam {responses}"
            )));
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
    /// assert_eq!(stats.survey().as_str(), "service-2026");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn survey(&self) -> &SurveyId {
        &self.survey
    }

    /// Returns the number of responses.
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
    /// assert_eq!(stats.responses(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn responses(&self) -> u64 {
        self.responses
    }

    /// Returns the response rate in percent of those invited, if the count was given.
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
    /// // No number of people invited was given.
    /// assert_eq!(stats.response_rate(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn response_rate(&self) -> Option<Decimal> {
        self.response_rate
    }

    /// Returns the statistics per question, in survey order.
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
    /// assert_eq!(stats.questions().len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn questions(&self) -> &[QuestionStats] {
        &self.questions
    }

    /// Returns a question's statistics.
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
    /// assert_eq!(stats.question("channel").map(|q| q.answered()), Some(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn question(&self, id: &str) -> Option<&QuestionStats> {
        self.questions
            .iter()
            .find(|question| question.question.as_str() == id)
    }

    /// Returns the breakdown by segment (no segment first, then by name).
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
    /// assert_eq!(stats.segments().len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn segments(&self) -> &[SegmentStats] {
        &self.segments
    }
}
