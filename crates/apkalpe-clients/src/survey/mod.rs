//! Surveys and questionnaires (*aptaujas un anketas*, T5.7–T5.9, S15): definitions, responses,
//! validation, aggregation, CSV in and out, and the detractors to follow up.

#[cfg(feature = "csv")]
mod csv_io;
mod detractor;
mod question;
mod response;
mod sqrt;
mod stats;

pub use detractor::Detractor;
pub use question::{ChoiceOption, Question, QuestionKind};
pub use response::{Answer, Response};

use std::borrow::Cow;

use apkalpe_core::LocalizedText;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::error::{ResponseError, SurveyError};
use crate::text::{OptionId, QuestionId, SurveyId};

#[cfg(feature = "csv")]
pub use csv_io::{RESPONSES_CSV_HEADER, read_responses_csv, responses_to_csv};
pub use sqrt::decimal_sqrt;
pub use stats::{
    AggregateOptions, OptionStats, QuestionDetail, QuestionStats, ScaleSummary, SegmentScore,
    SegmentStats, SurveyStats,
};

/// The raw form of a [`Survey`], before checking.
#[derive(Debug, Clone)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct SurveyInput {
    id: SurveyId,
    title: LocalizedText,
    questions: Vec<Question>,
}

/// A survey or questionnaire (*aptauja*, *anketa*; T5.7, S15): an id, a title and questions
/// with texts in several languages.
///
/// Serialised as JSON: `{"id", "title": {"lv": …}, "questions": [{"id", "text", "required",
/// "kind": {"type": "single_choice" | "multiple_choice" | "rating" | "nps" | "free_text", …}}]}`
/// and deserialised through the checks of [`Survey::try_new`].
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{Question, QuestionId, QuestionKind, Survey, SurveyId};
/// use apkalpe_core::{Language, LocalizedText};
///
/// let survey = Survey::try_new(
///     SurveyId::try_new("service-2026")?,
///     LocalizedText::new(Language::Latvian, "Apkalpošanas kvalitāte"),
///     vec![Question::new(
///         QuestionId::try_new("nps")?,
///         LocalizedText::new(Language::Latvian, "Cik ticami, ka ieteiksiet mūs draugam?"),
///         QuestionKind::Nps,
///     ).required()],
/// )?;
/// let json = serde_json::to_string(&survey)?;
/// assert_eq!(serde_json::from_str::<Survey>(&json)?, survey);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "SurveyInput"))]
pub struct Survey {
    id: SurveyId,
    title: LocalizedText,
    questions: Vec<Question>,
}

impl TryFrom<SurveyInput> for Survey {
    type Error = SurveyError;

    fn try_from(input: SurveyInput) -> Result<Self, Self::Error> {
        Survey::try_new(input.id, input.title, input.questions)
    }
}

