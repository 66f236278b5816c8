//! The errors of surveys: a definition, a response, a responses CSV file.

/// A survey definition that breaks a rule.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::Survey;
///
/// let error = serde_json::from_str::<Survey>(r#"{"id": "s", "title": {"en": "S"}, "questions": []}"#)
///     .unwrap_err();
/// assert!(error.to_string().contains("a survey needs at least one question"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SurveyError {
    /// No questions.
    #[error("a survey needs at least one question")]
    NoQuestions,
    /// Two questions with the same id.
    #[error("question id {question} is used twice")]
    DuplicateQuestion {
        /// The id.
        question: String,
    },
    /// Two options of a question with the same id.
    #[error("option {option} of question {question} is used twice")]
    DuplicateOption {
        /// The question.
        question: String,
        /// The option id.
        option: String,
    },
    /// A choice question with fewer than two options.
    #[error("choice question {question} needs at least 2 options, found {found}")]
    TooFewOptions {
        /// The question.
        question: String,
        /// Options found.
        found: usize,
    },
    /// A rating scale outside 2..=10 points.
    #[error("rating question {question} needs a scale of 2 to 10 points, found {found}")]
    Scale {
        /// The question.
        question: String,
        /// The number of points given.
        found: u8,
    },
    /// A response that does not fit the survey, met while aggregating.
    #[error("response {response}: {source}")]
    InvalidResponse {
        /// The response id.
        response: String,
        /// The first problem found.
        source: ResponseError,
    },
    /// A question id asked for that the survey does not have.
    #[error("the survey has no question {question}")]
    UnknownQuestion {
        /// The id.
        question: String,
    },
    /// A question of another kind than the operation needs (detractors need an NPS question).
    #[error("question {question} is not of kind {expected}")]
    QuestionKind {
        /// The question.
        question: String,
        /// The kind needed.
        expected: &'static str,
    },
}

impl SurveyError {
    /// Returns the stable code, such as `survey.duplicate_question`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{Survey, SurveyId};
    /// use apkalpe_core::{Language, LocalizedText};
    ///
    /// let error = Survey::try_new(SurveyId::try_new("s")?, LocalizedText::new(Language::English, "S"), Vec::new()).unwrap_err();
    /// assert_eq!(error.code(), "survey.no_questions");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            SurveyError::NoQuestions => "survey.no_questions",
            SurveyError::DuplicateQuestion { .. } => "survey.duplicate_question",
            SurveyError::DuplicateOption { .. } => "survey.duplicate_option",
            SurveyError::TooFewOptions { .. } => "survey.too_few_options",
            SurveyError::Scale { .. } => "survey.scale",
            SurveyError::InvalidResponse { .. } => "survey.invalid_response",
            SurveyError::UnknownQuestion { .. } => "survey.unknown_question",
            SurveyError::QuestionKind { .. } => "survey.question_kind",
        }
    }
}

/// One way a response does not fit its survey.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{Answer, QuestionId, Response, ResponseId, Survey};
///
/// let survey: Survey = serde_json::from_str(r#"{"id": "s", "title": {"en": "S"},
///     "questions": [{"id": "nps", "text": {"en": "Recommend?"}, "required": true, "kind": {"type": "nps"}}]}"#)?;
/// let response = Response::new(ResponseId::try_new("r1")?)
///     .with_answer(QuestionId::try_new("nps")?, Answer::Scale(11));
/// let errors = survey.validate(&response).unwrap_err();
/// assert_eq!(errors[0].code(), "response.value_out_of_range");
/// assert_eq!(errors[0].to_string(), "answer 11 to question nps is outside 0 to 10");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ResponseError {
    /// An answer to a question the survey does not have.
    #[error("the survey has no question {question}")]
    UnknownQuestion {
        /// The question id.
        question: String,
    },
    /// A choice the question does not offer.
    #[error("question {question} has no option {option}")]
    UnknownOption {
        /// The question.
        question: String,
        /// The option given.
        option: String,
    },
    /// The same option chosen twice in a multiple-choice answer.
    #[error("option {option} of question {question} is chosen twice")]
    RepeatedOption {
        /// The question.
        question: String,
        /// The option.
        option: String,
    },
    /// A scale or NPS value outside its range.
    #[error("answer {value} to question {question} is outside {min} to {max}")]
    ValueOutOfRange {
        /// The question.
        question: String,
        /// The value given.
        value: u8,
        /// The lowest allowed value.
        min: u8,
        /// The highest allowed value.
        max: u8,
    },
    /// An answer of the wrong kind (text for a rating question).
    #[error("question {question} wants {expected}")]
    AnswerKind {
        /// The question.
        question: String,
        /// What the question wants.
        expected: &'static str,
    },
    /// No answer to a required question.
    #[error("required question {question} has no answer")]
    MissingRequired {
        /// The question.
        question: String,
    },
}

