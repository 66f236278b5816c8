//! Saved state restored: every state type of apkalpe-core round-trips through serde, and a saved
//! value edited into an illegal state is refused with a `RestoreError` (issue 13).

use apkalpe_core::{
    Calendar, CashRounding, CashRoundingRule, CashSettlement, Deadline, DocumentNumber, Holiday,
    NumberSeries, Period, RestoreProblem, Transfer, TransferPolicy, VatAmounts, VatClassSchedule,
    VatRateTable, VoidedNumber, YearReset,
};
use apkalpe_testkit::strategy;
use chrono::NaiveDate;
use proptest::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Serialises and reads back.
fn round_trip<T: Serialize + DeserializeOwned>(value: &T) -> T {
    let json = serde_json::to_string(value).unwrap();
    serde_json::from_str(&json).unwrap_or_else(|error| panic!("{error}\n{json}"))
}

/// Reads `value` back as a `T` and returns the refusal's message, checking that it is a restore
/// error of `problem` on `field`.
#[track_caller]
fn refused<T: DeserializeOwned + std::fmt::Debug>(
    value: &Value,
    problem: RestoreProblem,
    what: &str,
    field: &str,
) -> String {
    let message = match serde_json::from_value::<T>(value.clone()) {
        Ok(restored) => panic!("accepted {restored:?}"),
        Err(error) => error.to_string(),
    };
    assert_eq!(
        RestoreProblem::from_message(&message),
        Some(problem),
        "{message}"
    );
    let prefix = if field.is_empty() {
        format!("{}: cannot restore {what}: ", problem.code())
    } else {
        format!("{}: cannot restore {what}: {field}: ", problem.code())
    };
    assert!(message.starts_with(&prefix), "{message}\nexpected {prefix}");
    message
}

