//! A detractor: a response that scored a net promoter question 0 to 6, to follow up.

use std::borrow::Cow;

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

#[cfg(feature = "serde")]
use super::Answer;
use super::Response;
use crate::client::ClientId;
use crate::text::{ResponseId, Segment};

/// A respondent who scored 0–6 on an NPS question.
///
/// Saved as the response's fields and the `score`. A detractor read back
/// (`Detractor<'static>`, owning its response) is checked: the score is 0–6 and the response
/// gives it as an answer (`restore.inconsistent`).
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
/// let _stats = survey.aggregate(&responses, &AggregateOptions::default())?;
/// # let _ = QuestionDetail::FreeText;
/// let detractors = survey.detractors(&responses, &nps)?;
/// assert_eq!((detractors.len(), detractors[0].score()), (1, 2));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "DetractorRecord"))]
pub struct Detractor<'a> {
    #[cfg_attr(feature = "serde", serde(flatten))]
    pub(super) response: Cow<'a, Response>,
    pub(super) score: u8,
}

/// The saved form of a [`Detractor`], before its checks.
#[derive(Debug)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg(feature = "serde")]
struct DetractorRecord {
    #[cfg_attr(feature = "serde", serde(flatten))]
    response: Response,
    score: u8,
}

#[cfg(feature = "serde")]
impl TryFrom<DetractorRecord> for Detractor<'_> {
    type Error = RestoreError;

    fn try_from(record: DetractorRecord) -> Result<Self, Self::Error> {
        if record.score > 6 {
            return Err(RestoreError::inconsistent(
                "Detractor",
                "score",
                format_args!("a detractor scores 0 to 6, found {}", record.score),
            )
            .with_latvian_reason(format_args!(
                "kritiķa vērtējums ir no 0 līdz 6, bet ir {}",
                record.score
            )));
        }
        if !record
            .response
            .answers
            .iter()
            .any(|(_, answer)| *answer == Answer::Scale(record.score))
        {
            return Err(RestoreError::inconsistent(
                "Detractor",
                "score",
                "the response gives no answer with this score",
            )
            .with_latvian_reason("atbildē nav atbildes ar šo vērtējumu"));
        }
        Ok(Detractor {
            response: Cow::Owned(record.response),
            score: record.score,
        })
    }
}

impl Detractor<'_> {
    /// Returns the response id.
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
    /// let detractors = survey.detractors(&responses, &nps)?;
    /// assert_eq!(detractors[0].response().as_str(), "r2");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn response(&self) -> &ResponseId {
        &self.response.id
    }

    /// Returns the client, if the response names one.
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
    /// let detractors = survey.detractors(&responses, &nps)?;
    /// assert_eq!(detractors[0].client(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn client(&self) -> Option<ClientId> {
        self.response.client
    }

    /// Returns the segment.
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
    /// let detractors = survey.detractors(&responses, &nps)?;
    /// assert_eq!(detractors[0].segment().map(Segment::as_str), Some("retail"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn segment(&self) -> Option<&Segment> {
        self.response.segment.as_ref()
    }

    /// Returns the score.
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
    /// let detractors = survey.detractors(&responses, &nps)?;
    /// assert_eq!(detractors[0].score(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn score(&self) -> u8 {
        self.score
    }
}
