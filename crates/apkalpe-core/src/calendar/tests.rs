//! Unit tests of the working-day calendar against `docs/sources.md` §13.1 and §6.

use chrono::{Datelike, NaiveDate, Weekday};

use super::holiday::{FESTIVAL_RULE_IN_FORCE, WEEKEND_RULE_IN_FORCE};
use super::*;

fn d(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

fn latvia() -> Calendar {
    Calendar::latvia()
}

fn institution() -> Calendar {
    Calendar::latvia().with_transfer_policy(TransferPolicy::Apply)
}

/// The date of the holiday named `latvian` in `year`.
fn holiday_date(calendar: &Calendar, year: i32, latvian: &str) -> Option<NaiveDate> {
    calendar
        .holidays(year)
        .unwrap()
        .iter()
        .find(|holiday| {
            holiday.name().latvian() == latvian
                && holiday.kind()
                    != HolidayKind::Moved {
                        from: holiday.date(),
                    }
        })
        .map(Holiday::date)
}

#[test]
fn rule_dates_are_the_facts() {
    assert_eq!(WEEKEND_RULE_IN_FORCE, d(2007, 6, 26));
    assert_eq!(FESTIVAL_RULE_IN_FORCE, d(2014, 10, 22));
}

#[test]
fn easter_table_2024_to_2028_matches_the_facts() {
    // (year, Good Friday, Easter Sunday, Easter Monday, Pentecost, Mother's Day) from `docs/sources.md` §13.1.
    let table = [
        (2024, (3, 29), (3, 31), (4, 1), (5, 19), (5, 12)),
        (2025, (4, 18), (4, 20), (4, 21), (6, 8), (5, 11)),
        (2026, (4, 3), (4, 5), (4, 6), (5, 24), (5, 10)),
        (2027, (3, 26), (3, 28), (3, 29), (5, 16), (5, 9)),
        (2028, (4, 14), (4, 16), (4, 17), (6, 4), (5, 14)),
    ];
    let calendar = latvia();
    for (year, friday, sunday, monday, pentecost, mothers) in table {
        let on = |(month, day): (u32, u32)| Some(d(year, month, day));
        assert_eq!(easter_sunday(year).unwrap(), d(year, sunday.0, sunday.1));
        assert_eq!(
            holiday_date(&calendar, year, "Lielā Piektdiena"),
            on(friday),
            "{year}"
        );
        assert_eq!(
            holiday_date(&calendar, year, "Pirmās Lieldienas"),
            on(sunday),
            "{year}"
        );
        assert_eq!(
            holiday_date(&calendar, year, "Otrās Lieldienas"),
            on(monday),
            "{year}"
        );
        assert_eq!(
            holiday_date(&calendar, year, "Vasarsvētki"),
            on(pentecost),
            "{year}"
        );
        assert_eq!(
            holiday_date(&calendar, year, "Mātes diena"),
            on(mothers),
            "{year}"
        );
    }
}

#[test]
fn easter_of_known_years() {
    for (year, month, day) in [
        (1991, 3, 31),
        (1995, 4, 16),
        (2000, 4, 23),
        (2008, 3, 23),
        (2011, 4, 24),
        (2019, 4, 21),
        (2038, 4, 25),
        (2100, 3, 28),
    ] {
        assert_eq!(easter_sunday(year).unwrap(), d(year, month, day), "{year}");
    }
}

#[test]
fn easter_is_a_sunday_in_its_window_every_year() {
    for year in Calendar::FIRST_YEAR..=Calendar::LAST_YEAR {
        let easter = easter_sunday(year).unwrap();
        assert_eq!(easter.weekday(), Weekday::Sun, "{year}");
        assert!(
            easter >= d(year, 3, 22) && easter <= d(year, 4, 25),
            "{year}"
        );
    }
}

#[test]
fn years_outside_1991_to_2100_are_errors() {
    let calendar = latvia();
    let expected = |year| CalendarError::YearOutOfRange {
        year,
        first: 1991,
        last: 2100,
    };
    assert_eq!(easter_sunday(1990), Err(expected(1990)));
    assert_eq!(easter_sunday(2101), Err(expected(2101)));
    assert_eq!(calendar.holidays(1990), Err(expected(1990)));
    assert_eq!(calendar.holidays(i32::MAX), Err(expected(i32::MAX)));
    assert_eq!(
        calendar.is_working_day(d(1990, 12, 31)),
        Err(expected(1990))
    );
    assert_eq!(calendar.is_working_day(d(2101, 1, 3)), Err(expected(2101)));
    assert_eq!(
        calendar.next_working_day(d(2100, 12, 30)),
        Err(expected(2101))
    );
    assert_eq!(
        calendar.add_working_days(d(2100, 12, 1), 30),
        Err(expected(2101))
    );
    assert_eq!(
        calendar.add_working_days(d(1990, 1, 1), 0),
        Err(expected(1990))
    );
    assert_eq!(
        calendar
            .deadline(d(2100, 12, 20), Period::Days(30))
            .map(|deadline| deadline.date()),
        Err(expected(2101))
    );
    assert_eq!(
        calendar
            .deadline(d(2100, 12, 20), Period::Days(u32::MAX))
            .map(|deadline| deadline.date()),
        Err(CalendarError::Overflow {
            date: d(2100, 12, 20)
        })
    );
    assert!(calendar.is_working_day(d(1991, 1, 2)).unwrap());
    assert!(!calendar.is_working_day(d(2100, 12, 31)).unwrap());
    assert_eq!(expected(1990).code(), "calendar.year_out_of_range");
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Row {
    /// A replacement day of the weekend rule for the holiday on the given date.
    Moved(NaiveDate),
    OneOff,
    /// A transferred day off; the Saturday worked instead.
    TransferredOff(NaiveDate),
    /// A transferred working Saturday.
    TransferredWorked,
}

/// Every row of the dated table 2018–2028 of `docs/sources.md` §13.1 f) except the likely 2028-07-10.
fn dated_table() -> Vec<(NaiveDate, Row)> {
    use Row::*;
    vec![
        (d(2018, 4, 30), TransferredOff(d(2018, 4, 21))),
        (d(2018, 4, 21), TransferredWorked),
        (d(2018, 7, 9), Moved(d(2018, 7, 8))),
        (d(2018, 9, 24), OneOff),
        (d(2018, 11, 19), Moved(d(2018, 11, 18))),
        (d(2019, 5, 6), Moved(d(2019, 5, 4))),
        (d(2020, 6, 22), TransferredOff(d(2020, 6, 13))),
        (d(2020, 6, 13), TransferredWorked),
        (d(2021, 5, 3), TransferredOff(d(2021, 5, 8))),
        (d(2021, 5, 8), TransferredWorked),
        (d(2021, 6, 25), TransferredOff(d(2021, 6, 19))),
        (d(2021, 6, 19), TransferredWorked),
        (d(2021, 11, 19), TransferredOff(d(2021, 11, 13))),
        (d(2021, 11, 13), TransferredWorked),
        (d(2023, 5, 5), TransferredOff(d(2023, 5, 20))),
        (d(2023, 5, 20), TransferredWorked),
        (d(2023, 5, 29), OneOff),
        (d(2023, 7, 10), Moved(d(2023, 7, 9))),
        (d(2023, 11, 20), Moved(d(2023, 11, 18))),
        (d(2024, 5, 6), Moved(d(2024, 5, 4))),
        (d(2024, 12, 14), TransferredWorked),
        (d(2024, 12, 23), TransferredOff(d(2024, 12, 14))),
        (d(2024, 12, 28), TransferredWorked),
        (d(2024, 12, 30), TransferredOff(d(2024, 12, 28))),
        (d(2025, 5, 2), TransferredOff(d(2025, 5, 10))),
        (d(2025, 5, 5), Moved(d(2025, 5, 4))),
        (d(2025, 5, 10), TransferredWorked),
        (d(2025, 11, 8), TransferredWorked),
        (d(2025, 11, 17), TransferredOff(d(2025, 11, 8))),
        (d(2026, 1, 2), TransferredOff(d(2026, 1, 17))),
        (d(2026, 1, 17), TransferredWorked),
        (d(2026, 6, 22), TransferredOff(d(2026, 6, 27))),
        (d(2026, 6, 27), TransferredWorked),
        (d(2028, 11, 20), Moved(d(2028, 11, 18))),
    ]
}

#[test]
fn every_row_of_the_dated_table_2018_to_2028() {
    let statutory = latvia();
    let institution = institution();
    for (date, row) in dated_table() {
        let kinds: Vec<HolidayKind> = institution
            .holidays(date.year())
            .unwrap()
            .iter()
            .filter(|holiday| holiday.date() == date)
            .map(Holiday::kind)
            .collect();
        match row {
            Row::Moved(from) => {
                assert!(!statutory.is_working_day(date).unwrap(), "{date}");
                assert!(!institution.is_working_day(date).unwrap(), "{date}");
                assert_eq!(kinds, [HolidayKind::Moved { from }], "{date}");
            }
            Row::OneOff => {
                assert!(!statutory.is_working_day(date).unwrap(), "{date}");
                assert!(!institution.is_working_day(date).unwrap(), "{date}");
                assert_eq!(kinds, [HolidayKind::OneOff], "{date}");
            }
            Row::TransferredOff(worked_on) => {
                assert!(statutory.is_working_day(date).unwrap(), "{date}");
                assert!(!institution.is_working_day(date).unwrap(), "{date}");
                assert_eq!(kinds, [HolidayKind::Transferred { worked_on }], "{date}");
                assert!(
                    statutory
                        .holidays(date.year())
                        .unwrap()
                        .iter()
                        .all(|holiday| holiday.date() != date),
                    "{date}"
                );
            }
            Row::TransferredWorked => {
                assert_eq!(date.weekday(), Weekday::Sat, "{date}");
                assert!(!statutory.is_working_day(date).unwrap(), "{date}");
                assert!(institution.is_working_day(date).unwrap(), "{date}");
                assert!(kinds.is_empty(), "{date}");
            }
        }
    }
}

#[test]
fn the_likely_2028_festival_is_not_built_in_but_can_be_added() {
    let monday = d(2028, 7, 10);
    assert!(latvia().is_working_day(monday).unwrap());
    let calendar = latvia().with_festival_closing_day(d(2028, 7, 9)).unwrap();
    assert!(!calendar.is_working_day(monday).unwrap());
    let kinds: Vec<(NaiveDate, HolidayKind)> = calendar
        .holidays(2028)
        .unwrap()
        .iter()
        .filter(|holiday| holiday.date().month() == 7)
        .map(|holiday| (holiday.date(), holiday.kind()))
        .collect();
    assert_eq!(
        kinds,
        [
            (d(2028, 7, 9), HolidayKind::FestivalClosing),
            (
                monday,
                HolidayKind::Moved {
                    from: d(2028, 7, 9)
                }
            ),
        ]
    );
    assert_eq!(
        calendar.festival_closing_days(),
        [d(2018, 7, 8), d(2023, 7, 9), d(2028, 7, 9)]
    );
}

#[test]
fn weekend_rule_replacement_days_are_exactly_the_facts_list() {
    // `docs/sources.md` §13.1 b), with the festival days of c); nothing before 26 Jun 2007.
    let expected = [
        d(2007, 11, 19),
        d(2008, 5, 5),
        d(2012, 11, 19),
        d(2013, 5, 6),
        d(2014, 5, 5),
        d(2017, 11, 20),
        d(2018, 7, 9),
        d(2018, 11, 19),
        d(2019, 5, 6),
        d(2023, 7, 10),
        d(2023, 11, 20),
        d(2024, 5, 6),
        d(2025, 5, 5),
        d(2028, 11, 20),
        d(2029, 11, 19),
        d(2030, 5, 6),
    ];
    let calendar = latvia();
    let moved: Vec<NaiveDate> = (1991..=2030)
        .flat_map(|year| calendar.holidays(year).unwrap())
        .filter(|holiday| matches!(holiday.kind(), HolidayKind::Moved { .. }))
        .map(|holiday| holiday.date())
        .collect();
    assert_eq!(moved, expected);
    for date in expected {
        assert_eq!(date.weekday(), Weekday::Mon, "{date}");
        assert!(!calendar.is_working_day(date).unwrap(), "{date}");
    }
}

#[test]
fn no_weekend_rule_before_26_june_2007() {
    let calendar = latvia();
    // 4 May 2002 was a Saturday, 18 Nov 2006 a Saturday: the Mondays after were working days.
    assert_eq!(d(2002, 5, 4).weekday(), Weekday::Sat);
    assert!(calendar.is_working_day(d(2002, 5, 6)).unwrap());
    assert_eq!(d(2006, 11, 18).weekday(), Weekday::Sat);
    assert!(calendar.is_working_day(d(2006, 11, 20)).unwrap());
    // The rule covers no other holiday: 1 Jan 2022 was a Saturday, 3 Jan a working day.
    assert!(calendar.is_working_day(d(2022, 1, 3)).unwrap());
}

#[test]
fn holidays_apply_only_from_the_year_they_entered_the_law() {
    let calendar = latvia();
    // 4 May from 2002: Fri 4 May 2001 was a working day.
    assert_eq!(d(2001, 5, 4).weekday(), Weekday::Fri);
    assert!(calendar.is_working_day(d(2001, 5, 4)).unwrap());
    assert!(!calendar.is_working_day(d(2004, 5, 4)).unwrap());
    // Easter Monday from 1997.
    assert_eq!(d(1996, 4, 8).weekday(), Weekday::Mon);
    assert!(calendar.is_working_day(d(1996, 4, 8)).unwrap());
    assert!(!calendar.is_working_day(d(1997, 3, 31)).unwrap());
    // Pentecost from 1996.
    assert_eq!(holiday_date(&calendar, 1995, "Vasarsvētki"), None);
    assert_eq!(
        holiday_date(&calendar, 1996, "Vasarsvētki"),
        Some(d(1996, 5, 26))
    );
    // Christmas Eve from 2007.
    assert!(calendar.is_working_day(d(2003, 12, 24)).unwrap());
    assert!(!calendar.is_working_day(d(2007, 12, 24)).unwrap());
    // The 4 May holiday's name before and after the 2011 rename.
    assert_eq!(
        holiday_date(
            &calendar,
            2005,
            "Latvijas Republikas Neatkarības deklarācijas pasludināšanas diena"
        ),
        Some(d(2005, 5, 4))
    );
    assert_eq!(
        holiday_date(
            &calendar,
            2011,
            "Latvijas Republikas Neatkarības atjaunošanas diena"
        ),
        Some(d(2011, 5, 4))
    );
    // Since 1991: Good Friday, 1 May, Midsummer, 18 Nov, Christmas and New Year's Eve.
    for date in [
        d(1991, 3, 29),
        d(1991, 5, 1),
        d(1991, 6, 24),
        d(1991, 11, 18),
        d(1991, 12, 26),
    ] {
        assert!(!calendar.is_working_day(date).unwrap(), "{date}");
    }
}

#[test]
fn new_years_eve_is_a_holiday() {
    let calendar = latvia();
    for year in [1991, 2001, 2026, 2100] {
        let date = d(year, 12, 31);
        assert!(!calendar.is_working_day(date).unwrap(), "{date}");
        assert_eq!(holiday_date(&calendar, year, "Vecgada diena"), Some(date));
    }
}

#[test]
fn holidays_2026_are_the_law_list_in_date_order() {
    let holidays = latvia().holidays(2026).unwrap();
    let names: Vec<&str> = holidays
        .iter()
        .map(|holiday| holiday.name().latvian())
        .collect();
    assert_eq!(
        names,
        [
            "Jaungada diena",
            "Lielā Piektdiena",
            "Pirmās Lieldienas",
            "Otrās Lieldienas",
            "Darba svētki, Latvijas Republikas Satversmes sapulces sasaukšanas diena",
            "Latvijas Republikas Neatkarības atjaunošanas diena",
            "Mātes diena",
            "Vasarsvētki",
            "Līgo diena",
            "Jāņu diena",
            "Latvijas Republikas Proklamēšanas diena",
            "Ziemassvētku vakars",
            "Pirmie Ziemassvētki",
            "Otrie Ziemassvētki",
            "Vecgada diena",
        ]
    );
    assert!(
        holidays
            .windows(2)
            .all(|pair| pair[0].date() <= pair[1].date())
    );
    // No replacement days in 2026 or 2027 (`docs/sources.md` §13.1 b).
    for year in [2026, 2027] {
        assert!(
            latvia()
                .holidays(year)
                .unwrap()
                .iter()
                .all(|holiday| !matches!(holiday.kind(), HolidayKind::Moved { .. }))
        );
    }
}

#[test]
fn mothers_day_and_pentecost_may_share_a_date() {
    // 2008: Easter 23 Mar, Pentecost 11 May = the second Sunday of May.
    let calendar = latvia();
    let holidays = calendar.holidays(2008).unwrap();
    let on_11_may: Vec<&str> = holidays
        .iter()
        .filter(|holiday| holiday.date() == d(2008, 5, 11))
        .map(|holiday| holiday.name().latvian())
        .collect();
    assert_eq!(on_11_may, ["Mātes diena", "Vasarsvētki"]);
}

/// The precomputed masks agree with the holiday lists on every day of 1991–2100.
#[test]
fn masks_agree_with_holiday_lists_every_day() {
    for calendar in [latvia(), institution()] {
        for year in Calendar::FIRST_YEAR..=Calendar::LAST_YEAR {
            let holidays = calendar.holidays(year).unwrap();
            let worked: Vec<NaiveDate> = match calendar.transfer_policy() {
                TransferPolicy::Apply => calendar
                    .transfers()
                    .iter()
                    .map(Transfer::worked_on)
                    .collect(),
                TransferPolicy::Ignore => Vec::new(),
            };
            let first = d(year, 1, 1);
            for date in first.iter_days().take_while(|date| date.year() == year) {
                let weekday = !matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
                let holiday = holidays.iter().any(|holiday| holiday.date() == date);
                let expected = (weekday || worked.contains(&date)) && !holiday;
                assert_eq!(calendar.is_working_day(date).unwrap(), expected, "{date}");
            }
        }
    }
}

#[test]
fn working_day_navigation() {
    let calendar = latvia();
    // Fri 21 Jun 2024 → Mon 24 Jun is Jāņu diena → Tue 25 Jun.
    assert_eq!(
        calendar.next_working_day(d(2024, 6, 21)).unwrap(),
        d(2024, 6, 25)
    );
    // Strictly after, even from a working day.
    assert_eq!(
        calendar.next_working_day(d(2026, 3, 2)).unwrap(),
        d(2026, 3, 3)
    );
    // From Mon 21 Dec 2026: 22, 23, 28, 29, 30 Dec, 4 Jan 2027.
    assert_eq!(
        calendar.add_working_days(d(2026, 12, 21), 6).unwrap(),
        d(2027, 1, 4)
    );
    assert_eq!(
        calendar.add_working_days(d(2026, 12, 26), 0).unwrap(),
        d(2026, 12, 26)
    );
    assert_eq!(
        calendar.add_working_days(d(2026, 12, 26), 1).unwrap(),
        d(2026, 12, 28)
    );
    assert_eq!(
        calendar
            .working_days_between(d(2026, 12, 21), d(2027, 1, 4))
            .unwrap(),
        6
    );
    assert_eq!(
        calendar
            .working_days_between(d(2027, 1, 4), d(2026, 12, 21))
            .unwrap(),
        0
    );
    assert_eq!(
        calendar
            .working_days_between(d(2026, 1, 1), d(2026, 12, 31))
            .unwrap(),
        250
    );
    // Over a leap day and a year end.
    assert_eq!(
        calendar.next_working_day(d(2028, 2, 28)).unwrap(),
        d(2028, 2, 29)
    );
    assert_eq!(
        calendar.next_working_day(d(2099, 12, 30)).unwrap(),
        d(2100, 1, 4)
    );
    // Transfers under Apply: the 2026-01-17 Saturday is worked, 2 Jan is off.
    let institution = institution();
    assert_eq!(
        institution.next_working_day(d(2025, 12, 31)).unwrap(),
        d(2026, 1, 5)
    );
    assert_eq!(
        calendar.next_working_day(d(2025, 12, 31)).unwrap(),
        d(2026, 1, 2)
    );
    assert_eq!(
        institution.next_working_day(d(2026, 1, 16)).unwrap(),
        d(2026, 1, 17)
    );
}

#[test]
fn working_days_per_year_2026() {
    // 365 days − 104 weekend days − 11 holidays on weekdays = 250.
    let calendar = latvia();
    let first = d(2026, 1, 1);
    let count = first
        .iter_days()
        .take_while(|date| date.year() == 2026)
        .filter(|date| calendar.is_working_day(*date).unwrap())
        .count();
    assert_eq!(count, 250);
}

fn lines(deadline: &Deadline) -> Vec<String> {
    deadline.steps().iter().map(ToString::to_string).collect()
}

#[test]
fn deadline_in_days_moves_off_a_weekend() {
    let deadline = latvia()
        .deadline(d(2026, 11, 27), Period::Days(15))
        .unwrap();
    assert_eq!(deadline.date(), d(2026, 12, 14));
    assert_eq!(deadline.start(), d(2026, 11, 27));
    assert_eq!(
        lines(&deadline),
        [
            "counted 15 days from 2026-11-27 → 2026-12-12",
            "2026-12-12 is a Saturday → moved to the next working day 2026-12-14",
        ]
    );
}

#[test]
fn deadline_in_days_moves_off_holidays() {
    let calendar = latvia();
    let deadline = calendar
        .deadline(d(2026, 12, 10), Period::Days(14))
        .unwrap();
    assert_eq!(deadline.date(), d(2026, 12, 28));
    assert_eq!(
        lines(&deadline)[1],
        "2026-12-24 is a public holiday (Ziemassvētku vakars) → moved to the next working day 2026-12-28"
    );
    // Onto a replacement day of the weekend rule: 2028-11-18 (Sat) → Mon 20 Nov is off too.
    let deadline = calendar.deadline(d(2028, 11, 4), Period::Days(16)).unwrap();
    assert_eq!(deadline.date(), d(2028, 11, 21));
    let deadline = calendar.deadline(d(2028, 11, 6), Period::Days(14)).unwrap();
    assert_eq!(
        lines(&deadline)[1],
        "2028-11-20 is a day off (Latvijas Republikas Proklamēšanas diena, moved from 2028-11-18 by the weekend rule) → moved to the next working day 2028-11-21"
    );
    // A one-off day off.
    let deadline = calendar.deadline(d(2023, 5, 15), Period::Days(14)).unwrap();
    assert_eq!(deadline.date(), d(2023, 5, 30));
    assert!(lines(&deadline)[1].starts_with("2023-05-29 is a one-off day off (Diena, kad"));
    // A transferred day off only for an institution.
    let deadline = calendar
        .deadline(d(2025, 12, 19), Period::Days(14))
        .unwrap();
    assert_eq!(deadline.date(), d(2026, 1, 2));
    assert_eq!(deadline.steps().len(), 1);
    let deadline = institution()
        .deadline(d(2025, 12, 19), Period::Days(14))
        .unwrap();
    assert_eq!(deadline.date(), d(2026, 1, 5));
    assert_eq!(
        lines(&deadline)[1],
        "2026-01-02 is a transferred day off (worked on 2026-01-17) → moved to the next working day 2026-01-05"
    );
}

#[test]
fn deadline_in_months_clamps_to_the_month_end() {
    let calendar = latvia();
    // 31 Jan 2026 + 1 month → Sat 28 Feb → Mon 2 Mar.
    let deadline = calendar
        .deadline(d(2026, 1, 31), Period::Months(1))
        .unwrap();
    assert_eq!(deadline.date(), d(2026, 3, 2));
    assert_eq!(
        lines(&deadline),
        [
            "counted 1 month from 2026-01-31 → 2026-02-28, the last day of the month, which has no day 31",
            "2026-02-28 is a Saturday → moved to the next working day 2026-03-02",
        ]
    );
    // Leap year: 31 Jan 2028 + 1 month → Tue 29 Feb 2028.
    let deadline = calendar
        .deadline(d(2028, 1, 31), Period::Months(1))
        .unwrap();
    assert_eq!(deadline.date(), d(2028, 2, 29));
    assert_eq!(
        deadline.steps(),
        [DeadlineStep::CountedMonthsToMonthEnd {
            from: d(2028, 1, 31),
            months: 1,
            missing_day: 31,
            to: d(2028, 2, 29)
        }]
    );
    // 29 Feb 2024 + 12 months → Fri 28 Feb 2025.
    let deadline = calendar
        .deadline(d(2024, 2, 29), Period::Months(12))
        .unwrap();
    assert_eq!(deadline.date(), d(2025, 2, 28));
    // 15 Jan 2026 + 2 months → Sun 15 Mar → Mon 16 Mar.
    let deadline = calendar
        .deadline(d(2026, 1, 15), Period::Months(2))
        .unwrap();
    assert_eq!(deadline.date(), d(2026, 3, 16));
    assert_eq!(
        lines(&deadline)[0],
        "counted 2 months from 2026-01-15 → 2026-03-15"
    );
    assert_eq!(
        lines(&deadline)[1],
        "2026-03-15 is a Sunday → moved to the next working day 2026-03-16"
    );
}

#[test]
fn deadline_in_working_days() {
    let calendar = latvia();
    // PTAL art. 26.1: 15 working days from Fri 27 Nov 2026 → Fri 18 Dec.
    let deadline = calendar
        .deadline(d(2026, 11, 27), Period::WorkingDays(15))
        .unwrap();
    assert_eq!(deadline.date(), d(2026, 12, 18));
    assert_eq!(
        lines(&deadline),
        ["counted 15 working days from 2026-11-27 → 2026-12-18"]
    );
    let deadline = calendar
        .deadline(d(2026, 11, 27), Period::WorkingDays(1))
        .unwrap();
    assert_eq!(
        lines(&deadline),
        ["counted 1 working day from 2026-11-27 → 2026-11-30"]
    );
    // A zero period on a day off ends on the next working day.
    let deadline = calendar
        .deadline(d(2026, 12, 26), Period::WorkingDays(0))
        .unwrap();
    assert_eq!(deadline.date(), d(2026, 12, 28));
    let deadline = calendar.deadline(d(2026, 12, 26), Period::Days(0)).unwrap();
    assert_eq!(deadline.date(), d(2026, 12, 28));
    assert_eq!(
        lines(&deadline)[0],
        "counted 0 days from 2026-12-26 → 2026-12-26"
    );
}

#[cfg(feature = "serde")]
#[test]
fn deadline_serialises_as_data() {
    let deadline = latvia()
        .deadline(d(2026, 11, 27), Period::Days(15))
        .unwrap();
    let json = serde_json::to_value(&deadline).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "start": "2026-11-27",
            "period": "15d",
            "date": "2026-12-14",
            "steps": [
                {"step": "counted_days", "from": "2026-11-27", "days": 15, "to": "2026-12-12"},
                {
                    "step": "moved_to_next_working_day",
                    "from": "2026-12-12",
                    "reason": {"type": "saturday"},
                    "to": "2026-12-14"
                }
            ]
        })
    );
}

