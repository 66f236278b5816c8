//! `desk holidays <year>`: the public holidays and days off of a year, one line each.

use apkalpe_core::Calendar;
use serde_json::{Map, Value};

use super::CommandError;
use crate::Report;

pub(super) fn run(year: &str, report: &mut Report<'_>) -> Result<(), CommandError> {
    let Ok(year) = year.trim().parse::<i32>() else {
        report.invalid_in(
            "year.format",
            &format!("{year:?} is not a year: expected four digits such as 2026"),
            &format!("{year:?} nav gads: jābūt četriem cipariem, piemēram, 2026"),
        );
        return Ok(());
    };
    match Calendar::latvia().holidays(year) {
        Ok(holidays) => {
            for holiday in holidays {
                let text = format!("{}\t{}", holiday.date(), holiday.name().latvian());
                let mut object = Map::new();
                object.insert("date".into(), Value::String(holiday.date().to_string()));
                object.insert(
                    "name_lv".into(),
                    Value::String(holiday.name().latvian().into()),
                );
                object.insert(
                    "name_en".into(),
                    Value::String(holiday.name().english().into()),
                );
                object.insert("kind".into(), Value::String(holiday.kind().to_string()));
                report.record(&text, object);
            }
        }
        Err(error) => report.error(&error),
    }
    Ok(())
}
