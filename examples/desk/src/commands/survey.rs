//! `desk survey stats <survey.json> <responses.csv>`: a survey's results as a table (T5.8).

use std::path::Path;

use apkalpe_clients::{AggregateOptions, ClientsError, Survey, read_responses_csv};
use apkalpe_core::Language;

use super::CommandError;
use super::files::read_text;
use crate::Report;

fn fail(error: impl Into<ClientsError>, report: &mut Report<'_>) {
    let error = error.into();
    report.error(&error);
}

pub(super) fn stats(
    survey_path: &Path,
    responses_path: &Path,
    language: Language,
    report: &mut Report<'_>,
) -> Result<(), CommandError> {
    let Some(survey_text) = read_text(survey_path, report) else {
        return Ok(());
    };
    let survey: Survey = match serde_json::from_str(&survey_text) {
        Ok(survey) => survey,
        Err(error) => {
            report.invalid_in(
                "survey.json",
                &format!(
                    "{} is not a survey (line {}, column {}): {error}",
                    survey_path.display(),
                    error.line(),
                    error.column()
                ),
                &format!(
                    "{} nav aptauja ({}. rinda, {}. kolonna): {error}",
                    survey_path.display(),
                    error.line(),
                    error.column()
                ),
            );
            return Ok(());
        }
    };
    let Some(responses_text) = read_text(responses_path, report) else {
        return Ok(());
    };
    let responses = match read_responses_csv(&survey, responses_text.as_bytes()) {
        Ok(responses) => responses,
        Err(error) => {
            fail(error, report);
            return Ok(());
        }
    };
    match survey.aggregate(
        &responses,
        &AggregateOptions::default().with_language(language),
    ) {
        Ok(stats) => {
            if report.is_json() {
                match serde_json::to_value(&stats) {
                    Ok(serde_json::Value::Object(object)) => report.record("", object),
                    _ => report.invalid_in(
                        "internal.json",
                        "the statistics could not be written as JSON",
                        "statistiku nevarēja uzrakstīt JSON formā",
                    ),
                }
            } else {
                for line in stats.to_string().lines() {
                    report.text(line);
                }
            }
        }
        Err(error) => fail(error, report),
    }
    Ok(())
}