#[test]
fn period_parses_and_displays() {
    for (text, period) in [
        ("15d", Period::Days(15)),
        ("10wd", Period::WorkingDays(10)),
        ("1m", Period::Months(1)),
        ("0d", Period::Days(0)),
        ("4294967295wd", Period::WorkingDays(u32::MAX)),
    ] {
        assert_eq!(text.parse::<Period>().unwrap(), period);
        assert_eq!(period.to_string(), text);
    }
    assert_eq!("015d".parse::<Period>().unwrap(), Period::Days(15));
    assert_eq!(Period::WorkingDays(10).count(), 10);
    assert_eq!(Period::WorkingDays(10).unit(), "wd");
}

#[test]
fn period_rejects_bad_text_with_stable_codes() {
    let cases = [
        ("", "period.empty"),
        ("d", "period.number"),
        (" 15d", "period.number"),
        ("-1d", "period.number"),
        ("+1d", "period.number"),
        ("4294967296d", "period.number_too_large"),
        ("15", "period.unit"),
        ("15D", "period.unit"),
        ("15 d", "period.unit"),
        ("15dd", "period.unit"),
        ("15w", "period.unit"),
        ("1m ", "period.unit"),
    ];
    for (text, code) in cases {
        let error = text.parse::<Period>().unwrap_err();
        assert_eq!(error.code(), code, "{text:?}");
        assert!(!error.to_string().is_empty());
    }
    assert_eq!(
        "15 weeks and more text".parse::<Period>().unwrap_err(),
        ParsePeriodError::Unit {
            unit: " weeks and more ".to_owned()
        }
    );
}

