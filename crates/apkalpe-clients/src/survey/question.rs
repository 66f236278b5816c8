//! A survey's questions: their kinds and the options of a choice.

use apkalpe_core::LocalizedText;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::text::{OptionId, QuestionId};

/// An option of a choice question.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{ChoiceOption, OptionId, Question, QuestionId, QuestionKind};
/// use apkalpe_core::{Language, LocalizedText};
///
/// let text = |t: &str| LocalizedText::new(Language::English, t);
/// let options = vec![
///     ChoiceOption::new(OptionId::try_new("web")?, text("Web")),
///     ChoiceOption::new(OptionId::try_new("shop")?, text("Shop")),
/// ];
/// let question = Question::new(QuestionId::try_new("where")?, text("Where?"), QuestionKind::SingleChoice { options });
/// assert_eq!(question.kind().name(), "single_choice");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ChoiceOption {
    pub(super) id: OptionId,
    pub(super) text: LocalizedText,
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
///
/// # Examples
///
/// ```
/// use apkalpe_clients::QuestionKind;
///
/// assert_eq!(QuestionKind::FreeText.name(), "free_text");
/// ```
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

    pub(super) fn options(&self) -> &[ChoiceOption] {
        match self {
            QuestionKind::SingleChoice { options } | QuestionKind::MultipleChoice { options } => {
                options
            }
            _ => &[],
        }
    }

    /// The lowest and highest value of a rating or NPS question.
    pub(super) fn range(&self) -> Option<(u8, u8)> {
        match self {
            QuestionKind::Rating { scale } => Some((1, *scale)),
            QuestionKind::Nps => Some((0, 10)),
            _ => None,
        }
    }
}

/// A question of a survey.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{Question, QuestionId, QuestionKind};
/// use apkalpe_core::{Language, LocalizedText};
///
/// let question = Question::new(QuestionId::try_new("q1")?, LocalizedText::new(Language::English, "How was it?"), QuestionKind::Rating { scale: 5 }).required();
/// assert!(question.is_required());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Question {
    pub(super) id: QuestionId,
    pub(super) text: LocalizedText,
    #[cfg_attr(feature = "serde", serde(default))]
    pub(super) required: bool,
    pub(super) kind: QuestionKind,
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