fn snapshot(name: &str, value: &impl Serialize) {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_json_snapshot!(name, value));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn calendars_round_trip(calendar in strategy::calendar()) {
        let restored = round_trip(&calendar);
        prop_assert_eq!(&restored, &calendar);
        // The tables are rebuilt: the answers are the same.
        for year in [2018, 2023, 2026, 2028] {
            prop_assert_eq!(restored.holidays(year).unwrap(), calendar.holidays(year).unwrap());
        }
        let start = day(2026, 12, 18);
        prop_assert_eq!(
            restored.add_working_days(start, 30).unwrap(),
            calendar.add_working_days(start, 30).unwrap()
        );
    }

    #[test]
    fn holidays_round_trip(holiday in strategy::holiday()) {
        prop_assert_eq!(round_trip(&holiday), holiday);
    }

    #[test]
    fn deadlines_round_trip(deadline in strategy::deadline()) {
        prop_assert_eq!(round_trip(&deadline), deadline.clone());
        for step in deadline.steps() {
            prop_assert_eq!(&round_trip(step), step);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn cash_rounding_rules_round_trip(rule in strategy::cash_rounding_rule()) {
        prop_assert_eq!(round_trip(&rule), rule);
    }

    #[test]
    fn cash_rounding_policies_round_trip(policy in strategy::cash_rounding()) {
        prop_assert_eq!(round_trip(&policy), policy);
    }

    #[test]
    fn cash_settlements_round_trip(settlement in strategy::cash_settlement()) {
        prop_assert_eq!(round_trip(&settlement), settlement);
    }

    #[test]
    fn vat_amounts_round_trip(amounts in strategy::vat_amounts()) {
        prop_assert_eq!(round_trip(&amounts), amounts);
    }

    #[test]
    fn vat_rate_tables_round_trip(table in strategy::vat_rate_table()) {
        prop_assert_eq!(round_trip(&table), table);
    }

    #[test]
    fn vat_class_schedules_round_trip(schedule in strategy::vat_class_schedule()) {
        prop_assert_eq!(round_trip(&schedule), schedule.clone());
        // The text form (a CSV cell) round-trips too.
        prop_assert_eq!(schedule.to_string().parse::<VatClassSchedule>().unwrap(), schedule);
    }

    #[test]
    fn schedule_parsing_never_panics_and_round_trips(
        text in prop_oneof![
            any::<String>(),
            "(standard|reduced|second_reduced|zero|x)( from [0-9]{4}-[0-9]{2}-[0-9]{2})?(; ?(standard|reduced|zero)( from [0-9]{4}-[0-9]{1,2}-[0-9]{2})?){0,3}",
        ],
    ) {
        if let Ok(schedule) = text.parse::<VatClassSchedule>() {
            prop_assert_eq!(schedule.to_string().parse::<VatClassSchedule>().unwrap(), schedule);
        }
    }

    #[test]
    fn the_class_on_a_date_is_the_last_period_started(
        schedule in strategy::vat_class_schedule(),
        date in strategy::date(),
    ) {
        // An oracle walking forward: the class of the last period started on or before.
        let mut expected = None;
        for period in schedule.periods() {
            if period.from.is_none_or(|from| from <= date) {
                expected = Some(period.class);
            }
        }
        prop_assert_eq!(schedule.class_on(date).ok(), expected);
    }

    #[test]
    fn document_numbers_round_trip(number in strategy::document_number()) {
        prop_assert_eq!(round_trip(&number), number);
    }

    #[test]
    fn voided_numbers_round_trip(voided in strategy::voided_number()) {
        prop_assert_eq!(round_trip(&voided), voided);
    }
}

// Calendar.

fn latvia_json() -> Value {
    serde_json::to_value(Calendar::latvia()).unwrap()
}

#[cfg(feature = "serde")]
#[test]
fn calendar_restores_its_data_and_rebuilds_its_tables() {
    let calendar = Calendar::latvia()
        .with_festival_closing_day(day(2028, 7, 9))
        .unwrap()
        .with_transfer_policy(TransferPolicy::Apply);
    let restored = round_trip(&calendar);
    assert_eq!(restored, calendar);
    // 10 Jul 2028, the Monday after the festival, and the 2026 transfer's Saturday.
    assert!(!restored.is_working_day(day(2028, 7, 10)).unwrap());
    assert!(restored.is_working_day(day(2026, 1, 17)).unwrap());
    // The saved lists may come in any order: they are sorted as the builders sort them.
    let mut value = serde_json::to_value(&calendar).unwrap();
    value["transfers"].as_array_mut().unwrap().reverse();
    value["one_off_days_off"].as_array_mut().unwrap().reverse();
    value["festival_closing_days"]
        .as_array_mut()
        .unwrap()
        .reverse();
    assert_eq!(serde_json::from_value::<Calendar>(value).unwrap(), calendar);
}

#[test]
fn calendar_refuses_a_one_off_day_off_listed_twice_or_outside_its_years() {
    let mut value = latvia_json();
    let first = value["one_off_days_off"][0].clone();
    value["one_off_days_off"]
        .as_array_mut()
        .unwrap()
        .push(first);
    refused::<Calendar>(
        &value,
        RestoreProblem::Duplicate,
        "Calendar",
        "one_off_days_off[2].date",
    );

    let mut value = latvia_json();
    value["one_off_days_off"][1]["date"] = json!("2101-01-02");
    let message = refused::<Calendar>(
        &value,
        RestoreProblem::Invalid,
        "Calendar",
        "one_off_days_off[1].date",
    );
    assert!(message.contains("year 2101 is outside"), "{message}");
}

#[test]
fn calendar_refuses_festival_closing_days_before_the_law_or_twice_a_year() {
    let mut value = latvia_json();
    value["festival_closing_days"][0] = json!("2013-07-07");
    let message = refused::<Calendar>(
        &value,
        RestoreProblem::Invalid,
        "Calendar",
        "festival_closing_days[0]",
    );
    assert!(message.contains("2014-10-22"), "{message}");

    let mut value = latvia_json();
    value["festival_closing_days"]
        .as_array_mut()
        .unwrap()
        .push(json!("2023-07-16"));
    refused::<Calendar>(
        &value,
        RestoreProblem::Duplicate,
        "Calendar",
        "festival_closing_days[2]",
    );
}

#[cfg(feature = "serde")]
#[test]
fn calendar_refuses_a_day_in_two_transfers_and_a_bad_transfer() {
    let mut value = latvia_json();
    let transfers = value["transfers"].as_array_mut().unwrap();
    // Another transfer working the same Saturday as the first one.
    let saturday = transfers[0]["worked_on"].clone();
    transfers.push(json!({"day_off": "2027-03-01", "worked_on": saturday}));
    let index = transfers.len() - 1;
    refused::<Calendar>(
        &value,
        RestoreProblem::Duplicate,
        "Calendar",
        &format!("transfers[{index}].worked_on"),
    );

    // A transfer's own rule (the worked day is a Saturday) is checked by `Transfer`.
    let mut value = latvia_json();
    value["transfers"][0]["worked_on"] = json!("2018-04-29");
    refused::<Calendar>(&value, RestoreProblem::Invalid, "Transfer", "worked_on");
    let error = serde_json::from_value::<Transfer>(json!({
        "day_off": "2026-01-03",
        "worked_on": "2026-01-17"
    }))
    .unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("restore.invalid: cannot restore Transfer: day_off: "),
        "{error}"
    );
}

