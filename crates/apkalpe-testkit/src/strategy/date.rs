//! Strategies for dates of the Latvian working-day calendar (1991–2100), deadline periods,
//! calendars, holidays and deadlines, and the facts of the retention model (periods,
//! obligations, legal holds).
//!
//! Weighted toward the days where calendar code breaks: year ends, 1 January, 31 December,
//! 29 February, the first and last years of the range, and the holiday-dense weeks.

use apkalpe_core::{
    Calendar, CountingRule, Deadline, Holiday, HolidayName, LegalHold, Period, RetentionEvent,
    RetentionFacts, RetentionObligation, RetentionPeriod, RetentionScope, RetentionStart, Transfer,
    TransferPolicy,
};
use chrono::{Datelike, Days, NaiveDate, Weekday};
use proptest::prelude::*;
use proptest::sample::Index;

/// The date `year`-`month`-`day`; panics on a date that does not exist (test data only).
fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("a valid literal date")
}

/// Any date from `first` to `last` inclusive, uniformly.
fn uniform_between(first: NaiveDate, last: NaiveDate) -> impl Strategy<Value = NaiveDate> {
    let span = u64::try_from((last - first).num_days()).expect("first is not after last");
    (0..=span).prop_map(move |offset| first + Days::new(offset))
}

/// Any year of the calendar, 1991–2100.
fn year() -> impl Strategy<Value = i32> {
    Calendar::FIRST_YEAR..=Calendar::LAST_YEAR
}

/// Any leap year of the calendar (2100 is not one).
fn leap_year() -> impl Strategy<Value = i32> {
    (1992..=2096_i32).prop_map(|year| year - year % 4)
}

/// Any date of 1991–2100, the years [`Calendar`] covers, weighted toward boundaries:
/// 1 January, 31 December, 29 February, the last and first weeks of a year, and the ends of
/// the range (January 1991, December 2100).
///
/// # Examples
///
/// ```
/// use apkalpe_testkit::strategy::date;
/// use chrono::Datelike;
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let mut runner = TestRunner::deterministic();
/// let day = date().new_tree(&mut runner).unwrap().current();
/// assert!((1991..=2100).contains(&day.year()));
/// ```
pub fn date() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        6 => uniform_between(ymd(Calendar::FIRST_YEAR, 1, 1), ymd(Calendar::LAST_YEAR, 12, 31)),
        1 => year().prop_map(|year| ymd(year, 1, 1)),
        1 => year().prop_map(|year| ymd(year, 12, 31)),
        1 => leap_year().prop_map(|year| ymd(year, 2, 29)),
        1 => (year(), 0_u64..8).prop_map(|(year, offset)| ymd(year, 12, 24) + Days::new(offset)),
        1 => (year(), 0_u64..7).prop_map(|(year, offset)| ymd(year, 1, 1) + Days::new(offset)),
        1 => uniform_between(ymd(Calendar::FIRST_YEAR, 1, 1), ymd(Calendar::FIRST_YEAR, 1, 31)),
        1 => uniform_between(ymd(Calendar::LAST_YEAR, 12, 1), ymd(Calendar::LAST_YEAR, 12, 31)),
    ]
}

/// Any date of `year`, weighted toward 1 January, 31 December and (in a leap year) 29 February.
///
/// # Examples
///
/// ```
/// use apkalpe_testkit::strategy::date_in_year;
/// use chrono::Datelike;
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let mut runner = TestRunner::deterministic();
/// let day = date_in_year(2028).new_tree(&mut runner).unwrap().current();
/// assert_eq!(day.year(), 2028);
/// ```
///
/// # Panics
///
/// If `year` is outside 1991–2100, the years [`Calendar`] covers.
pub fn date_in_year(year: i32) -> impl Strategy<Value = NaiveDate> {
    assert!(
        (Calendar::FIRST_YEAR..=Calendar::LAST_YEAR).contains(&year),
        "year {year} is outside the calendar's years"
    );
    let first = ymd(year, 1, 1);
    let last = ymd(year, 12, 31);
    let edges = if first.leap_year() {
        vec![
            first,
            ymd(year, 2, 28),
            ymd(year, 2, 29),
            ymd(year, 3, 1),
            last,
        ]
    } else {
        vec![first, ymd(year, 2, 28), ymd(year, 3, 1), last]
    };
    prop_oneof![
        4 => uniform_between(first, last),
        1 => proptest::sample::select(edges),
    ]
}