impl ResponseError {
    /// Returns the stable code, such as `response.missing_required`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::ResponseError;
    ///
    /// assert_eq!(ResponseError::MissingRequired { question: "nps".to_owned() }.code(), "response.missing_required");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ResponseError::UnknownQuestion { .. } => "response.unknown_question",
            ResponseError::UnknownOption { .. } => "response.unknown_option",
            ResponseError::RepeatedOption { .. } => "response.repeated_option",
            ResponseError::ValueOutOfRange { .. } => "response.value_out_of_range",
            ResponseError::AnswerKind { .. } => "response.answer_kind",
            ResponseError::MissingRequired { .. } => "response.missing_required",
        }
    }
}

/// A responses CSV file that cannot be read.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{read_responses_csv, Survey};
///
/// let survey: Survey = serde_json::from_str(r#"{"id": "s", "title": {"en": "S"},
///     "questions": [{"id": "nps", "text": {"en": "Recommend?"}, "kind": {"type": "nps"}}]}"#)?;
/// let error = read_responses_csv(&survey, "id,answer\n".as_bytes()).unwrap_err();
/// assert_eq!(error.code(), "responses_csv.header");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ResponsesCsvError {
    /// The header is not `response_id,client_id,segment,question_id,answer`.
    #[error("header must be response_id,client_id,segment,question_id,answer")]
    Header,
    /// A row without five fields.
    #[error("line {line}: row has {found} fields, expected 5")]
    Columns {
        /// The 1-based line.
        line: u64,
        /// Fields found.
        found: u64,
    },
    /// A field that is not valid.
    #[error("line {line}: column {column}: {message}")]
    Field {
        /// The 1-based line.
        line: u64,
        /// The column name.
        column: &'static str,
        /// What is wrong, lower case.
        message: String,
        /// What is wrong, in Latvian.
        latvian_message: String,
        /// The stable code of the leaf error.
        leaf_code: &'static str,
    },
    /// Two rows of one response answer the same question.
    #[error("line {line}: response {response} already answers question {question}")]
    DuplicateAnswer {
        /// The 1-based line.
        line: u64,
        /// The response id.
        response: String,
        /// The question id.
        question: String,
    },
    /// Rows of one response disagree on its client or segment.
    #[error("line {line}: response {response} has another client or segment on an earlier row")]
    Inconsistent {
        /// The 1-based line.
        line: u64,
        /// The response id.
        response: String,
    },
    /// The file is not UTF-8.
    #[error("line {line}: not valid UTF-8")]
    Encoding {
        /// The 1-based line.
        line: u64,
    },
    /// The reader failed.
    #[error("reading the responses failed: {kind}")]
    Io {
        /// The I/O error kind.
        kind: std::io::ErrorKind,
    },
}

impl ResponsesCsvError {
    /// Returns the stable code, such as `responses_csv.columns`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::ResponsesCsvError;
    ///
    /// assert_eq!(ResponsesCsvError::Header.code(), "responses_csv.header");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ResponsesCsvError::Header => "responses_csv.header",
            ResponsesCsvError::Columns { .. } => "responses_csv.columns",
            ResponsesCsvError::Field { .. } => "responses_csv.field",
            ResponsesCsvError::DuplicateAnswer { .. } => "responses_csv.duplicate_answer",
            ResponsesCsvError::Inconsistent { .. } => "responses_csv.inconsistent",
            ResponsesCsvError::Encoding { .. } => "responses_csv.encoding",
            ResponsesCsvError::Io { .. } => "responses_csv.io",
        }
    }
}
