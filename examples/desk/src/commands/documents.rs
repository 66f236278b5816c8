//! `desk fileplan check` and `desk complaint deadline` (T3.4, T3.7, T3.9, T2.8).

use std::path::Path;

use apkalpe_core::Calendar;
use apkalpe_documents::{AnswerRules, DeadlineRegime, DocumentsError, FilePlan};
use chrono::NaiveDate;

use super::CommandError;
use super::files::read_text;
use crate::Report;

pub(super) fn fileplan_check(
    path: &Path,
    year: i32,
    report: &mut Report<'_>,
) -> Result<(), CommandError> {
    let Some(text) = read_text(path, report) else {
        return Ok(());
    };
    match FilePlan::from_csv(year, &text) {
        Ok(plan) => {
            for line in plan.render_summary().lines() {
                report.text(line);
            }
        }
        Err(error) if !error.problems().is_empty() => {
            // One line per problem, each with its own code, line and column.
            for problem in error.problems() {
                report.error(problem);
            }
        }
        Err(error) => report.error(&error),
    }
    Ok(())
}

pub(super) fn complaint_deadline(
    kind: &str,
    received: NaiveDate,
    report: &mut Report<'_>,
) -> Result<(), CommandError> {
    let deadline = kind
        .parse::<DeadlineRegime>()
        .and_then(|regime| AnswerRules::latvia().deadline(regime, received, &Calendar::latvia()));
    match deadline {
        Ok(deadline) => {
            if report.is_json() {
                let lines = deadline.lines();
                let mut object = serde_json::Map::new();
                object.insert("deadline".into(), deadline.date().to_string().into());
                object.insert("received".into(), received.to_string().into());
                object.insert(
                    "rules".into(),
                    lines
                        .iter()
                        .skip(1)
                        .cloned()
                        .map(serde_json::Value::String)
                        .collect(),
                );
                report.record("", object);
            } else {
                for line in deadline.lines() {
                    report.text(&line);
                }
            }
        }
        Err(error) => {
            let error: DocumentsError = error.into();
            report.error(&error);
        }
    }
    Ok(())
}