/// A business date of 2018–2028, the years of the dated table in `docs/sources.md` §13.1 f), weighted
/// toward the weeks with holidays, replacement days and transferred days: late December and
/// early January, early May, Midsummer (mid to late June), the Song and Dance Festival week
/// of early July and mid-November.
///
/// # Examples
///
/// ```
/// use apkalpe_testkit::strategy::business_date;
/// use chrono::Datelike;
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let mut runner = TestRunner::deterministic();
/// let day = business_date().new_tree(&mut runner).unwrap().current();
/// assert!((2018..=2028).contains(&day.year()));
/// ```
pub fn business_date() -> impl Strategy<Value = NaiveDate> {
    let year = || 2018..=2028_i32;
    let window = |month: u32, day: u32, length: u64| {
        (year(), 0..length)
            .prop_map(move |(year, offset)| ymd(year, month, day) + Days::new(offset))
    };
    prop_oneof![
        4 => uniform_between(ymd(2018, 1, 1), ymd(2028, 12, 31)),
        // 20–31 Dec and 1–6 Jan.
        1 => window(12, 20, 12),
        1 => window(1, 1, 6),
        1 => window(4, 28, 14),
        1 => window(6, 15, 16),
        1 => window(7, 5, 8),
        1 => window(11, 10, 14),
    ]
}

/// Any deadline period, weighted toward the lengths of Latvian consumer and submission law:
/// 0–400 days (14-day withdrawal), 0–60 working days (10 and 15 working days), 0–48 months
/// (1 and 4 months, 2 years).
///
/// # Examples
///
/// ```
/// use apkalpe_testkit::strategy::period;
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let mut runner = TestRunner::deterministic();
/// let period = period().new_tree(&mut runner).unwrap().current();
/// assert_eq!(period.to_string().parse::<apkalpe_core::Period>(), Ok(period));
/// ```
pub fn period() -> impl Strategy<Value = Period> {
    prop_oneof![
        2 => (0_u32..=400).prop_map(Period::Days),
        1 => proptest::sample::select(vec![14_u32, 30, 365]).prop_map(Period::Days),
        2 => (0_u32..=60).prop_map(Period::WorkingDays),
        1 => proptest::sample::select(vec![5_u32, 10, 15]).prop_map(Period::WorkingDays),
        2 => (0_u32..=48).prop_map(Period::Months),
        1 => proptest::sample::select(vec![1_u32, 4, 24]).prop_map(Period::Months),
    ]
}

