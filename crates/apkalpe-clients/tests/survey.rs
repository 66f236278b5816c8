//! Surveys: the sample files, validation, statistics, CSV round trip, detractors.

use apkalpe_clients::{
    AggregateOptions, Answer, OptionId, QuestionDetail, QuestionId, Response, ResponseError,
    ResponseId, Segment, Survey, read_responses_csv, responses_to_csv,
};
use apkalpe_core::Language;
use proptest::prelude::*;
use rust_decimal_macros::dec;

use crate::common::fixture;

fn survey() -> Survey {
    serde_json::from_str(&fixture("survey.json")).unwrap()
}

fn responses() -> Vec<Response> {
    read_responses_csv(&survey(), fixture("responses.csv").as_bytes()).unwrap()
}

fn question(id: &str) -> QuestionId {
    QuestionId::try_new(id).unwrap()
}

#[test]
fn the_sample_responses_aggregate_to_the_expected_table() {
    let stats = survey()
        .aggregate(&responses(), &AggregateOptions::default().with_invited(40))
        .unwrap();
    assert_eq!(stats.responses(), 12);
    assert_eq!(stats.response_rate(), Some(dec!(30.00)));
    let nps = stats.question("nps").unwrap();
    let QuestionDetail::Nps {
        promoters,
        passives,
        detractors,
        score,
        summary,
    } = nps.detail()
    else {
        panic!("not nps");
    };
    // Scores 10 9 6 8 3 10 7 9 5 9 10 0: promoters 6, passives 2, detractors 4.
    assert_eq!((*promoters, *passives, *detractors), (6, 2, 4));
    assert_eq!(*score, Some(dec!(16.67)));
    assert_eq!(summary.mean(), Some(dec!(7.17)));
    assert_eq!(summary.median(), Some(dec!(8.5)));
    insta::assert_snapshot!("survey__stats_table", stats.to_string());
    let english = survey()
        .aggregate(
            &responses(),
            &AggregateOptions::default().with_language(Language::English),
        )
        .unwrap();
    insta::assert_snapshot!("survey__stats_table_en", english.to_string());
}

#[test]
fn satisfaction_statistics_by_hand() {
    // Ratings 5 4 3 4 2 5 4 5 3 4 5 1: n 12, sum 45, squares 187.
    // Mean 3.75; median (4 + 4) / 2 = 4; variance (12·187 − 45²) / (12·11) = 219 / 132.
    let stats = survey()
        .aggregate(&responses(), &AggregateOptions::default())
        .unwrap();
    let QuestionDetail::Rating { summary } = stats.question("satisfaction").unwrap().detail()
    else {
        panic!("not a rating");
    };
    assert_eq!(summary.counts(), [1, 1, 2, 4, 4]);
    assert_eq!(summary.mean(), Some(dec!(3.75)));
    assert_eq!(summary.median(), Some(dec!(4)));
    assert_eq!(summary.std_deviation(), Some(dec!(1.29)));
}

#[test]
fn validation_reports_precise_errors() {
    let survey = survey();
    let response = Response::new(ResponseId::try_new("bad").unwrap())
        .with_answer(
            question("heard"),
            Answer::Choice(OptionId::try_new("tv").unwrap()),
        )
        .with_answer(question("satisfaction"), Answer::Scale(6))
        .with_answer(question("mood"), Answer::Scale(1))
        .with_answer(
            question("channels"),
            Answer::Choices(vec![
                OptionId::try_new("phone").unwrap(),
                OptionId::try_new("phone").unwrap(),
            ]),
        );
    let errors = survey.validate(&response).unwrap_err();
    assert_eq!(
        errors,
        [
            ResponseError::UnknownOption {
                question: "heard".into(),
                option: "tv".into()
            },
            ResponseError::ValueOutOfRange {
                question: "satisfaction".into(),
                value: 6,
                min: 1,
                max: 5
            },
            ResponseError::UnknownQuestion {
                question: "mood".into()
            },
            ResponseError::RepeatedOption {
                question: "channels".into(),
                option: "phone".into()
            },
            ResponseError::MissingRequired {
                question: "nps".into()
            },
        ]
    );
    let error = survey
        .aggregate(&[response], &AggregateOptions::default())
        .unwrap_err();
    assert_eq!(error.code(), "survey.invalid_response");
}

#[test]
fn detractors_are_listed_lowest_first() {
    let responses = responses();
    let detractors = survey().detractors(&responses, &question("nps")).unwrap();
    let listed: Vec<(&str, u8)> = detractors
        .iter()
        .map(|detractor| (detractor.response().as_str(), detractor.score()))
        .collect();
    assert_eq!(listed, [("r12", 0), ("r05", 3), ("r09", 5), ("r03", 6)]);
    assert_eq!(
        survey()
            .detractors(&responses, &question("satisfaction"))
            .unwrap_err()
            .code(),
        "survey.question_kind"
    );
}