#[cfg(feature = "serde")]
#[test]
fn period_serialises_as_text() {
    assert_eq!(
        serde_json::to_string(&Period::WorkingDays(10)).unwrap(),
        "\"10wd\""
    );
    assert_eq!(
        serde_json::from_str::<Period>("\"1m\"").unwrap(),
        Period::Months(1)
    );
    assert!(serde_json::from_str::<Period>("\"1y\"").is_err());
}

#[cfg(feature = "serde")]
#[test]
fn transfers_are_validated() {
    assert_eq!(
        Transfer::try_new(d(2026, 1, 3), d(2026, 1, 17)),
        Err(CalendarError::TransferDayOffNotWeekday {
            date: d(2026, 1, 3),
            weekday: Weekday::Sat
        })
    );
    assert_eq!(
        Transfer::try_new(d(2026, 1, 2), d(2026, 1, 18))
            .unwrap_err()
            .code(),
        "calendar.transfer_worked_day_not_saturday"
    );
    assert_eq!(
        Transfer::try_new(d(2101, 1, 3), d(2101, 1, 8))
            .unwrap_err()
            .code(),
        "calendar.year_out_of_range"
    );
    let json = r#"{"day_off": "2026-01-02", "worked_on": "2026-01-17"}"#;
    let transfer: Transfer = serde_json::from_str(json).unwrap();
    assert_eq!(
        transfer,
        Transfer::try_new(d(2026, 1, 2), d(2026, 1, 17)).unwrap()
    );
    assert!(
        serde_json::from_str::<Transfer>(r#"{"day_off": "2026-01-02", "worked_on": "2026-01-18"}"#)
            .is_err()
    );
    assert_eq!(latvia().transfers().len(), 12);
}

#[test]
fn builder_rejects_duplicates_and_days_before_the_law() {
    let calendar = latvia();
    let name = HolidayName::new("Piemērs", "Example");
    assert_eq!(
        latvia()
            .with_one_off_day_off(d(2018, 9, 24), name.clone())
            .unwrap_err(),
        CalendarError::AlreadyListed {
            date: d(2018, 9, 24)
        }
    );
    assert_eq!(
        latvia()
            .with_one_off_day_off(d(1990, 9, 24), name)
            .unwrap_err()
            .code(),
        "calendar.year_out_of_range"
    );
    assert_eq!(
        latvia()
            .with_festival_closing_day(d(2013, 7, 7))
            .unwrap_err(),
        CalendarError::BeforeLaw {
            date: d(2013, 7, 7),
            in_force: d(2014, 10, 22)
        }
    );
    assert_eq!(
        latvia()
            .with_festival_closing_day(d(2023, 7, 2))
            .unwrap_err()
            .code(),
        "calendar.already_listed"
    );
    let clash = Transfer::try_new(d(2026, 1, 2), d(2026, 1, 10)).unwrap();
    assert_eq!(
        latvia().with_transfer(clash).unwrap_err(),
        CalendarError::AlreadyListed {
            date: d(2026, 1, 2)
        }
    );
    // A festival closing day on Sat 25 Dec 2100: Sun 26 Dec is a holiday, Mon 27 Dec is off.
    let late = latvia().with_festival_closing_day(d(2100, 12, 25)).unwrap();
    assert!(!late.is_working_day(d(2100, 12, 27)).unwrap());
    assert_eq!(calendar.transfer_policy(), TransferPolicy::Ignore);
    assert!(format!("{calendar:?}").starts_with("Calendar {"));
}

#[test]
fn one_off_day_off_moves_a_replacement_day() {
    // A one-off day off on Mon 6 May 2030 pushes the replacement day of Sat 4 May to Tue 7 May.
    let calendar = latvia()
        .with_one_off_day_off(d(2030, 5, 6), HolidayName::new("Piemērs", "Example"))
        .unwrap();
    assert!(!calendar.is_working_day(d(2030, 5, 6)).unwrap());
    assert!(!calendar.is_working_day(d(2030, 5, 7)).unwrap());
    assert!(calendar.is_working_day(d(2030, 5, 8)).unwrap());
}

#[cfg(feature = "serde")]
#[test]
fn holiday_kinds_display_and_serialise() {
    assert_eq!(
        HolidayKind::Moved {
            from: d(2028, 11, 18)
        }
        .to_string(),
        "moved from 2028-11-18"
    );
    assert_eq!(
        serde_json::to_value(HolidayKind::Moved {
            from: d(2028, 11, 18)
        })
        .unwrap(),
        serde_json::json!({"type": "moved", "from": "2028-11-18"})
    );
    let holiday = &latvia().holidays(2026).unwrap()[0];
    assert_eq!(
        serde_json::to_value(holiday).unwrap(),
        serde_json::json!({
            "date": "2026-01-01",
            "name": {"lv": "Jaungada diena", "en": "New Year's Day"},
            "kind": {"type": "fixed"}
        })
    );
    let name: HolidayName =
        serde_json::from_str(r#"{"lv": "Mātes diena", "en": "Mother's Day"}"#).unwrap();
    assert_eq!(name.get(crate::Language::German), "Mātes diena");
    assert_eq!(
        name.to_localized_text().get(crate::Language::English),
        "Mother's Day"
    );
}

#[test]
fn error_codes_are_distinct_and_dotted() {
    let date = d(2026, 1, 1);
    let errors = [
        CalendarError::YearOutOfRange {
            year: 1990,
            first: 1991,
            last: 2100,
        },
        CalendarError::InvalidDate {
            year: 2026,
            month: 2,
            day: 30,
        },
        CalendarError::Overflow { date },
        CalendarError::BeforeLaw {
            date,
            in_force: date,
        },
        CalendarError::AlreadyListed { date },
        CalendarError::TransferDayOffNotWeekday {
            date,
            weekday: Weekday::Sat,
        },
        CalendarError::TransferWorkedDayNotSaturday {
            date,
            weekday: Weekday::Sun,
        },
        CalendarError::Internal { place: "test" },
    ];
    let mut codes: Vec<&str> = errors.iter().map(CalendarError::code).collect();
    for (error, code) in errors.iter().zip(&codes) {
        assert!(code.starts_with("calendar."), "{code}");
        let message = error.to_string();
        assert!(
            message.chars().next().is_some_and(|c| !c.is_uppercase()),
            "{message}"
        );
        assert!(!message.ends_with('.'), "{message}");
    }
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), errors.len());
}
