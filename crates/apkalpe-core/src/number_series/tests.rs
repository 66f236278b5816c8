use chrono::NaiveDate;

use super::*;

fn day(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

fn pattern(template: &str) -> NumberPattern {
    template.parse().unwrap()
}

fn series(template: &str, reset: YearReset) -> NumberSeries {
    NumberSeries::try_new("invoices", pattern(template), reset).unwrap()
}

#[test]
fn pattern_renders_every_token() {
    let p = pattern("A{{{year}}}-{yy}/{seq:3}");
    assert_eq!(p.render(2026, 7), "A{2026}-26/007");
    assert_eq!(p.to_string(), "A{{{year}}}-{yy}/{seq:3}");
    assert_eq!(pattern("{seq}").render(5, 123), "123");
    assert_eq!(pattern("{year}{seq}").render(5, 1), "00051");
    assert_eq!(
        pattern("{yy}{seq:10}").render(2000, u32::MAX),
        "004294967295"
    );
}

#[test]
fn pattern_max_sequence_follows_width() {
    assert_eq!(pattern("{seq:1}").max_sequence(), 9);
    assert_eq!(pattern("{seq:9}").max_sequence(), 999_999_999);
    assert_eq!(pattern("{seq:10}").max_sequence(), u32::MAX);
    assert_eq!(pattern("{seq}").max_sequence(), u32::MAX);
    assert_eq!(pattern("{seq:05}").to_string(), "{seq:5}");
}

#[test]
fn pattern_errors_name_their_position() {
    use ParseNumberPatternError as E;
    let cases: [(&str, E); 12] = [
        ("", E::MissingSequence),
        ("INV{year}", E::MissingSequence),
        ("{seq}{seq:2}", E::DuplicateSequence { position: 5 }),
        ("ā{seq", E::UnclosedToken { position: 1 }),
        ("{seq}}", E::UnmatchedClosingBrace { position: 5 }),
        (
            "{SEQ}",
            E::UnknownToken {
                position: 0,
                token: "SEQ".into(),
            },
        ),
        (
            "x{}",
            E::UnknownToken {
                position: 1,
                token: String::new(),
            },
        ),
        (
            "{seq:11}",
            E::InvalidWidth {
                position: 0,
                found: "11".into(),
            },
        ),
        (
            "{seq:+5}",
            E::InvalidWidth {
                position: 0,
                found: "+5".into(),
            },
        ),
        (
            "{seq:}",
            E::InvalidWidth {
                position: 0,
                found: String::new(),
            },
        ),
        ("{seq}\t", E::ControlCharacter { position: 5 }),
        ("{se\nq}", E::ControlCharacter { position: 3 }),
    ];
    for (template, expected) in cases {
        assert_eq!(
            template.parse::<NumberPattern>(),
            Err(expected),
            "{template:?}"
        );
    }
    let long = format!("{}{{seq}}", "A".repeat(60));
    assert_eq!(
        long.parse::<NumberPattern>(),
        Err(E::TooLong { max: 64, found: 65 })
    );
}

#[test]
fn every_pattern_error_has_a_distinct_code() {
    let codes = [
        "",
        "{seq}{seq}",
        "{",
        "}",
        "{x}",
        "{seq:0}",
        "\u{7}{seq}",
        &"x".repeat(70),
    ]
    .map(|template| template.parse::<NumberPattern>().unwrap_err().code());
    let mut unique = codes.to_vec();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), codes.len());
    assert!(codes.iter().all(|code| code.starts_with("number_pattern.")));
}

#[test]
fn issues_gapless_and_resets_each_year() {
    let mut s = series("INV{year}-{seq:5}", YearReset::EachYear);
    assert_eq!(s.issue(day(2026, 1, 1)).unwrap().as_str(), "INV2026-00001");
    assert_eq!(
        s.issue(day(2026, 12, 31)).unwrap().as_str(),
        "INV2026-00002"
    );
    // An earlier date within the current year is accepted.
    assert_eq!(s.issue(day(2026, 6, 1)).unwrap().as_str(), "INV2026-00003");
    assert_eq!(s.issue(day(2027, 1, 1)).unwrap().as_str(), "INV2027-00001");
    assert_eq!(
        s.issue(day(2026, 12, 31)),
        Err(NumberSeriesError::DateBeforeCurrentYear {
            series: "invoices".into(),
            year: 2026,
            current_year: 2027
        })
    );
    assert_eq!(s.last_issued().unwrap().as_str(), "INV2027-00001");
}