#[cfg(feature = "serde")]
#[test]
fn calendar_refuses_unknown_fields() {
    let mut value = latvia_json();
    value["rules"] = json!("mine");
    assert!(serde_json::from_value::<Calendar>(value).is_err());
}

// Holidays.

fn holiday_json(year: i32, index: usize) -> Value {
    let holidays = Calendar::latvia()
        .with_transfer_policy(TransferPolicy::Apply)
        .holidays(year)
        .unwrap();
    serde_json::to_value(&holidays[index]).unwrap()
}

fn find_holiday(year: i32, kind: &str) -> Value {
    let holidays = Calendar::latvia()
        .with_transfer_policy(TransferPolicy::Apply)
        .with_festival_closing_day(day(2028, 7, 9))
        .unwrap()
        .holidays(year)
        .unwrap();
    let found = holidays
        .iter()
        .find(|holiday| serde_json::to_value(holiday.kind()).unwrap()["type"] == kind)
        .unwrap();
    serde_json::to_value(found).unwrap()
}

#[test]
fn holiday_refuses_a_date_outside_the_calendar() {
    let mut value = holiday_json(2026, 0);
    value["date"] = json!("1990-01-01");
    let message = refused::<Holiday>(&value, RestoreProblem::Invalid, "Holiday", "date");
    assert!(message.contains("year 1990"), "{message}");
}

#[cfg(feature = "serde")]
#[test]
fn holiday_refuses_a_law_holiday_on_the_wrong_day_or_of_another_kind() {
    let mut value = holiday_json(2026, 0);
    value["date"] = json!("2026-01-02");
    refused::<Holiday>(&value, RestoreProblem::Inconsistent, "Holiday", "kind");
    // The name is kept as saved: a store may hold an earlier spelling.
    let mut value = holiday_json(2026, 0);
    value["name"]["lv"] = json!("Jaungada diena (1. janvāris)");
    let restored: Holiday = serde_json::from_value(value.clone()).unwrap();
    assert_eq!(restored.name().latvian(), "Jaungada diena (1. janvāris)");
    // A fixed-date holiday is not an Easter-based one.
    value["kind"] = json!({"type": "easter_based"});
    refused::<Holiday>(&value, RestoreProblem::Inconsistent, "Holiday", "kind");
    // Easter Monday was not a holiday before 1997: 8 Apr 1996 was a working day.
    let easter_monday = Calendar::latvia()
        .holidays(1997)
        .unwrap()
        .into_iter()
        .find(|holiday| holiday.name().english() == "Easter Monday")
        .unwrap();
    let mut value = serde_json::to_value(&easter_monday).unwrap();
    assert!(serde_json::from_value::<Holiday>(value.clone()).is_ok());
    value["date"] = json!("1996-04-08");
    refused::<Holiday>(&value, RestoreProblem::Inconsistent, "Holiday", "kind");
}

#[cfg(feature = "serde")]
#[test]
fn holiday_refuses_a_festival_closing_day_before_the_law() {
    let mut value = find_holiday(2028, "festival_closing");
    assert!(serde_json::from_value::<Holiday>(value.clone()).is_ok());
    value["date"] = json!("2013-07-07");
    refused::<Holiday>(&value, RestoreProblem::Invalid, "Holiday", "date");
}