#[test]
fn csv_round_trips() {
    let responses = responses();
    let text = responses_to_csv(&responses);
    assert_eq!(
        read_responses_csv(&survey(), text.as_bytes()).unwrap(),
        responses
    );
    assert!(text.contains(
        "r09,00000000-0000-0000-0000-000000000009,wholesale,comment,\"\"\"Piegāde\"\" kavējās\""
    ));
}

#[test]
fn csv_errors_name_the_line() {
    let survey = survey();
    let cases = [
        (
            "response_id,client_id,segment,question_id,answer\nr1,,,nps,ten\n",
            "responses_csv.field",
        ),
        (
            "response_id,client_id,segment,question_id,answer\nr1,,,mood,1\n",
            "responses_csv.field",
        ),
        (
            "response_id,client_id,segment,question_id,answer\nr1,,,nps\n",
            "responses_csv.columns",
        ),
        (
            "response_id,client_id,segment,question_id,answer\nr1,,a,nps,1\nr1,,b,heard,web\n",
            "responses_csv.inconsistent",
        ),
        (
            "response_id,client_id,segment,question_id,answer\nr1,,,nps,1\nr1,,,nps,2\n",
            "responses_csv.duplicate_answer",
        ),
        (
            "response_id,client_id,segment,question_id,answer\nr1,xyz,,nps,1\n",
            "responses_csv.field",
        ),
        ("", "responses_csv.header"),
    ];
    for (text, code) in cases {
        assert_eq!(
            read_responses_csv(&survey, text.as_bytes())
                .unwrap_err()
                .code(),
            code,
            "{text}"
        );
    }
}

fn arbitrary_response(index: usize) -> impl Strategy<Value = Response> {
    (
        prop::option::of(0_usize..4),
        prop::option::of(proptest::sample::subsequence(
            vec!["visit", "phone", "email", "chat"],
            0..=4,
        )),
        1_u8..=5,
        0_u8..=10,
        prop::option::of(proptest::sample::select(vec!["retail", "wholesale"])),
    )
        .prop_map(move |(heard, channels, rating, nps, segment)| {
            let options = ["web", "friend", "ad", "other"];
            let mut response = Response::new(ResponseId::try_new(&format!("r{index}")).unwrap())
                .with_answer(
                    QuestionId::try_new("satisfaction").unwrap(),
                    Answer::Scale(rating),
                )
                .with_answer(QuestionId::try_new("nps").unwrap(), Answer::Scale(nps))
                .with_answer(
                    QuestionId::try_new("heard").unwrap(),
                    Answer::Choice(OptionId::try_new(options[heard.unwrap_or(0)]).unwrap()),
                );
            if let Some(channels) = channels {
                response = response.with_answer(
                    QuestionId::try_new("channels").unwrap(),
                    Answer::Choices(
                        channels
                            .iter()
                            .map(|c| OptionId::try_new(c).unwrap())
                            .collect(),
                    ),
                );
            }
            if let Some(segment) = segment {
                response = response.with_segment(Segment::try_new(segment).unwrap());
            }
            response
        })
}

fn arbitrary_responses() -> impl Strategy<Value = Vec<Response>> {
    (0_usize..40).prop_flat_map(|count| (0..count).map(arbitrary_response).collect::<Vec<_>>())
}

proptest! {
    #[test]
    fn survey_counts_always_sum_to_the_responses(responses in arbitrary_responses()) {
        let stats = survey().aggregate(&responses, &AggregateOptions::default()).unwrap();
        let total = responses.len() as u64;
        prop_assert_eq!(stats.responses(), total);
        for question in stats.questions() {
            prop_assert_eq!(question.answered() + question.skipped(), total);
            match question.detail() {
                QuestionDetail::Choice { options } if question.question().as_str() == "heard" => {
                    prop_assert_eq!(options.iter().map(|o| o.count()).sum::<u64>(), question.answered());
                }
                QuestionDetail::Rating { summary } => {
                    prop_assert_eq!(summary.counts().iter().sum::<u64>(), question.answered());
                }
                QuestionDetail::Nps { promoters, passives, detractors, summary, .. } => {
                    prop_assert_eq!(promoters + passives + detractors, question.answered());
                    prop_assert_eq!(summary.counts().iter().sum::<u64>(), question.answered());
                }
                _ => {}
            }
        }
        prop_assert_eq!(stats.segments().iter().map(|s| s.responses()).sum::<u64>(), total);
        let text = responses_to_csv(&responses);
        prop_assert_eq!(read_responses_csv(&survey(), text.as_bytes()).unwrap(), responses);
    }

    #[test]
    fn reading_responses_never_panics(text in "(response_id,client_id,segment,question_id,answer\n)?[a-z0-9,|\"\n-]{0,200}") {
        let _ = read_responses_csv(&survey(), text.as_bytes());
    }

    #[test]
    fn survey_json_never_panics(text in ".{0,200}") {
        let _ = serde_json::from_str::<Survey>(&text);
    }
}