#[test]
fn never_reset_runs_on_across_years() {
    let mut s = series("{yy}-{seq}", YearReset::Never);
    assert_eq!(s.issue(day(2026, 12, 31)).unwrap().as_str(), "26-1");
    assert_eq!(s.issue(day(2028, 1, 1)).unwrap().as_str(), "28-2");
    let number = s.issue(day(2028, 1, 1)).unwrap();
    assert_eq!((number.year(), number.sequence()), (2028, 3));
}

#[test]
fn refused_issue_changes_nothing() {
    let mut s = series("{year}-{seq:1}", YearReset::Never);
    for _ in 0..9 {
        s.issue(day(2026, 1, 1)).unwrap();
    }
    let before = s.clone();
    let error = s.issue(day(2027, 1, 1)).unwrap_err();
    assert_eq!(error.code(), "number_series.sequence_exhausted");
    assert_eq!(s, before);
    assert_eq!(
        s.issue(day(2025, 1, 1)).unwrap_err().code(),
        "number_series.date_before_current_year"
    );
    assert_eq!(s, before);
}

#[test]
fn u32_overflow_is_an_error() {
    let mut s =
        NumberSeries::try_continue_from("big", pattern("{seq}"), YearReset::Never, 2026, u32::MAX)
            .unwrap();
    let error = s.issue(day(2026, 1, 1)).unwrap_err();
    assert_eq!(
        error,
        NumberSeriesError::SequenceExhausted {
            series: "big".into(),
            year: 2026,
            max: u32::MAX
        }
    );
    assert_eq!(
        s.issue(day(2027, 1, 1)).unwrap_err().code(),
        "number_series.sequence_exhausted"
    );
}

#[test]
fn year_limits() {
    let mut s = series("{year}{seq}", YearReset::EachYear);
    assert_eq!(
        s.issue(day(0, 1, 1)).unwrap_err().code(),
        "number_series.year_out_of_range"
    );
    assert_eq!(
        s.issue(day(10_000, 1, 1)).unwrap_err().code(),
        "number_series.year_out_of_range"
    );
    assert_eq!(s.issue(day(9999, 12, 31)).unwrap().as_str(), "99991");
    assert!(s.last_issued().is_some());

    let mut short = series("{yy}/{seq}", YearReset::EachYear);
    short.issue(day(2026, 1, 1)).unwrap();
    short.issue(day(2125, 1, 1)).unwrap();
    assert_eq!(
        short.issue(day(2126, 1, 1)),
        Err(NumberSeriesError::ShortYearWrapped {
            series: "invoices".into(),
            year: 2126,
            first_year: 2026
        })
    );
}

#[test]
fn ids_and_patterns_are_checked() {
    for id in ["", " kio", "kio\n", &"k".repeat(65)] {
        let error = NumberSeries::try_new(id, pattern("{seq}"), YearReset::Never).unwrap_err();
        assert_eq!(error.code(), "number_series.invalid_id", "{id:?}");
    }
    assert!(NumberSeries::try_new(&"k".repeat(64), pattern("{seq}"), YearReset::Never).is_ok());
    let error = NumberSeries::try_new("kio", pattern("KIO{seq}"), YearReset::EachYear).unwrap_err();
    assert_eq!(
        error,
        NumberSeriesError::PatternWithoutYear {
            series: "kio".into(),
            pattern: "KIO{seq}".into()
        }
    );
}

#[test]
fn void_rules() {
    let mut s = series("{year}/{seq}", YearReset::EachYear);
    let first = s.issue(day(2026, 1, 1)).unwrap();
    let mut copy = s.clone();
    let only_in_copy = copy.issue(day(2026, 1, 2)).unwrap();
    let mut other =
        NumberSeries::try_new("other", pattern("{year}/{seq}"), YearReset::EachYear).unwrap();
    let foreign = other.issue(day(2026, 1, 1)).unwrap();

    assert_eq!(
        s.void(&foreign, "x").unwrap_err().code(),
        "number_series.foreign_number"
    );
    assert_eq!(
        s.void(&only_in_copy, "x").unwrap_err().code(),
        "number_series.not_issued"
    );
    assert_eq!(
        s.void(&first, "  ").unwrap_err().code(),
        "number_series.invalid_void_reason"
    );
    assert_eq!(
        s.void(&first, &"x".repeat(501)).unwrap_err().code(),
        "number_series.invalid_void_reason"
    );
    assert!(s.voided().is_empty());
    assert_eq!(s.void(&first, "typo").unwrap().reason(), "typo");
    assert!(s.is_voided(&first));
    assert_eq!(
        s.void(&first, "again").unwrap_err().code(),
        "number_series.already_voided"
    );
    assert_eq!(s.issue(day(2026, 1, 3)).unwrap().as_str(), "2026/2");
    // An old year's number can still be voided after rollover.
    s.issue(day(2027, 1, 1)).unwrap();
    let second = DocumentNumber::from_issued("invoices", s.pattern(), 2026, 2);
    s.void(&second, "late correction").unwrap();
    assert_eq!(s.voided().len(), 2);
}