impl Survey {
    /// Checks and creates a survey.
    ///
    /// # Errors
    ///
    /// - [`SurveyError::NoQuestions`] without questions;
    /// - [`SurveyError::DuplicateQuestion`] for a repeated question id;
    /// - [`SurveyError::TooFewOptions`] for a choice question with fewer than 2 options;
    /// - [`SurveyError::DuplicateOption`] for a repeated option id within a question;
    /// - [`SurveyError::Scale`] for a rating scale outside 2–10.
    ///
    /// # Examples
    ///
    /// See [`Survey`].
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
    /// assert_eq!(survey.questions().len(), 2);
    /// let empty = Survey::try_new(SurveyId::try_new("empty")?, text("Empty"), Vec::new());
    /// assert_eq!(empty.unwrap_err().code(), "survey.no_questions");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_new(
        id: SurveyId,
        title: LocalizedText,
        questions: Vec<Question>,
    ) -> Result<Self, SurveyError> {
        if questions.is_empty() {
            return Err(SurveyError::NoQuestions);
        }
        for (index, question) in questions.iter().enumerate() {
            let name = || question.id.to_string();
            if questions
                .iter()
                .take(index)
                .any(|other| other.id == question.id)
            {
                return Err(SurveyError::DuplicateQuestion { question: name() });
            }
            match &question.kind {
                QuestionKind::SingleChoice { options }
                | QuestionKind::MultipleChoice { options } => {
                    if options.len() < 2 {
                        return Err(SurveyError::TooFewOptions {
                            question: name(),
                            found: options.len(),
                        });
                    }
                    for (position, option) in options.iter().enumerate() {
                        if options
                            .iter()
                            .take(position)
                            .any(|other| other.id == option.id)
                        {
                            return Err(SurveyError::DuplicateOption {
                                question: name(),
                                option: option.id.to_string(),
                            });
                        }
                    }
                }
                QuestionKind::Rating { scale } if !(2..=10).contains(scale) => {
                    return Err(SurveyError::Scale {
                        question: name(),
                        found: *scale,
                    });
                }
                _ => {}
            }
        }
        Ok(Survey {
            id,
            title,
            questions,
        })
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
    /// assert_eq!(survey.id().as_str(), "service-2026");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn id(&self) -> &SurveyId {
        &self.id
    }

    /// Returns the title.
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
    /// assert_eq!(survey.title(), &text("Service"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn title(&self) -> &LocalizedText {
        &self.title
    }

    /// Returns the questions.
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
    /// assert_eq!(survey.questions().len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn questions(&self) -> &[Question] {
        &self.questions
    }

    /// Returns a question by id.
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
    /// assert!(survey.question("nps").is_some());
    /// assert!(survey.question("price").is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions
            .iter()
            .find(|question| question.id.as_str() == id)
    }

    /// Checks a response against the survey and lists every problem (T5.8).
    ///
    /// # Errors
    ///
    /// Every [`ResponseError`] found, in the order of the answers, then the missing required
    /// questions in survey order.
    ///
    /// # Examples
    ///
    /// See [`ResponseError`].
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
    /// assert!(survey.validate(&responses[0]).is_ok());
    /// let unanswered = Response::new(ResponseId::try_new("r4")?);
    /// assert_eq!(survey.validate(&unanswered).unwrap_err()[0].code(), "response.missing_required");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate(&self, response: &Response) -> Result<(), Vec<ResponseError>> {
        let mut errors = Vec::new();
        self.check(response, &mut |error| {
            errors.push(error);
            true
        });
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// Reports the problems of a response to `report`, which returns whether to go on.
    fn check(&self, response: &Response, report: &mut dyn FnMut(ResponseError) -> bool) {
        for (question_id, answer) in &response.answers {
            let Some(question) = self.question(question_id.as_str()) else {
                if !report(ResponseError::UnknownQuestion {
                    question: question_id.to_string(),
                }) {
                    return;
                }
                continue;
            };
            if let Err(error) = check_answer(question, answer)
                && !report(error)
            {
                return;
            }
        }
        for question in self.questions.iter().filter(|question| question.required) {
            let answered = response
                .answers
                .iter()
                .any(|(id, answer)| id == &question.id && !answer.is_empty());
            if !answered
                && !report(ResponseError::MissingRequired {
                    question: question.id.to_string(),
                })
            {
                return;
            }
        }
    }

    /// Lists the detractors (scores 0–6) of an NPS question, lowest score first, so each can
    /// be followed up (T5.9).
    ///
    /// # Errors
    ///
    /// [`SurveyError::UnknownQuestion`]; [`SurveyError::QuestionKind`] unless the question is
    /// an NPS question.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{Answer, QuestionId, Response, ResponseId, Survey};
    ///
    /// let survey: Survey = serde_json::from_str(r#"{"id": "s", "title": {"en": "S"},
    ///     "questions": [{"id": "nps", "text": {"en": "Recommend?"}, "kind": {"type": "nps"}}]}"#)?;
    /// let nps = QuestionId::try_new("nps")?;
    /// let responses = [
    ///     Response::new(ResponseId::try_new("r1")?).with_answer(nps.clone(), Answer::Scale(9)),
    ///     Response::new(ResponseId::try_new("r2")?).with_answer(nps.clone(), Answer::Scale(3)),
    /// ];
    /// let detractors = survey.detractors(&responses, &nps)?;
    /// assert_eq!(detractors.len(), 1);
    /// assert_eq!((detractors[0].response().as_str(), detractors[0].score()), ("r2", 3));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn detractors<'a>(
        &self,
        responses: &'a [Response],
        question: &QuestionId,
    ) -> Result<Vec<Detractor<'a>>, SurveyError> {
        let found =
            self.question(question.as_str())
                .ok_or_else(|| SurveyError::UnknownQuestion {
                    question: question.to_string(),
                })?;
        if found.kind != QuestionKind::Nps {
            return Err(SurveyError::QuestionKind {
                question: question.to_string(),
                expected: "nps",
            });
        }
        let mut detractors: Vec<Detractor<'a>> = responses
            .iter()
            .filter_map(|response| match response.answer(question) {
                Some(Answer::Scale(score)) if *score <= 6 => Some(Detractor {
                    response: Cow::Borrowed(response),
                    score: *score,
                }),
                _ => None,
            })
            .collect();
        detractors.sort_by(|a, b| {
            a.score
                .cmp(&b.score)
                .then_with(|| a.response.id.cmp(&b.response.id))
        });
        Ok(detractors)
    }
}

/// Checks one answer against its question.
pub(crate) fn check_answer(question: &Question, answer: &Answer) -> Result<(), ResponseError> {
    let name = || question.id.to_string();
    let wrong = |expected| ResponseError::AnswerKind {
        question: name(),
        expected,
    };
    let known = |option: &OptionId| {
        if question
            .kind
            .options()
            .iter()
            .any(|known| &known.id == option)
        {
            Ok(())
        } else {
            Err(ResponseError::UnknownOption {
                question: name(),
                option: option.to_string(),
            })
        }
    };
    match (&question.kind, answer) {
        (QuestionKind::SingleChoice { .. }, Answer::Choice(option)) => known(option),
        (QuestionKind::SingleChoice { .. }, _) => Err(wrong("one option")),
        (QuestionKind::MultipleChoice { .. }, Answer::Choice(option)) => known(option),
        (QuestionKind::MultipleChoice { .. }, Answer::Choices(options)) => {
            for (index, option) in options.iter().enumerate() {
                known(option)?;
                if options.iter().take(index).any(|other| other == option) {
                    return Err(ResponseError::RepeatedOption {
                        question: name(),
                        option: option.to_string(),
                    });
                }
            }
            Ok(())
        }
        (QuestionKind::MultipleChoice { .. }, _) => Err(wrong("a list of options")),
        (QuestionKind::Rating { .. } | QuestionKind::Nps, Answer::Scale(value)) => {
            let (min, max) = question.kind.range().unwrap_or((0, 0));
            if (min..=max).contains(value) {
                Ok(())
            } else {
                Err(ResponseError::ValueOutOfRange {
                    question: name(),
                    value: *value,
                    min,
                    max,
                })
            }
        }
        (QuestionKind::Rating { .. } | QuestionKind::Nps, _) => Err(wrong("a number")),
        (QuestionKind::FreeText, Answer::Text(_)) => Ok(()),
        (QuestionKind::FreeText, _) => Err(wrong("text")),
    }
}
