//! Surveys and questionnaires (*aptaujas un anketas*, T5.7–T5.9, S15): definitions, responses,
//! validation, aggregation, CSV in and out, and the detractors to follow up.

#[cfg(feature = "csv")]
mod csv_io;
mod sqrt;
mod stats;

use std::borrow::Cow;

use apkalpe_core::LocalizedText;
#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
#[cfg(feature = "serde")]
use serde::ser::SerializeSeq;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize, Serializer};

use crate::client::ClientId;
use crate::error::{ResponseError, SurveyError};
use crate::text::{OptionId, QuestionId, ResponseId, Segment, SurveyId};

#[cfg(feature = "csv")]
pub use csv_io::{RESPONSES_CSV_HEADER, read_responses_csv, responses_to_csv};
pub use sqrt::decimal_sqrt;
pub use stats::{
    AggregateOptions, OptionStats, QuestionDetail, QuestionStats, ScaleSummary, SegmentScore,
    SegmentStats, SurveyStats,
};

/// An option of a choice question.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ChoiceOption {
    id: OptionId,
    text: LocalizedText,
}

impl ChoiceOption {
    /// Creates an option.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ChoiceOption, OptionId};
    /// use apkalpe_core::{Language, LocalizedText};
    ///
    /// let option = ChoiceOption::new(OptionId::try_new("web")?, LocalizedText::new(Language::English, "Web"));
    /// assert_eq!(option.id().as_str(), "web");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(id: OptionId, text: LocalizedText) -> Self {
        ChoiceOption { id, text }
    }

    /// Returns the id.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ChoiceOption, OptionId};
    /// use apkalpe_core::{Language, LocalizedText};
    ///
    /// let option = ChoiceOption::new(OptionId::try_new("web")?, LocalizedText::new(Language::English, "Web"));
    /// assert_eq!(option.id().as_str(), "web");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn id(&self) -> &OptionId {
        &self.id
    }

    /// Returns the text.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ChoiceOption, OptionId};
    /// use apkalpe_core::{Language, LocalizedText};
    ///
    /// let option = ChoiceOption::new(OptionId::try_new("web")?, LocalizedText::new(Language::English, "Web"));
    /// assert_eq!(option.text(), &LocalizedText::new(Language::English, "Web"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn text(&self) -> &LocalizedText {
        &self.text
    }
}

/// The kind of a question and what it allows.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)
)]
pub enum QuestionKind {
    /// One option.
    SingleChoice {
        /// The options (at least 2).
        options: Vec<ChoiceOption>,
    },
    /// Any number of options.
    MultipleChoice {
        /// The options (at least 2).
        options: Vec<ChoiceOption>,
    },
    /// A rating from 1 to `scale` (2–10).
    Rating {
        /// The highest point.
        scale: u8,
    },
    /// Net Promoter Score: "how likely are you to recommend us", 0–10.
    Nps,
    /// Free text.
    FreeText,
}

impl QuestionKind {
    /// Returns the snake_case name.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::QuestionKind;
    ///
    /// assert_eq!(QuestionKind::Nps.name(), "nps");
    /// assert_eq!(QuestionKind::Rating { scale: 5 }.name(), "rating");
    /// ```
    pub fn name(&self) -> &'static str {
        match self {
            QuestionKind::SingleChoice { .. } => "single_choice",
            QuestionKind::MultipleChoice { .. } => "multiple_choice",
            QuestionKind::Rating { .. } => "rating",
            QuestionKind::Nps => "nps",
            QuestionKind::FreeText => "free_text",
        }
    }

    fn options(&self) -> &[ChoiceOption] {
        match self {
            QuestionKind::SingleChoice { options } | QuestionKind::MultipleChoice { options } => {
                options
            }
            _ => &[],
        }
    }

    /// The lowest and highest value of a rating or NPS question.
    fn range(&self) -> Option<(u8, u8)> {
        match self {
            QuestionKind::Rating { scale } => Some((1, *scale)),
            QuestionKind::Nps => Some((0, 10)),
            _ => None,
        }
    }
}

/// A question of a survey.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Question {
    id: QuestionId,
    text: LocalizedText,
    #[cfg_attr(feature = "serde", serde(default))]
    required: bool,
    kind: QuestionKind,
}

impl Question {
    /// Creates an optional question.
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
    /// assert_eq!(survey.questions()[0].kind(), &QuestionKind::Nps);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(id: QuestionId, text: LocalizedText, kind: QuestionKind) -> Self {
        Question {
            id,
            text,
            required: false,
            kind,
        }
    }

    /// Makes the question required.
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
    /// assert!(survey.questions()[0].is_required());
    /// assert!(!survey.questions()[1].is_required());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn required(mut self) -> Self {
        self.required = true;
        self
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
    /// assert_eq!(survey.questions()[0].id(), &nps);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn id(&self) -> &QuestionId {
        &self.id
    }

    /// Returns the text.
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
    /// assert_eq!(survey.questions()[0].text(), &text("Would you recommend us?"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn text(&self) -> &LocalizedText {
        &self.text
    }

    /// Tells whether an answer is required.
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
    /// assert!(survey.questions()[0].is_required());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_required(&self) -> bool {
        self.required
    }

    /// Returns the kind.
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
    /// assert_eq!(survey.questions()[0].kind().name(), "nps");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn kind(&self) -> &QuestionKind {
        &self.kind
    }
}

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

/// An answer to one question.
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
    id: ResponseId,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    client: Option<ClientId>,
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    segment: Option<Segment>,
    #[cfg_attr(feature = "serde", serde(serialize_with = "named_answers"))]
    answers: Vec<(QuestionId, Answer)>,
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

/// A respondent who scored 0–6 on an NPS question.
///
/// Saved as the response's fields and the `score`. A detractor read back
/// (`Detractor<'static>`, owning its response) is checked: the score is 0–6 and the response
/// gives it as an answer (`restore.inconsistent`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "DetractorRecord"))]
pub struct Detractor<'a> {
    #[cfg_attr(feature = "serde", serde(flatten))]
    response: Cow<'a, Response>,
    score: u8,
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
            ));
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
