//! Number series: gapless issue, voiding, year rollover and the serialised state.

// clippy.toml allows these inside `#[test]` functions only; the helpers and proptest bodies
// below are test code too, working on known-good fixtures.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::collections::HashSet;

use apkalpe_core::{
    DocumentNumber, NumberPattern, NumberSeries, NumberSeriesError, ParseNumberPatternError,
    YearReset,
};
use chrono::NaiveDate;
use proptest::prelude::*;

fn date(year: i32, ordinal: u32) -> NaiveDate {
    NaiveDate::from_yo_opt(year, ordinal).unwrap()
}

/// Runs a snapshot assertion under its explicit `<subject>__<case>` name (no module prefix).
fn snapshot(assertion: impl FnOnce()) {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(assertion);
}

fn invoices(reset: YearReset) -> NumberSeries {
    NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse().unwrap(), reset).unwrap()
}

fn reset() -> impl Strategy<Value = YearReset> {
    prop_oneof![Just(YearReset::EachYear), Just(YearReset::Never)]
}

/// One step applied to a series.
#[derive(Debug, Clone)]
enum Step {
    /// Issue with a date `years` after 2026 (0–2), day `ordinal` of the year.
    Issue { years: i32, ordinal: u32 },
    /// Void the issued number at this index (modulo the count issued), if any.
    Void { index: usize },
    /// Serialise the series to JSON and read it back.
    RoundTrip,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => (0..3_i32, 1..=365_u32).prop_map(|(years, ordinal)| Step::Issue { years, ordinal }),
        2 => any::<usize>().prop_map(|index| Step::Void { index }),
        1 => Just(Step::RoundTrip),
    ]
}

/// Runs steps; `voiding` and `round_trips` switch those steps on (round trips need serde).
/// Returns every issue result.
#[cfg_attr(not(feature = "serde"), allow(unused_variables))]
fn run(
    series: &mut NumberSeries,
    steps: &[Step],
    voiding: bool,
    round_trips: bool,
) -> Vec<Result<DocumentNumber, NumberSeriesError>> {
    let mut issued: Vec<DocumentNumber> = Vec::new();
    let mut results = Vec::new();
    for step in steps {
        match step {
            Step::Issue { years, ordinal } => {
                let result = series.issue(date(2026 + years, *ordinal));
                if let Ok(number) = &result {
                    issued.push(number.clone());
                }
                results.push(result);
            }
            Step::Void { index } if voiding && !issued.is_empty() => {
                let number = &issued[index % issued.len()];
                let was_voided = series.is_voided(number);
                let outcome = series.void(number, "spoilt form");
                assert_eq!(outcome.is_err(), was_voided);
            }
            #[cfg(feature = "serde")]
            Step::RoundTrip if round_trips => {
                let json = serde_json::to_string(&*series).unwrap();
                let back: NumberSeries = serde_json::from_str(&json).unwrap();
                assert_eq!(&back, series);
                *series = back;
            }
            _ => {}
        }
    }
    results
}

proptest! {
    #[test]
    fn issuing_n_numbers_gives_1_to_n(count in 1..400_usize, ordinal in 1..=365_u32, reset in reset()) {
        let mut series = invoices(reset);
        let mut texts = HashSet::new();
        for expected in 1..=count {
            let number = series.issue(date(2026, ordinal)).unwrap();
            prop_assert_eq!(usize::try_from(number.sequence()).unwrap(), expected);
            prop_assert_eq!(number.year(), 2026);
            prop_assert!(texts.insert(number.to_string()));
        }
        prop_assert_eq!(texts.len(), count);
        prop_assert_eq!(series.last_issued().map(|n| n.sequence()), u32::try_from(count).ok());
    }

    #[test]
    fn voiding_never_changes_what_is_issued_next(steps in prop::collection::vec(step(), 0..80), reset in reset()) {
        let mut plain = invoices(reset);
        let mut with_voids = invoices(reset);
        let expected = run(&mut plain, &steps, false, false);
        let actual = run(&mut with_voids, &steps, true, false);
        prop_assert_eq!(actual, expected);
        prop_assert_eq!(plain.last_issued(), with_voids.last_issued());
        prop_assert!(with_voids.voided().iter().all(|v| with_voids.has_issued(v.number())));
    }

    #[test]
    fn round_trip_then_continue_gives_the_same_numbers(steps in prop::collection::vec(step(), 0..80), reset in reset()) {
        let mut plain = invoices(reset);
        let mut stored = invoices(reset);
        let expected = run(&mut plain, &steps, true, false);
        let actual = run(&mut stored, &steps, true, true);
        prop_assert_eq!(actual, expected);
        prop_assert_eq!(plain, stored);
    }

    #[test]
    fn rollover_restarts_at_1_and_never_reuses_a_number(
        dates in prop::collection::vec((0..4_i32, 1..=365_u32), 1..120),
        reset in reset(),
    ) {
        let mut series = invoices(reset);
        let mut pairs = HashSet::new();
        let mut texts = HashSet::new();
        let mut previous: Option<DocumentNumber> = None;
        for (years, ordinal) in dates {
            let year = 2026 + years;
            match series.issue(date(year, ordinal)) {
                Ok(number) => {
                    prop_assert!(pairs.insert((number.year(), number.sequence())));
                    prop_assert!(texts.insert(number.to_string()));
                    let expected = match (&previous, reset) {
                        (None, _) => 1,
                        (Some(last), YearReset::EachYear) if last.year() < year => 1,
                        (Some(last), _) => last.sequence() + 1,
                    };
                    prop_assert_eq!(number.sequence(), expected);
                    previous = Some(number);
                }
                Err(error) => {
                    let current = previous.as_ref().map(DocumentNumber::year);
                    prop_assert_eq!(error, NumberSeriesError::DateBeforeCurrentYear {
                        series: "invoices".to_owned(),
                        year,
                        current_year: current.unwrap(),
                    });
                }
            }
        }
    }

    #[test]
    fn pattern_parse_never_panics(text in any::<String>()) {
        let _ = text.parse::<NumberPattern>();
    }

    #[test]
    fn pattern_parse_print_parse_is_stable(text in "[{}A-z0-9:/-]{0,24}") {
        if let Ok(pattern) = text.parse::<NumberPattern>() {
            let printed = pattern.to_string();
            prop_assert_eq!(printed.parse::<NumberPattern>(), Ok(pattern));
        }
    }

    #[test]
    fn token_shaped_patterns_never_panic(parts in prop::collection::vec(
        prop_oneof![
            Just("{seq}".to_owned()), Just("{year}".to_owned()), Just("{yy}".to_owned()),
            Just("{{".to_owned()), Just("}}".to_owned()), Just("{".to_owned()), Just("}".to_owned()),
            (0..30_u32).prop_map(|width| format!("{{seq:{width}}}")),
            "[A-Z/-]{1,3}",
        ],
        0..8,
    )) {
        let template = parts.concat();
        if let Ok(pattern) = template.parse::<NumberPattern>() {
            prop_assert_eq!(pattern.to_string().parse::<NumberPattern>(), Ok(pattern.clone()));
            let mut series = NumberSeries::try_new("s", pattern, YearReset::Never).unwrap();
            prop_assert!(series.issue(date(2026, 1)).is_ok());
        }
    }
}

