//! A response to a survey: its answers, and the answers' saved forms.

#[cfg(feature = "serde")]
use std::borrow::Cow;

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
#[cfg(feature = "serde")]
use serde::ser::SerializeSeq;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize, Serializer};

use crate::client::ClientId;
use crate::text::{OptionId, QuestionId, ResponseId, Segment};

/// An answer to one question.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{Answer, OptionId};
///
/// assert!(!Answer::Choice(OptionId::try_new("web")?).is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Answer {
    /// One option (single choice; also one option of a multiple-choice question).
    Choice(OptionId),
    /// Several options (multiple choice); empty means no answer.
    Choices(Vec<OptionId>),
    /// A point on a rating scale or an NPS score.
    Scale(u8),
    /// Free text; blank means no answer.
    Text(String),
}

impl Answer {
    /// Tells whether the answer says nothing (no options, blank text).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::Answer;
    ///
    /// assert!(Answer::Text("  ".to_owned()).is_empty());
    /// assert!(Answer::Choices(Vec::new()).is_empty());
    /// assert!(!Answer::Scale(0).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        match self {
            Answer::Choices(options) => options.is_empty(),
            Answer::Text(text) => text.trim().is_empty(),
            Answer::Choice(_) | Answer::Scale(_) => false,
        }
    }
}

/// One filled-in questionnaire: who (optionally a client and their segment) and the answers.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{Answer, OptionId, QuestionId, Response, ResponseId, Segment};
///
/// let response = Response::new(ResponseId::try_new("r1")?)
///     .with_segment(Segment::try_new("retail")?)
///     .with_answer(QuestionId::try_new("channel")?, Answer::Choice(OptionId::try_new("web")?));
/// assert_eq!(response.answers().len(), 1);
/// # Ok::<(), apkalpe_clients::ParseTokenError>(())
/// ```
///
/// # Saved form
///
/// `{"id": "r1", "client": …, "segment": "retail", "answers": [{"question": "nps", "answer":
/// {"scale": 9}}]}`. Deserialising also reads the answers as `[question, answer]` pairs, the
/// form written before issue 13, and refuses a question answered twice (`restore.duplicate`),
/// which [`Response::with_answer`] never builds.
///
/// ```
/// use apkalpe_clients::{Answer, QuestionId, Response};
///
/// let old = r#"{"id": "r1", "answers": [["nps", {"scale": 9}]]}"#;
/// let response: Response = serde_json::from_str(old)?;
/// assert_eq!(response.answer(&QuestionId::try_new("nps")?), Some(&Answer::Scale(9)));
/// assert_eq!(
///     serde_json::to_string(&response)?,
///     r#"{"id":"r1","answers":[{"question":"nps","answer":{"scale":9}}]}"#
/// );
/// let twice = r#"{"id": "r1", "answers": [{"question": "nps", "answer": {"scale": 9}},
///     {"question": "nps", "answer": {"scale": 3}}]}"#;
/// assert!(serde_json::from_str::<Response>(twice).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "ResponseRecord"))]
pub struct Response {
    pub(super) id: ResponseId,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub(super) client: Option<ClientId>,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub(super) segment: Option<Segment>,
    #[cfg_attr(feature = "serde", serde(serialize_with = "named_answers"))]
    pub(super) answers: Vec<(QuestionId, Answer)>,
}

/// One answer as saved: the question named.
#[derive(Debug)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[cfg(feature = "serde")]
struct NamedAnswer<'a> {
    question: Cow<'a, QuestionId>,
    answer: Cow<'a, Answer>,
}

/// Writes the answers as `{"question", "answer"}` objects.
#[cfg(feature = "serde")]
fn named_answers<S: Serializer>(
    answers: &[(QuestionId, Answer)],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut seq = serializer.serialize_seq(Some(answers.len()))?;
    for (question, answer) in answers {
        seq.serialize_element(&NamedAnswer {
            question: Cow::Borrowed(question),
            answer: Cow::Borrowed(answer),
        })?;
    }
    seq.end()
}