#[cfg(feature = "serde")]
#[test]
fn holiday_refuses_a_move_that_is_not_from_a_weekend_to_a_later_weekday() {
    let value = find_holiday(2028, "moved");
    assert!(serde_json::from_value::<Holiday>(value.clone()).is_ok());
    let mut from_weekday = value.clone();
    from_weekday["kind"]["from"] = json!("2028-11-17");
    refused::<Holiday>(
        &from_weekday,
        RestoreProblem::Inconsistent,
        "Holiday",
        "kind.from",
    );
    let mut backwards = value;
    backwards["kind"]["from"] = json!("2028-11-25");
    refused::<Holiday>(
        &backwards,
        RestoreProblem::Inconsistent,
        "Holiday",
        "kind.from",
    );
}

#[cfg(feature = "serde")]
#[test]
fn holiday_refuses_a_transfer_without_a_saturday() {
    let mut value = find_holiday(2026, "transferred");
    assert!(serde_json::from_value::<Holiday>(value.clone()).is_ok());
    value["kind"]["worked_on"] = json!("2026-01-18");
    let message = refused::<Holiday>(&value, RestoreProblem::Invalid, "Holiday", "kind.worked_on");
    assert!(message.contains("must be a saturday"), "{message}");
}

// Deadlines.

fn deadline_json(start: NaiveDate, period: Period) -> Value {
    let deadline = Calendar::latvia().deadline(start, period).unwrap();
    serde_json::to_value(deadline).unwrap()
}

#[test]
fn deadline_refuses_dates_outside_the_calendar() {
    let mut value = deadline_json(day(2026, 11, 27), Period::Days(14));
    value["start"] = json!("2101-01-01");
    refused::<Deadline>(&value, RestoreProblem::Invalid, "Deadline", "start");
}

#[test]
fn deadline_refuses_missing_or_foreign_counting_steps() {
    let mut value = deadline_json(day(2026, 11, 27), Period::Days(14));
    value["steps"] = json!([]);
    refused::<Deadline>(&value, RestoreProblem::Missing, "Deadline", "steps");

    let mut value = deadline_json(day(2026, 11, 27), Period::Days(14));
    value["period"] = json!("14wd");
    refused::<Deadline>(&value, RestoreProblem::Inconsistent, "Deadline", "steps[0]");

    let mut value = deadline_json(day(2026, 11, 27), Period::Days(14));
    value["steps"][0]["to"] = json!("2026-12-12");
    refused::<Deadline>(&value, RestoreProblem::Inconsistent, "Deadline", "steps[0]");

    let mut value = deadline_json(day(2026, 1, 31), Period::Months(1));
    value["steps"][0]["missing_day"] = json!(30);
    refused::<Deadline>(&value, RestoreProblem::Inconsistent, "Deadline", "steps[0]");

    let mut value = deadline_json(day(2026, 11, 30), Period::WorkingDays(3));
    value["steps"][0]["to"] = json!("2026-11-29");
    refused::<Deadline>(&value, RestoreProblem::Inconsistent, "Deadline", "steps[0]");
}

#[test]
fn deadline_refuses_a_move_that_does_not_follow_the_count() {
    // 14 days from 10 Dec 2026 end on Christmas Eve, moved to 28 Dec.
    let value = deadline_json(day(2026, 12, 10), Period::Days(14));
    assert_eq!(value["steps"][1]["reason"]["type"], "holiday");

    let mut edited = value.clone();
    edited["steps"][1]["from"] = json!("2026-12-23");
    refused::<Deadline>(
        &edited,
        RestoreProblem::Inconsistent,
        "Deadline",
        "steps[1]",
    );

    let mut edited = value.clone();
    edited["steps"][1]["reason"]["date"] = json!("2026-12-25");
    edited["steps"][1]["reason"]["name"] =
        json!({"lv": "Pirmie Ziemassvētki", "en": "Christmas Day"});
    refused::<Deadline>(
        &edited,
        RestoreProblem::Inconsistent,
        "Deadline",
        "steps[1].reason.date",
    );

    let mut edited = value.clone();
    edited["steps"][1]["reason"] = json!({"type": "saturday"});
    refused::<Deadline>(
        &edited,
        RestoreProblem::Inconsistent,
        "Deadline",
        "steps[1].reason",
    );

    let mut edited = value.clone();
    let again = edited["steps"][1].clone();
    edited["steps"].as_array_mut().unwrap().push(again);
    refused::<Deadline>(
        &edited,
        RestoreProblem::Inconsistent,
        "Deadline",
        "steps[2]",
    );

    let mut edited = value;
    edited["steps"][1] = edited["steps"][0].clone();
    refused::<Deadline>(
        &edited,
        RestoreProblem::Inconsistent,
        "Deadline",
        "steps[1]",
    );
}