/// One change a caller makes with the builder methods of [`Calendar`].
#[derive(Debug, Clone)]
enum CalendarChange {
    OneOff(NaiveDate, &'static str),
    Festival(NaiveDate),
    Transfer(NaiveDate, NaiveDate),
    Policy(TransferPolicy),
}

/// A day off and a Saturday near `date`, the two days of a transfer.
fn transfer_near(date: NaiveDate, weeks: u64) -> (NaiveDate, NaiveDate) {
    let day_off = match date.weekday() {
        Weekday::Sat => date - Days::new(1),
        Weekday::Sun => date + Days::new(1),
        _ => date,
    };
    let to_saturday =
        (Weekday::Sat.num_days_from_monday() + 7 - day_off.weekday().num_days_from_monday()) % 7;
    let worked_on = day_off + Days::new(u64::from(to_saturday) + 7 * weeks);
    (day_off, worked_on)
}

fn calendar_change() -> impl Strategy<Value = CalendarChange> {
    let names = ["Piemēra brīvdiena", "Valsts sēru diena", "Ā"];
    prop_oneof![
        3 => (date(), proptest::sample::select(names.to_vec()))
            .prop_map(|(date, name)| CalendarChange::OneOff(date, name)),
        // 2018-09-24 is built in: listing it again is refused.
        1 => Just(CalendarChange::OneOff(ymd(2018, 9, 24), "Pāvesta vizīte")),
        2 => uniform_between(ymd(2014, 10, 1), ymd(2100, 12, 31))
            .prop_map(CalendarChange::Festival),
        // Around the festival rule's entry into force on 22 October 2014.
        1 => uniform_between(ymd(2014, 10, 20), ymd(2014, 10, 24))
            .prop_map(CalendarChange::Festival),
        3 => (business_date(), 0_u64..3).prop_map(|(date, weeks)| {
            let (day_off, worked_on) = transfer_near(date, weeks);
            CalendarChange::Transfer(day_off, worked_on)
        }),
        1 => proptest::sample::select(vec![TransferPolicy::Apply, TransferPolicy::Ignore])
            .prop_map(CalendarChange::Policy),
    ]
}

/// A calendar a program can build: [`Calendar::latvia`] after a few builder calls (one-off
/// days off, festival closing days, transfers, the transfer policy), each call that the
/// calendar refuses left out, as a caller would leave it out.
///
/// # Examples
///
/// ```
/// use apkalpe_testkit::strategy::calendar;
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let mut runner = TestRunner::deterministic();
/// let calendar = calendar().new_tree(&mut runner).unwrap().current();
/// assert!(calendar.one_off_days_off().len() >= 2);
/// ```
pub fn calendar() -> impl Strategy<Value = Calendar> {
    proptest::collection::vec(calendar_change(), 0..6).prop_map(|changes| {
        changes
            .into_iter()
            .fold(Calendar::latvia(), |calendar, change| {
                let before = calendar.clone();
                let changed = match change {
                    CalendarChange::OneOff(date, name) => calendar
                        .with_one_off_day_off(date, HolidayName::new(name, "Example day off")),
                    CalendarChange::Festival(date) => calendar.with_festival_closing_day(date),
                    CalendarChange::Transfer(day_off, worked_on) => {
                        match Transfer::try_new(day_off, worked_on) {
                            Ok(transfer) => calendar.with_transfer(transfer),
                            Err(_) => Ok(calendar),
                        }
                    }
                    CalendarChange::Policy(policy) => Ok(calendar.with_transfer_policy(policy)),
                };
                changed.unwrap_or(before)
            })
    })
}

/// A holiday or day off that [`Calendar::holidays`] lists: any kind (law's list, festival
/// closing day, moved, one-off, transferred), of a [`calendar()`] in a year weighted toward
/// 2018–2028, where the data is.
///
/// # Examples
///
/// ```
/// use apkalpe_testkit::strategy::holiday;
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let mut runner = TestRunner::deterministic();
/// let holiday = holiday().new_tree(&mut runner).unwrap().current();
/// assert!(!holiday.name().latvian().is_empty());
/// ```
pub fn holiday() -> impl Strategy<Value = Holiday> {
    let year = prop_oneof![3 => 2018..=2028_i32, 1 => year()];
    (calendar(), year, any::<Index>()).prop_map(|(calendar, year, index)| {
        let holidays = calendar.holidays(year).expect("a year of the calendar");
        index.get(&holidays).clone()
    })
}

/// A deadline [`Calendar::deadline`] computes: a [`calendar()`], a start [`date()`] and any
/// [`period()`], leaving out the few that would end after 2100.
///
/// # Examples
///
/// ```
/// use apkalpe_testkit::strategy::deadline;
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let mut runner = TestRunner::deterministic();
/// let deadline = deadline().new_tree(&mut runner).unwrap().current();
/// assert!(deadline.date() >= deadline.start());
/// ```
pub fn deadline() -> impl Strategy<Value = Deadline> {
    let start = prop_oneof![3 => business_date(), 1 => date()];
    (calendar(), start, period()).prop_filter_map(
        "the deadline would end after 2100",
        |(calendar, start, period)| calendar.deadline(start, period).ok(),
    )
}

/// The parts of a client's personal data that retention strategies name.
pub const RECORD_PARTS: [&str; 6] = [
    "name",
    "personal_code",
    "addresses",
    "emails",
    "phones",
    "tags",
];

/// Any retention period, weighted toward the law's: 0, 1, 3, 5, 10, 75 and 90 years,
/// permanent, and months and days for personal data.
///
/// # Examples
///
/// ```
/// use apkalpe_testkit::strategy::retention_period;
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let mut runner = TestRunner::deterministic();
/// let period = retention_period().new_tree(&mut runner).unwrap().current();
/// assert_eq!(period.to_string().parse::<apkalpe_core::RetentionPeriod>(), Ok(period));
/// ```
pub fn retention_period() -> impl Strategy<Value = RetentionPeriod> {
    prop_oneof![
        3 => proptest::sample::select(vec![0_u16, 1, 3, 5, 10, 75, 90]).prop_map(RetentionPeriod::Years),
        1 => Just(RetentionPeriod::Permanent),
        1 => (0_u16..=999).prop_map(RetentionPeriod::Years),
        1 => (0_u16..=120).prop_map(RetentionPeriod::Months),
        1 => (0_u16..=999).prop_map(RetentionPeriod::Days),
    ]
}

/// Either counting rule.
pub fn counting_rule() -> impl Strategy<Value = CountingRule> {
    prop_oneof![
        Just(CountingRule::FromDate),
        Just(CountingRule::FromFirstJanuaryAfter)
    ]
}

/// The whole record, or one to three of [`RECORD_PARTS`].
pub fn retention_scope() -> impl Strategy<Value = RetentionScope> {
    prop_oneof![
        1 => Just(RetentionScope::whole()),
        3 => proptest::sample::subsequence(RECORD_PARTS.to_vec(), 1..=3)
            .prop_map(|parts| RetentionScope::try_parts(parts).expect("known part names")),
    ]
}

/// Retention obligations of business dates (2018–2028), one in six with an event that has
/// not happened yet.
///
/// # Examples
///
/// ```
/// use apkalpe_testkit::strategy::retention_obligation;
/// use proptest::strategy::{Strategy, ValueTree};
/// use proptest::test_runner::TestRunner;
///
/// let mut runner = TestRunner::deterministic();
/// let obligation = retention_obligation().new_tree(&mut runner).unwrap().current();
/// assert!(obligation.ends_on().is_ok());
/// ```
pub fn retention_obligation() -> impl Strategy<Value = RetentionObligation> {
    let event = prop_oneof![
        Just(RetentionEvent::RecordDate),
        Just(RetentionEvent::CaseClosed),
        Just(RetentionEvent::ContractEnded),
        Just(RetentionEvent::RelationshipEnded),
        Just(RetentionEvent::TransactionClosed),
    ];
    (
        retention_period(),
        event,
        prop::option::weighted(0.85, business_date()),
        counting_rule(),
        retention_scope(),
        0_u32..1000,
    )
        .prop_map(|(period, event, date, counting, scope, number)| {
            let start = match date {
                Some(date) => RetentionStart::on(event, date, counting),
                None => RetentionStart::pending(event, counting),
            };
            RetentionObligation::try_new(
                &format!("document D-{number}"),
                "Grāmatvedības likums, 28. pants",
                period,
                start,
            )
            .expect("valid texts")
            .with_scope(scope)
        })
}

/// Legal holds placed on business dates, some with a last day, some lifted.
pub fn legal_hold() -> impl Strategy<Value = LegalHold> {
    (
        business_date(),
        prop::option::of(0_u64..800),
        prop::option::of(0_u64..800),
        retention_scope(),
        0_u32..1000,
    )
        .prop_map(|(placed, ends_after, lifted_after, scope, number)| {
            let mut hold = LegalHold::try_new(&format!("LH-{number}"), "strīds ar klientu", placed)
                .expect("valid texts")
                .with_scope(scope);
            if let Some(days) = ends_after {
                hold = hold
                    .until(placed + Days::new(days))
                    .expect("ends after placing");
            }
            if let Some(days) = lifted_after {
                hold = hold
                    .lift(placed + Days::new(days))
                    .expect("lifted after placing");
            }
            hold
        })
}

/// Facts of zero to six obligations and zero to two holds.
pub fn retention_facts() -> impl Strategy<Value = RetentionFacts> {
    (
        prop::collection::vec(retention_obligation(), 0..=6),
        prop::collection::vec(legal_hold(), 0..=2),
    )
        .prop_map(|(obligations, holds)| {
            let facts = obligations
                .into_iter()
                .fold(RetentionFacts::new(), RetentionFacts::with_obligation);
            holds.into_iter().fold(facts, RetentionFacts::with_hold)
        })
}

#[cfg(test)]
mod tests {
    use chrono::Datelike;

    use super::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4096))]

        #[test]
        fn dates_stay_in_the_calendar_years(day in date()) {
            prop_assert!((Calendar::FIRST_YEAR..=Calendar::LAST_YEAR).contains(&day.year()));
        }

        #[test]
        fn business_dates_stay_in_2018_to_2028(day in business_date()) {
            prop_assert!((2018..=2028).contains(&day.year()));
        }

        #[test]
        fn dates_in_year_stay_in_the_year(day in date_in_year(2024)) {
            prop_assert_eq!(day.year(), 2024);
        }
    }
}