#[test]
fn kio_and_kizo_are_separate_series() {
    let mut kio =
        NumberSeries::try_new("kio", "KIO-{seq}".parse().unwrap(), YearReset::Never).unwrap();
    let mut kizo =
        NumberSeries::try_new("kizo", "KIzO-{seq}".parse().unwrap(), YearReset::Never).unwrap();
    let day = date(2026, 40);
    assert_eq!(kio.issue(day).unwrap().as_str(), "KIO-1");
    assert_eq!(kio.issue(day).unwrap().as_str(), "KIO-2");
    assert_eq!(kizo.issue(day).unwrap().as_str(), "KIzO-1");
    let receipt = kio.issue(day).unwrap();
    assert_eq!(
        kizo.void(&receipt, "wrong book").unwrap_err().code(),
        "number_series.foreign_number"
    );
}

#[cfg(feature = "serde")]
#[test]
fn serialised_series_snapshot() {
    let mut series = invoices(YearReset::EachYear);
    series.issue(date(2026, 364)).unwrap();
    let spoilt = series.issue(date(2026, 365)).unwrap();
    series
        .void(&spoilt, "customer cancelled before delivery")
        .unwrap();
    series.issue(date(2027, 2)).unwrap();
    assert_eq!(series.last_issued().unwrap().as_str(), "INV2027-00001");
    snapshot(|| insta::assert_json_snapshot!("number_series__state", series));
}

#[test]
fn error_catalogue() {
    let series = || "invoices".to_owned();
    let number = || "INV2026-00001".to_owned();
    let series_errors = [
        NumberSeriesError::InvalidId {
            found: " kio".into(),
        },
        NumberSeriesError::PatternWithoutYear {
            series: series(),
            pattern: "INV-{seq}".into(),
        },
        NumberSeriesError::DateBeforeCurrentYear {
            series: series(),
            year: 2026,
            current_year: 2027,
        },
        NumberSeriesError::YearOutOfRange {
            series: series(),
            year: 10_000,
        },
        NumberSeriesError::ShortYearWrapped {
            series: series(),
            year: 2126,
            first_year: 2026,
        },
        NumberSeriesError::SequenceExhausted {
            series: series(),
            year: 2026,
            max: 99_999,
        },
        NumberSeriesError::ForeignNumber {
            series: series(),
            number_series: "kio".into(),
            number: "KIO-1".into(),
        },
        NumberSeriesError::NotIssued {
            series: series(),
            number: number(),
        },
        NumberSeriesError::AlreadyVoided {
            series: series(),
            number: number(),
        },
        NumberSeriesError::InvalidVoidReason {
            series: series(),
            number: number(),
        },
        NumberSeriesError::InvalidState {
            series: series(),
            problem: "period years are not increasing",
        },
    ];
    let pattern_errors = [
        ParseNumberPatternError::MissingSequence,
        ParseNumberPatternError::DuplicateSequence { position: 5 },
        ParseNumberPatternError::UnclosedToken { position: 3 },
        ParseNumberPatternError::UnmatchedClosingBrace { position: 5 },
        ParseNumberPatternError::UnknownToken {
            position: 0,
            token: "month".into(),
        },
        ParseNumberPatternError::InvalidWidth {
            position: 0,
            found: "11".into(),
        },
        ParseNumberPatternError::ControlCharacter { position: 2 },
        ParseNumberPatternError::TooLong { max: 64, found: 70 },
    ];
    let lines: Vec<String> = series_errors
        .iter()
        .map(|error| format!("{}\t{error}", error.code()))
        .chain(
            pattern_errors
                .iter()
                .map(|error| format!("{}\t{error}", error.code())),
        )
        .collect();
    let codes: HashSet<&str> = lines
        .iter()
        .filter_map(|line| line.split('\t').next())
        .collect();
    assert_eq!(codes.len(), lines.len(), "codes are unique");
    assert_eq!(
        series_errors[2].to_string(),
        "series invoices is numbering year 2027, cannot issue for 2026"
    );
    snapshot(|| insta::assert_snapshot!("number_series__error_catalogue", lines.join("\n")));
}