#[test]
fn deadline_refuses_a_date_the_steps_do_not_reach() {
    let mut value = deadline_json(day(2026, 1, 31), Period::Months(1));
    value["date"] = json!("2026-03-03");
    refused::<Deadline>(&value, RestoreProblem::Inconsistent, "Deadline", "date");
}

// Numbers.

fn issued() -> (NumberSeries, DocumentNumber) {
    let mut series = NumberSeries::try_new(
        "invoices",
        "INV{year}-{seq:5}".parse().unwrap(),
        YearReset::EachYear,
    )
    .unwrap();
    let number = series.issue(day(2026, 3, 2)).unwrap();
    (series, number)
}

#[cfg(feature = "serde")]
#[test]
fn document_number_restores_and_the_series_still_knows_it() {
    let (series, number) = issued();
    let value = serde_json::to_value(&number).unwrap();
    assert_eq!(
        value,
        json!({"series": "invoices", "year": 2026, "sequence": 1, "text": "INV2026-00001"})
    );
    let restored: DocumentNumber = serde_json::from_value(value).unwrap();
    assert_eq!(restored, number);
    assert!(series.has_issued(&restored));
}

#[cfg(feature = "serde")]
#[test]
fn document_number_refuses_what_no_series_issues() {
    let (_, number) = issued();
    let value = serde_json::to_value(&number).unwrap();

    let mut edited = value.clone();
    edited["series"] = json!(" invoices");
    let message =
        refused::<DocumentNumber>(&edited, RestoreProblem::Invalid, "DocumentNumber", "series");
    assert!(message.contains("series id"), "{message}");

    let mut edited = value.clone();
    edited["year"] = json!(0);
    refused::<DocumentNumber>(&edited, RestoreProblem::Invalid, "DocumentNumber", "year");

    let mut edited = value.clone();
    edited["sequence"] = json!(0);
    refused::<DocumentNumber>(
        &edited,
        RestoreProblem::Inconsistent,
        "DocumentNumber",
        "sequence",
    );

    let mut edited = value.clone();
    edited["sequence"] = json!(7);
    refused::<DocumentNumber>(
        &edited,
        RestoreProblem::Inconsistent,
        "DocumentNumber",
        "text",
    );

    let mut edited = value;
    edited["text"] = json!("INV2026-\n00001");
    refused::<DocumentNumber>(
        &edited,
        RestoreProblem::Inconsistent,
        "DocumentNumber",
        "text",
    );
}

#[cfg(feature = "serde")]
#[test]
fn voided_number_refuses_a_blank_reason() {
    let (mut series, number) = issued();
    let voided = series.void(&number, "printed twice").unwrap().clone();
    let mut value = serde_json::to_value(&voided).unwrap();
    assert_eq!(
        serde_json::from_value::<VoidedNumber>(value.clone()).unwrap(),
        voided
    );
    value["reason"] = json!("  ");
    refused::<VoidedNumber>(&value, RestoreProblem::Invalid, "VoidedNumber", "reason");
    value["reason"] = json!("x");
    value["number"]["sequence"] = json!(0);
    refused::<VoidedNumber>(
        &value,
        RestoreProblem::Inconsistent,
        "DocumentNumber",
        "sequence",
    );
}

// VAT class schedules: the old one-class form, and edited lists refused.

#[cfg(feature = "serde")]
#[test]
fn vat_class_schedules_read_the_old_form_and_refuse_disorder() {
    let old: VatClassSchedule = serde_json::from_value(json!("second_reduced")).unwrap();
    assert!(old.is_constant());
    assert_eq!(serde_json::to_value(&old).unwrap(), json!("second_reduced"));
    let mut value = serde_json::to_value(VatClassSchedule::latvian_staple_food()).unwrap();
    value[2]["from"] = json!("2026-07-01");
    refused::<VatClassSchedule>(
        &value,
        RestoreProblem::Invalid,
        "VatClassSchedule",
        "[2].from",
    );
    value[2] = json!({"class": "standard"});
    refused::<VatClassSchedule>(
        &value,
        RestoreProblem::Invalid,
        "VatClassSchedule",
        "[2].from",
    );
    refused::<VatClassSchedule>(
        &json!([]),
        RestoreProblem::Invalid,
        "VatClassSchedule",
        "[]",
    );
    assert!(serde_json::from_value::<VatClassSchedule>(json!("normal")).is_err());
    assert!(
        serde_json::from_value::<VatClassSchedule>(json!([{"class": "zero", "to": "2030-01-01"}]))
            .is_err()
    );
}

