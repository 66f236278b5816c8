//! `desk deadline <start-date> <period>`: the deadline alone on the first line, then the rules
//! applied.

use apkalpe_core::{Calendar, Period};
use serde_json::{Map, Value};

use super::{CommandError, parse_date};
use crate::Report;

pub(super) fn run(start: &str, period: &str, report: &mut Report<'_>) -> Result<(), CommandError> {
    let Some(start) = parse_date(start, report) else {
        return Ok(());
    };
    let period: Period = match period.parse() {
        Ok(period) => period,
        Err(error) => {
            report.error(&error);
            return Ok(());
        }
    };
    match Calendar::latvia().deadline(start, period) {
        Ok(deadline) => {
            let steps: Vec<String> = deadline.steps().iter().map(ToString::to_string).collect();
            let mut object = Map::new();
            object.insert(
                "deadline".into(),
                Value::String(deadline.date().to_string()),
            );
            object.insert("start".into(), Value::String(start.to_string()));
            object.insert("period".into(), Value::String(period.to_string()));
            object.insert(
                "rules".into(),
                Value::Array(steps.iter().cloned().map(Value::String).collect()),
            );
            if report.is_json() {
                report.record("", object);
            } else {
                report.text(&deadline.date().to_string());
                for step in &steps {
                    report.text(step);
                }
            }
        }
        Err(error) => report.error(&error),
    }
    Ok(())
}