#[cfg(feature = "serde")]
#[test]
fn continue_from_takes_over_numbering() {
    let mut s = NumberSeries::try_continue_from(
        "invoices",
        pattern("INV{year}-{seq:3}"),
        YearReset::EachYear,
        2026,
        57,
    )
    .unwrap();
    let taken_over = DocumentNumber::from_issued("invoices", s.pattern(), 2026, 56);
    assert!(!s.has_issued(&taken_over));
    assert_eq!(s.last_issued().unwrap().as_str(), "INV2026-057");
    assert_eq!(s.issue(day(2026, 9, 9)).unwrap().as_str(), "INV2026-058");
    assert_eq!(s.issue(day(2027, 1, 9)).unwrap().as_str(), "INV2027-001");
    let json = serde_json::to_string(&s).unwrap();
    assert_eq!(serde_json::from_str::<NumberSeries>(&json).unwrap(), s);

    for (year, last) in [(0, 1), (2026, 1000)] {
        assert!(
            NumberSeries::try_continue_from(
                "x",
                pattern("{year}{seq:3}"),
                YearReset::Never,
                year,
                last
            )
            .is_err()
        );
    }
}

#[cfg(feature = "serde")]
#[test]
fn serde_shape_and_validation() {
    let mut s = series("INV{year}-{seq:2}", YearReset::EachYear);
    s.issue(day(2026, 1, 1)).unwrap();
    let number = s.issue(day(2026, 1, 1)).unwrap();
    s.void(&number, "spoilt").unwrap();
    let json = serde_json::to_value(&s).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "id": "invoices",
            "pattern": "INV{year}-{seq:2}",
            "year_reset": "each_year",
            "periods": [{"year": 2026, "first_sequence": 1, "last_sequence": 2}],
            "voided": [{"year": 2026, "sequence": 2, "text": "INV2026-02", "reason": "spoilt"}]
        })
    );
    assert_eq!(
        serde_json::to_value(&number).unwrap(),
        serde_json::json!({"series": "invoices", "year": 2026, "sequence": 2, "text": "INV2026-02"})
    );

    let broken = |edit: &dyn Fn(&mut serde_json::Value)| {
        let mut value = json.clone();
        edit(&mut value);
        serde_json::from_value::<NumberSeries>(value)
            .unwrap_err()
            .to_string()
    };
    let problems = [
        broken(&|v| {
            v["voided"][0]["sequence"] = 3.into();
            v["voided"][0]["text"] = "INV2026-03".into();
        }),
        broken(&|v| v["voided"][0]["text"] = "INV2026-2".into()),
        broken(&|v| v["voided"][0]["reason"] = " ".into()),
        broken(&|v| {
            let copy = v["voided"][0].clone();
            v["voided"].as_array_mut().unwrap().push(copy);
        }),
        broken(&|v| v["periods"][0]["last_sequence"] = 100.into()),
        broken(&|v| v["periods"][0]["first_sequence"] = 0.into()),
        broken(&|v| {
            let copy = v["periods"][0].clone();
            v["periods"].as_array_mut().unwrap().push(copy);
        }),
        broken(&|v| {
            let next = serde_json::json!({"year": 2027, "first_sequence": 2, "last_sequence": 2});
            v["periods"].as_array_mut().unwrap().push(next);
        }),
        broken(&|v| v["pattern"] = "INV-{seq}".into()),
        broken(&|v| v["pattern"] = "INV-{seq".into()),
        broken(&|v| v["id"] = "".into()),
        broken(&|v| v["extra"] = 1.into()),
    ];
    for problem in &problems {
        assert!(!problem.is_empty());
    }
    assert!(problems[0].contains("never issued"), "{}", problems[0]);
    assert!(problems[6].contains("not increasing"), "{}", problems[6]);
    assert!(problems[7].contains("without a gap"), "{}", problems[7]);
}
