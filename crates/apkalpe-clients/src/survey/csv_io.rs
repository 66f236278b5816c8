//! Responses as CSV: one row per answer.

use std::collections::HashMap;
use std::io::Read;

use apkalpe_core::{Language, LocalizedError};
use uuid::Uuid;

use super::{Answer, QuestionKind, Response, Survey};
use crate::client::ClientId;
use crate::error::ResponsesCsvError;
use crate::text::{OptionId, QuestionId, ResponseId, Segment};

/// The header of a responses CSV file.
pub const RESPONSES_CSV_HEADER: &str = "response_id,client_id,segment,question_id,answer";

/// Reads responses from CSV (T5.8).
///
/// The format: comma-separated, RFC 4180 quoting, UTF-8, the header
/// `response_id,client_id,segment,question_id,answer`, then one row per answer. Rows of one
/// response share its `response_id` (they need not be next to each other) and must agree on
/// `client_id` (a UUID or blank) and `segment` (a token or blank). `answer` is read by the
/// question's kind: an option id (single choice); option ids joined by `|` (multiple
/// choice); a whole number (rating, NPS); any text (free text). A blank answer (kept as an empty list or text for multiple-choice and free-text
/// questions), or a row with a blank `question_id`, records the response without that answer. Options and
/// ranges are not checked here: [`Survey::validate`] and [`Survey::aggregate`] do that.
///
/// # Errors
///
/// [`ResponsesCsvError`] with the line: a wrong header, a row without five fields, an
/// invalid id, segment, question or number, a second answer to one question, rows of one
/// response that disagree, text that is not UTF-8, a failing reader.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{read_responses_csv, Answer, Survey};
///
/// let survey: Survey = serde_json::from_str(r#"{"id": "s", "title": {"en": "S"},
///     "questions": [{"id": "nps", "text": {"en": "Recommend?"}, "kind": {"type": "nps"}}]}"#)?;
/// let csv = "response_id,client_id,segment,question_id,answer\nr1,,retail,nps,9\n";
/// let responses = read_responses_csv(&survey, csv.as_bytes())?;
/// assert_eq!(responses[0].answers()[0].1, Answer::Scale(9));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn read_responses_csv<R: Read>(
    survey: &Survey,
    reader: R,
) -> Result<Vec<Response>, ResponsesCsvError> {
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(reader);
    let mut record = csv::StringRecord::new();
    let mut responses: Vec<Response> = Vec::new();
    let mut positions: HashMap<ResponseId, usize> = HashMap::new();
    let mut first = true;
    loop {
        let more = csv.read_record(&mut record).map_err(|error| {
            let line = error.position().map_or(0, csv::Position::line);
            match error.kind() {
                csv::ErrorKind::Io(io) => ResponsesCsvError::Io { kind: io.kind() },
                _ => ResponsesCsvError::Encoding { line },
            }
        })?;
        if !more {
            break;
        }
        let line = record.position().map_or(0, csv::Position::line);
        if first {
            first = false;
            let header: Vec<&str> = record
                .iter()
                .enumerate()
                .map(|(index, field)| {
                    let field = field.trim();
                    if index == 0 {
                        field.trim_start_matches('\u{feff}')
                    } else {
                        field
                    }
                })
                .collect();
            if header.join(",") != RESPONSES_CSV_HEADER {
                return Err(ResponsesCsvError::Header);
            }
            continue;
        }
        let fields: Vec<&str> = record.iter().collect();
        let [response_id, client_id, segment, question_id, answer] = fields.as_slice() else {
            return Err(ResponsesCsvError::Columns {
                line,
                found: fields.len() as u64,
            });
        };
        let field_error = |column: &'static str,
                           (message, latvian_message): (String, String),
                           leaf_code: &'static str| {
            ResponsesCsvError::Field {
                line,
                column,
                message,
                latvian_message,
                leaf_code,
            }
        };
        let both = |error: &dyn LocalizedError| {
            (
                error.message_in(Language::English),
                error.message_in(Language::Latvian),
            )
        };
        let id = ResponseId::try_new(response_id)
            .map_err(|error| field_error("response_id", both(&error), error.code()))?;
        let client = match client_id.trim() {
            "" => None,
            text => Some(ClientId::new(Uuid::parse_str(text).map_err(|_| {
                field_error(
                    "client_id",
                    (
                        "client id must be a uuid".to_owned(),
                        "klienta id jābūt UUID formā".to_owned(),
                    ),
                    "client_id.format",
                )
            })?)),
        };
        let segment = match segment.trim() {
            "" => None,
            text => Some(
                Segment::try_new(text)
                    .map_err(|error| field_error("segment", both(&error), error.code()))?,
            ),
        };
        let position = match positions.get(&id) {
            Some(position) => *position,
            None => {
                let mut response = Response::new(id.clone());
                response.client = client;
                response.segment = segment.clone();
                responses.push(response);
                let position = responses.len().saturating_sub(1);
                positions.insert(id.clone(), position);
                position
            }
        };
        let Some(response) = responses.get_mut(position) else {
            continue;
        };
        if response.client != client || response.segment != segment {
            return Err(ResponsesCsvError::Inconsistent {
                line,
                response: id.to_string(),
            });
        }
        if question_id.trim().is_empty() {
            continue;
        }
        let question = survey.question(question_id.trim()).ok_or_else(|| {
            field_error(
                "question_id",
                (
                    format!("the survey has no question {}", question_id.trim()),
                    format!("aptaujā nav jautājuma {}", question_id.trim()),
                ),
                "response.unknown_question",
            )
        })?;
        if response.answer(&question.id).is_some() {
            return Err(ResponsesCsvError::DuplicateAnswer {
                line,
                response: id.to_string(),
                question: question.id.to_string(),
            });
        }
        let text = answer.trim();
        if text.is_empty() {
            // A blank answer says nothing; multiple-choice and free-text answers can still be
            // written blank, so keep them to read back what was written.
            match &question.kind {
                QuestionKind::MultipleChoice { .. } => {
                    response.set_answer(question.id.clone(), Answer::Choices(Vec::new()));
                }
                QuestionKind::FreeText => {
                    response.set_answer(question.id.clone(), Answer::Text(answer.to_string()));
                }
                _ => {}
            }
            continue;
        }
        let option = |text: &str| {
            OptionId::try_new(text)
                .map_err(|error| field_error("answer", both(&error), error.code()))
        };
        let parsed = match &question.kind {
            QuestionKind::SingleChoice { .. } => Answer::Choice(option(text)?),
            QuestionKind::MultipleChoice { .. } => Answer::Choices(
                text.split('|')
                    .map(str::trim)
                    .filter(|part| !part.is_empty())
                    .map(option)
                    .collect::<Result<_, _>>()?,
            ),
            QuestionKind::Rating { .. } | QuestionKind::Nps => {
                Answer::Scale(text.parse::<u8>().map_err(|_| {
                    field_error(
                        "answer",
                        (
                            format!(
                                "answer to question {} must be a whole number 0–255",
                                question.id
                            ),
                            format!(
                                "atbildei uz jautājumu {} jābūt veselam skaitlim no 0 līdz 255",
                                question.id
                            ),
                        ),
                        "answer.not_a_number",
                    )
                })?)
            }
            QuestionKind::FreeText => Answer::Text(answer.to_string()),
        };
        let question_id: QuestionId = question.id.clone();
        response.set_answer(question_id, parsed);
    }
    if first {
        return Err(ResponsesCsvError::Header);
    }
    Ok(responses)
}