// Tables and policies read back sorted.

#[cfg(feature = "serde")]
#[test]
fn vat_table_and_cash_rounding_restore_sorted() {
    let table = VatRateTable::latvia();
    let mut value = serde_json::to_value(&table).unwrap();
    value["entries"].as_array_mut().unwrap().reverse();
    let restored: VatRateTable = serde_json::from_value(value).unwrap();
    assert_eq!(restored, table);
    assert_eq!(
        restored
            .rate(apkalpe_core::VatRateClass::Standard, day(2026, 1, 1))
            .unwrap()
            .percent(),
        rust_decimal_macros::dec!(21)
    );

    let policy = CashRounding::builtin();
    let mut value = serde_json::to_value(&policy).unwrap();
    value["rules"].as_array_mut().unwrap().reverse();
    assert_eq!(
        serde_json::from_value::<CashRounding>(value).unwrap(),
        policy
    );
}

#[cfg(feature = "serde")]
#[test]
fn cash_rounding_rule_keeps_a_legal_basis_read_from_a_store() {
    let rule = CashRounding::builtin().rules()[1].clone();
    let mut value = serde_json::to_value(&rule).unwrap();
    value["legal_basis"] = json!("Likums 2027");
    let restored: CashRoundingRule = serde_json::from_value(value.clone()).unwrap();
    assert_eq!(restored.legal_basis(), "Likums 2027");
    value["rounding"]["increment"] = json!("0");
    assert!(serde_json::from_value::<CashRoundingRule>(value).is_err());
}

#[cfg(feature = "serde")]
#[test]
fn plain_records_read_back() {
    let settlement = CashRounding::builtin()
        .settle(
            apkalpe_core::CountryCode::EE,
            day(2026, 11, 27),
            apkalpe_core::Money::new(
                rust_decimal_macros::dec!(12.33),
                apkalpe_core::Currency::EUR,
            ),
            apkalpe_core::Money::new(rust_decimal_macros::dec!(2), apkalpe_core::Currency::EUR),
        )
        .unwrap();
    assert_eq!(round_trip(&settlement), settlement);
    let amounts = VatAmounts::from_net(
        apkalpe_core::Money::new(rust_decimal_macros::dec!(100), apkalpe_core::Currency::EUR),
        apkalpe_core::VatRate::try_new(rust_decimal_macros::dec!(21)).unwrap(),
        apkalpe_core::Rounding::CENTS_HALF_AWAY_FROM_ZERO,
    )
    .unwrap();
    let mut value = serde_json::to_value(amounts).unwrap();
    assert_eq!(
        serde_json::from_value::<VatAmounts>(value.clone()).unwrap(),
        amounts
    );
    value["rate"] = json!("121");
    assert!(serde_json::from_value::<VatAmounts>(value).is_err());
    let value = serde_json::to_value(&settlement).unwrap();
    let mut extra = value;
    extra["tip"] = json!("1.00");
    assert!(serde_json::from_value::<CashSettlement>(extra).is_err());
}

// The saved forms, as integrators store them.

#[cfg(feature = "serde")]
#[test]
fn saved_forms() {
    let calendar = Calendar::latvia();
    let value = serde_json::to_value(&calendar).unwrap();
    assert_eq!(value["transfer_policy"], "ignore");
    assert_eq!(
        value["festival_closing_days"],
        json!(["2018-07-08", "2023-07-09"])
    );
    snapshot("restore__calendar_latvia", &calendar);
    snapshot("restore__cash_rounding_builtin", &CashRounding::builtin());
    snapshot("restore__vat_rate_table_latvia", &VatRateTable::latvia());
    let deadline = calendar
        .deadline(day(2026, 12, 10), Period::Days(14))
        .unwrap();
    assert_eq!(deadline.date(), day(2026, 12, 28));
    snapshot("restore__deadline_christmas", &deadline);
}