/// An answer as read: named, or the `[question, answer]` pair written before issue 13.
#[derive(Debug)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(untagged))]
#[cfg(feature = "serde")]
enum SavedAnswer {
    Named(NamedAnswer<'static>),
    Pair(QuestionId, Answer),
}

/// The saved form of a [`Response`], before its checks.
#[derive(Debug)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[cfg(feature = "serde")]
struct ResponseRecord {
    id: ResponseId,
    #[cfg_attr(feature = "serde", serde(default))]
    client: Option<ClientId>,
    #[cfg_attr(feature = "serde", serde(default))]
    segment: Option<Segment>,
    answers: Vec<SavedAnswer>,
}

#[cfg(feature = "serde")]
impl TryFrom<ResponseRecord> for Response {
    type Error = RestoreError;

    fn try_from(record: ResponseRecord) -> Result<Self, Self::Error> {
        let answers: Vec<(QuestionId, Answer)> = record
            .answers
            .into_iter()
            .map(|saved| match saved {
                SavedAnswer::Named(named) => {
                    (named.question.into_owned(), named.answer.into_owned())
                }
                SavedAnswer::Pair(question, answer) => (question, answer),
            })
            .collect();
        let questions: Vec<&QuestionId> = answers.iter().map(|(question, _)| question).collect();
        if let Some((position, question)) = crate::restore::first_repeat(&questions) {
            return Err(RestoreError::duplicate(
                "Response",
                format!("answers[{position}].question"),
                question,
            ));
        }
        Ok(Response {
            id: record.id,
            client: record.client,
            segment: record.segment,
            answers,
        })
    }
}

impl Response {
    /// Starts an anonymous response without answers.
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
    /// assert!(Response::new(ResponseId::try_new("r4")?).answers().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(id: ResponseId) -> Self {
        Response {
            id,
            client: None,
            segment: None,
            answers: Vec::new(),
        }
    }

    /// Links the response to a client.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientId, Response, ResponseId};
    ///
    /// let response = Response::new(ResponseId::try_new("r1")?).with_client(ClientId::from_u128(1));
    /// assert_eq!(response.client(), Some(ClientId::from_u128(1)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_client(mut self, client: ClientId) -> Self {
        self.client = Some(client);
        self
    }

    /// Sets the respondent's segment, for the breakdown.
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
    /// assert_eq!(responses[1].segment().map(Segment::as_str), Some("retail"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_segment(mut self, segment: Segment) -> Self {
        self.segment = Some(segment);
        self
    }

    /// Adds an answer, replacing an earlier answer to the same question.
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
    /// assert_eq!(responses[0].answer(&nps), Some(&Answer::Scale(9)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_answer(mut self, question: QuestionId, answer: Answer) -> Self {
        self.set_answer(question, answer);
        self
    }

    pub(crate) fn set_answer(&mut self, question: QuestionId, answer: Answer) {
        match self.answers.iter_mut().find(|(id, _)| id == &question) {
            Some(slot) => slot.1 = answer,
            None => self.answers.push((question, answer)),
        }
    }

    /// Returns the id.
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
    /// assert_eq!(responses[0].id().as_str(), "r1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn id(&self) -> &ResponseId {
        &self.id
    }

    /// Returns the client.
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
    /// assert_eq!(responses[0].client(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn client(&self) -> Option<ClientId> {
        self.client
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
    /// assert_eq!(responses[0].segment(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn segment(&self) -> Option<&Segment> {
        self.segment.as_ref()
    }

    /// Returns the answers, in the order given.
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
    /// assert_eq!(responses[0].answers().len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn answers(&self) -> &[(QuestionId, Answer)] {
        &self.answers
    }

    /// Returns the answer to a question.
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
    /// assert_eq!(responses[2].answer(&channel), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn answer(&self, question: &QuestionId) -> Option<&Answer> {
        self.answers
            .iter()
            .find(|(id, _)| id == question)
            .map(|(_, answer)| answer)
    }
}
