//! The working-day calendar: properties over 1991–2100 and snapshots of holiday lists.

use std::sync::LazyLock;

use apkalpe_core::{Calendar, CalendarError, HolidayKind, Period, TransferPolicy};
use apkalpe_testkit::strategy::{business_date, date, period};
use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;

fn d(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

/// Both calendars, built once: the statutory one and a state-budget institution's.
static CALENDARS: LazyLock<[Calendar; 2]> = LazyLock::new(|| {
    [
        Calendar::latvia(),
        Calendar::latvia().with_transfer_policy(TransferPolicy::Apply),
    ]
});

fn calendars() -> &'static [Calendar; 2] {
    &CALENDARS
}

/// Whether `error` is the calendar running past 2100, the only error expected near the end.
fn is_past_2100(error: &CalendarError) -> bool {
    matches!(error, CalendarError::YearOutOfRange { year, .. } if *year > 2100)
}

/// Asserts a text snapshot under its explicit `calendar__<case>` name (no module prefix).
macro_rules! snapshot {
    ($name:expr, $value:expr) => {
        insta::with_settings!({ prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!($name, $value);
        })
    };
}

/// One line per holiday: date, Latvian name, English name, kind.
fn holiday_lines(calendar: &Calendar, year: i32) -> String {
    calendar
        .holidays(year)
        .unwrap()
        .iter()
        .map(|holiday| {
            format!(
                "{}\t{}\t{}\t{}",
                holiday.date(),
                holiday.name().latvian(),
                holiday.name().english(),
                holiday.kind()
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn holidays_2026_snapshot() {
    let calendar = Calendar::latvia();
    let holidays = calendar.holidays(2026).unwrap();
    assert_eq!(holidays[0].date(), d(2026, 1, 1));
    assert_eq!(holidays[0].name().latvian(), "Jaungada diena");
    snapshot!("calendar__holidays_2026", holiday_lines(&calendar, 2026));
}

#[test]
fn holidays_2026_state_budget_institution_snapshot() {
    let calendar = Calendar::latvia().with_transfer_policy(TransferPolicy::Apply);
    assert!(!calendar.is_working_day(d(2026, 1, 2)).unwrap());
    snapshot!(
        "calendar__holidays_2026_transfers",
        holiday_lines(&calendar, 2026)
    );
}

#[test]
fn holidays_2028_snapshot() {
    let calendar = Calendar::latvia();
    // 18 Nov 2028 is a Saturday: Mon 20 Nov is the replacement day (`docs/sources.md` §13.1 b).
    let moved = calendar
        .holidays(2028)
        .unwrap()
        .into_iter()
        .find(|holiday| matches!(holiday.kind(), HolidayKind::Moved { .. }))
        .unwrap();
    assert_eq!(moved.date(), d(2028, 11, 20));
    snapshot!("calendar__holidays_2028", holiday_lines(&calendar, 2028));
}

#[test]
fn deadline_lines_snapshot() {
    let calendar = Calendar::latvia();
    let cases = [
        (d(2026, 11, 27), "15d"),
        (d(2026, 11, 27), "15wd"),
        (d(2026, 12, 10), "14d"),
        (d(2026, 1, 31), "1m"),
        (d(2028, 11, 6), "14d"),
        (d(2026, 3, 2), "10wd"),
    ];
    let mut text = String::new();
    for (start, period) in cases {
        let deadline = calendar.deadline(start, period.parse().unwrap()).unwrap();
        text.push_str(&format!("{start} + {period}\t{}\n", deadline.date()));
        for step in deadline.steps() {
            text.push_str(&format!("  {step}\n"));
        }
    }
    assert_eq!(
        calendar
            .deadline(d(2026, 11, 27), Period::Days(15))
            .unwrap()
            .date(),
        d(2026, 12, 14)
    );
    snapshot!("calendar__deadline_lines", text);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn next_working_day_is_the_first_working_day_after(day in date()) {
        for calendar in calendars() {
            match calendar.next_working_day(day) {
                Ok(next) => {
                    prop_assert!(next > day);
                    prop_assert!(calendar.is_working_day(next).unwrap());
                    for between in day.iter_days().skip(1).take_while(|between| *between < next) {
                        prop_assert!(!calendar.is_working_day(between).unwrap(), "{between}");
                    }
                    prop_assert_eq!(calendar.working_days_between(day, next).unwrap(), 1);
                }
                Err(error) => prop_assert!(is_past_2100(&error) && day.year() == 2100, "{error}"),
            }
        }
    }

    #[test]
    fn add_working_days_lands_on_the_nth_working_day(day in date(), n in 0_u32..=80) {
        for calendar in calendars() {
            match calendar.add_working_days(day, n) {
                Ok(end) => {
                    if n == 0 {
                        prop_assert_eq!(end, day);
                    } else {
                        prop_assert!(end > day);
                        prop_assert!(calendar.is_working_day(end).unwrap());
                    }
                    prop_assert_eq!(calendar.working_days_between(day, end).unwrap(), n);
                }
                Err(error) => prop_assert!(is_past_2100(&error) && day.year() == 2100, "{error}"),
            }
        }
    }

    #[test]
    fn add_working_days_composes(day in business_date(), a in 0_u32..=30, b in 0_u32..=30) {
        let calendar = &calendars()[0];
        let once = calendar.add_working_days(day, a + b).unwrap();
        let twice = calendar.add_working_days(calendar.add_working_days(day, a).unwrap(), b).unwrap();
        prop_assert_eq!(once, twice);
    }

    #[test]
    fn deadline_is_a_working_day_not_before_start(day in date(), period in period()) {
        for calendar in calendars() {
            match calendar.deadline(day, period) {
                Ok(deadline) => {
                    prop_assert!(deadline.date() >= day);
                    prop_assert_eq!(deadline.start(), day);
                    prop_assert!(calendar.is_working_day(deadline.date()).unwrap());
                    prop_assert!(!deadline.steps().is_empty() && deadline.steps().len() <= 2);
                    for step in deadline.steps() {
                        prop_assert!(!step.to_string().is_empty());
                    }
                    if let Period::WorkingDays(n) = period
                        && n > 0
                    {
                        prop_assert_eq!(deadline.steps().len(), 1);
                    }
                }
                Err(error) => prop_assert!(
                    is_past_2100(&error) && day.year() >= 2096,
                    "{day} {period}: {error}"
                ),
            }
        }
    }

    #[test]
    fn holidays_are_days_off_unless_sundays(year in Calendar::FIRST_YEAR..=Calendar::LAST_YEAR) {
        for calendar in calendars() {
            for holiday in calendar.holidays(year).unwrap() {
                prop_assert_eq!(holiday.date().year(), year);
                prop_assert!(!calendar.is_working_day(holiday.date()).unwrap(), "{}", holiday.date());
            }
        }
    }

    #[cfg(feature = "serde")]
    #[test]
    fn period_display_parse_round_trip(period in period()) {
        let text = period.to_string();
        prop_assert_eq!(text.parse::<Period>(), Ok(period));
        let json = serde_json::to_string(&period).unwrap();
        prop_assert_eq!(serde_json::from_str::<Period>(&json).unwrap(), period);
    }

    #[test]
    fn period_parse_never_panics(text in any::<String>()) {
        if let Ok(period) = text.parse::<Period>() {
            prop_assert_eq!(period.to_string().parse::<Period>(), Ok(period));
        }
    }

    #[test]
    fn period_parse_never_panics_on_near_valid_text(text in "[+-]?[0-9]{0,12}[dwmDWM ]{0,3}") {
        match text.parse::<Period>() {
            Ok(period) => prop_assert_eq!(period.to_string().parse::<Period>(), Ok(period)),
            Err(error) => prop_assert!(error.code().starts_with("period.")),
        }
    }
}