/// Quotes a CSV field when it needs it (RFC 4180).
fn quote(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) || field.starts_with(' ') || field.ends_with(' ') {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

/// Writes responses as CSV in the format [`read_responses_csv`] reads: the header, then one
/// row per answer in the order given; a response without answers gets one row with a blank
/// question. Lines end with `\n`.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{responses_to_csv, Answer, OptionId, QuestionId, Response, ResponseId};
///
/// let response = Response::new(ResponseId::try_new("r1")?)
///     .with_answer(QuestionId::try_new("heard")?, Answer::Choices(vec![OptionId::try_new("web")?, OptionId::try_new("friend")?]))
///     .with_answer(QuestionId::try_new("comment")?, Answer::Text("Fast, friendly".to_owned()));
/// assert_eq!(responses_to_csv(&[response]),
///     "response_id,client_id,segment,question_id,answer\nr1,,,heard,web|friend\nr1,,,comment,\"Fast, friendly\"\n");
/// # Ok::<(), apkalpe_clients::ParseTokenError>(())
/// ```
pub fn responses_to_csv(responses: &[Response]) -> String {
    let mut out = String::with_capacity(responses.len().saturating_mul(48));
    out.push_str(RESPONSES_CSV_HEADER);
    out.push('\n');
    for response in responses {
        let client = response
            .client
            .map(|client| client.to_string())
            .unwrap_or_default();
        let segment = response
            .segment
            .as_ref()
            .map(|segment| segment.as_str())
            .unwrap_or_default();
        let mut row = |question: &str, answer: &str| {
            out.push_str(&quote(response.id.as_str()));
            out.push(',');
            out.push_str(&client);
            out.push(',');
            out.push_str(segment);
            out.push(',');
            out.push_str(question);
            out.push(',');
            out.push_str(&quote(answer));
            out.push('\n');
        };
        if response.answers.is_empty() {
            row("", "");
        }
        for (question, answer) in &response.answers {
            let text = match answer {
                Answer::Choice(option) => option.to_string(),
                Answer::Choices(options) => options
                    .iter()
                    .map(OptionId::as_str)
                    .collect::<Vec<_>>()
                    .join("|"),
                Answer::Scale(value) => value.to_string(),
                Answer::Text(text) => text.clone(),
            };
            row(question.as_str(), &text);
        }
    }
    out
}
