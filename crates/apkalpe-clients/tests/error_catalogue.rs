//! The error catalogue of apkalpe-clients: one sample of every code the crate defines, reached
//! from public input and passed through `ClientsError`, with its message in English and
//! Latvian. Codes are API: the snapshot shows any rename, the test fails on a code sampled
//! twice or a code of the source that has no sample, and `docs/model/clients.md` §8 carries
//! the same table (set `APKALPE_WRITE_DOCS=1` to rewrite it after a reviewed change of the
//! snapshot).

use std::collections::BTreeMap;

use apkalpe_clients::{
    AggregateOptions, Answer, BudgetRange, ClientChange, ClientDetails, ClientId, ClientsError,
    Consent, FollowUp, FollowUpId, LegalBasis, Need, NeedError, NeedId, Person, Purpose,
    QuestionId, RegisterError, RegisterFile, Response, ResponseId, Sku, StaffMember, Survey, Tag,
    read_responses_csv,
};
use apkalpe_core::{Currency, Language, LocalizedError, Money, RestoreError};
use rust_decimal_macros::dec;
use uuid::Uuid;

use crate::common::{at, date, id, registry_with_anna, staff};

fn err<T, E: Into<ClientsError>>(result: Result<T, E>) -> ClientsError {
    match result {
        Ok(_) => panic!("expected an error"),
        Err(error) => error.into(),
    }
}

/// One sample per code, through `ClientsError`, in the order of the modules.
fn samples() -> Vec<ClientsError> {
    let (mut registry, anna) = registry_with_anna();
    let eur = |amount| Money::new(amount, Currency::EUR);
    let nps_survey: Survey = serde_json::from_str(
        r#"{"id": "s", "title": {"en": "S"}, "questions": [
            {"id": "nps", "text": {"en": "N"}, "required": true, "kind": {"type": "nps"}},
            {"id": "c", "text": {"en": "C"}, "kind": {"type": "multiple_choice", "options": [
                {"id": "a", "text": {"en": "A"}}, {"id": "b", "text": {"en": "B"}}]}}]}"#,
    )
    .unwrap();
    let q = |id: &str| QuestionId::try_new(id).unwrap();
    let response = |answer: (&str, Answer)| {
        Response::new(ResponseId::try_new("r1").unwrap())
            .with_answer(q("nps"), Answer::Scale(5))
            .with_answer(q(answer.0), answer.1)
    };
    let first_error = |response: Response| -> ClientsError {
        nps_survey.validate(&response).unwrap_err().remove(0).into()
    };
    let question = |id: &str, kind: &str| {
        format!(r#"{{"id": "{id}", "text": {{"en": "Q"}}, "kind": {kind}}}"#)
    };
    let build = |questions: Vec<String>| -> ClientsError {
        let questions: Vec<apkalpe_clients::Question> =
            serde_json::from_str(&format!("[{}]", questions.join(","))).unwrap();
        err(Survey::try_new(
            apkalpe_clients::SurveyId::try_new("s").unwrap(),
            apkalpe_core::LocalizedText::new(apkalpe_core::Language::English, "S"),
            questions,
        ))
    };
    let mut need =
        Need::try_new(NeedId::new(Uuid::from_u128(9)), anna, "chairs", at(27, 9)).unwrap();
    need.decline(at(27, 9)).unwrap();
    let csv = |text: &str| err(read_responses_csv(&nps_survey, text.as_bytes()));
    let header = "response_id,client_id,segment,question_id,answer\n";
    let mut consent = Consent::new(Purpose::Surveys, LegalBasis::Consent, at(27, 9));
    consent.withdraw(at(27, 10)).unwrap();
    let organisation = registry
        .register(
            id(7),
            ClientDetails::organisation(apkalpe_clients::Organisation::try_new("A").unwrap()),
            at(27, 9),
        )
        .unwrap()
        .id();
    let peteris = registry
        .register(
            id(6),
            ClientDetails::person(Person::try_new("Pēteris", "Kalns").unwrap()),
            at(27, 9),
        )
        .unwrap()
        .id();
    let samples: Vec<ClientsError> = vec![
        err(StaffMember::try_new("")),
        err(StaffMember::try_new(&"x".repeat(101))),
        err(Need::try_new(
            NeedId::new(Uuid::from_u128(1)),
            anna,
            "a\u{1}",
            at(27, 9),
        )),
        err(Tag::try_new("")),
        err(Tag::try_new(&"x".repeat(65))),
        err(Sku::try_new("A B")),
        err(registry.update(
            ClientId::new(Uuid::from_u128(99)),
            vec![],
            &staff(),
            at(27, 9),
        )),
        err(registry.register(
            anna,
            ClientDetails::person(Person::try_new("Jānis", "Ozols").unwrap()),
            at(27, 9),
        )),
        err(registry.register(
            id(8),
            ClientDetails::person(
                Person::try_new("Jānis", "Ozols")
                    .unwrap()
                    .with_personal_code("161175-19997".parse().unwrap()),
            ),
            at(27, 9),
        )),
        err(registry.update(
            peteris,
            vec![ClientChange::PersonalCode(Some(
                "161175-19997".parse().unwrap(),
            ))],
            &staff(),
            at(27, 9),
        )),
        err(registry.update(
            organisation,
            vec![ClientChange::PersonalCode(Some(
                "161175-19997".parse().unwrap(),
            ))],
            &staff(),
            at(27, 9),
        )),
        err(registry.merge(anna, anna, &staff(), at(27, 9))),
        err(registry.merge(anna, organisation, &staff(), at(27, 9))),
        err(BudgetRange::try_new(None, None)),
        err(BudgetRange::try_new(Some(eur(dec!(-1))), None)),
        err(BudgetRange::try_new(
            Some(eur(dec!(1))),
            Some(Money::new(dec!(2), Currency::USD)),
        )),
        err(BudgetRange::try_new(Some(eur(dec!(5))), Some(eur(dec!(2))))),
        err(
            Need::try_new(NeedId::new(Uuid::from_u128(1)), anna, "chairs", at(27, 9))
                .unwrap()
                .with_quantity(dec!(0)),
        ),
        err(need.clone().offer(vec![], at(27, 9))),
        err(need.accept(at(27, 9))),
        err(consent.withdraw(at(27, 11))),
        err(Consent::new(Purpose::Surveys, LegalBasis::Consent, at(27, 9)).withdraw(at(26, 9))),
        err(registry.withdraw_consent(anna, Purpose::PhoneCalls, at(27, 9))),
        err(registry.erase(organisation, &[], date(2026, 11, 27), at(27, 9))),
        err(RegisterFile::from_reader("regcode;name\n".as_bytes())),
        ClientsError::from(RegisterError::Io {
            kind: std::io::ErrorKind::UnexpectedEof,
        }),
        ClientsError::from(RegisterError::TooLarge),
        ClientsError::from(RegisterError::Unavailable {
            register: "lursoft".to_owned(),
        }),
        build(vec![]),
        build(vec![
            question("a", r#"{"type": "nps"}"#),
            question("a", r#"{"type": "nps"}"#),
        ]),
        build(vec![question(
            "a",
            r#"{"type": "single_choice", "options": [{"id": "a", "text": {"en": "A"}}, {"id": "a", "text": {"en": "A"}}]}"#,
        )]),
        build(vec![question(
            "a",
            r#"{"type": "single_choice", "options": [{"id": "a", "text": {"en": "A"}}]}"#,
        )]),
        build(vec![question("a", r#"{"type": "rating", "scale": 11}"#)]),
        err(nps_survey.aggregate(
            &[Response::new(ResponseId::try_new("r1").unwrap())],
            &AggregateOptions::default(),
        )),
        err(nps_survey.detractors(&[], &q("x"))),
        err(nps_survey.detractors(&[], &q("c"))),
        first_error(response(("x", Answer::Scale(1)))),
        first_error(response((
            "c",
            Answer::Choice(apkalpe_clients::OptionId::try_new("z").unwrap()),
        ))),
        first_error(response((
            "c",
            Answer::Choices(vec![apkalpe_clients::OptionId::try_new("a").unwrap(); 2]),
        ))),
        first_error(response(("nps", Answer::Scale(11)))),
        first_error(response(("c", Answer::Scale(1)))),
        first_error(Response::new(ResponseId::try_new("r1").unwrap())),
        csv("id\n"),
        csv(&format!("{header}r1,,,nps\n")),
        csv(&format!("{header}r1,,,nps,x\n")),
        csv(&format!("{header}r1,,,nps,1\nr1,,,nps,2\n")),
        csv(&format!("{header}r1,,a,nps,1\nr1,,b,c,a\n")),
        ClientsError::from(apkalpe_clients::ResponsesCsvError::Encoding { line: 2 }),
        ClientsError::from(apkalpe_clients::ResponsesCsvError::Io {
            kind: std::io::ErrorKind::UnexpectedEof,
        }),
    ];
    registry
        .erase(anna, &[], date(2026, 11, 27), at(27, 12))
        .unwrap();
    let mut samples = samples;
    samples.push(err(registry.update(anna, vec![], &staff(), at(27, 13))));
    samples.push(err(registry.erase(
        anna,
        &[],
        date(2026, 11, 27),
        at(27, 13),
    )));
    registry
        .add_follow_up(
            FollowUp::try_new(
                FollowUpId::new(Uuid::from_u128(2)),
                organisation,
                "call",
                date(2026, 12, 1),
                staff(),
            )
            .unwrap(),
        )
        .unwrap();
    registry
        .complete_follow_up(FollowUpId::new(Uuid::from_u128(2)), at(27, 9))
        .unwrap();
    samples.push(err(
        registry.complete_follow_up(FollowUpId::new(Uuid::from_u128(2)), at(27, 9))
    ));
    // Restore refusals (issue 13), each the very message serde reports for an edited value.
    let restored = |sample: RestoreError, serde_message: String| -> ClientsError {
        assert_eq!(serde_message, sample.to_string());
        sample.into()
    };
    let need = serde_json::to_value(
        Need::try_new(NeedId::new(Uuid::from_u128(1)), anna, "chairs", at(27, 9)).unwrap(),
    )
    .unwrap();
    let mut zero = need.clone();
    zero["quantity"] = serde_json::json!("0");
    samples.push(restored(
        RestoreError::invalid(
            "Need",
            "quantity",
            NeedError::QuantityNotPositive { found: dec!(0) },
        ),
        serde_json::from_value::<Need>(zero)
            .unwrap_err()
            .to_string(),
    ));
    let client = serde_json::to_value(registry.get(organisation).unwrap()).unwrap();
    let mut twice = client.clone();
    twice["emails"] = serde_json::json!(["info@example.lv", "info@example.lv"]);
    samples.push(restored(
        RestoreError::duplicate("Client", "emails[1]", "info@example.lv"),
        serde_json::from_value::<apkalpe_clients::Client>(twice)
            .unwrap_err()
            .to_string(),
    ));
    let mut no_hold = serde_json::json!({"field": "name", "holds": []});
    samples.push(restored(
        RestoreError::missing(
            "KeptField",
            "holds",
            "a field is kept only by a retention hold",
        )
        .with_latvian_reason("lauku saglabā tikai glabāšanas pamats"),
        serde_json::from_value::<apkalpe_clients::KeptField>(no_hold.take())
            .unwrap_err()
            .to_string(),
    ));
    let mut lapsed = need;
    lapsed["status"] = serde_json::json!({"state": "lapsed", "on": "2026-12-01"});
    samples.push(restored(
        RestoreError::inconsistent(
            "Need",
            "status.on",
            "a need lapses only after its needed-by date has passed",
        )
        .with_latvian_reason(
            "vajadzība noveco tikai pēc tam, kad pagājis datums, līdz kuram tā vajadzīga",
        ),
        serde_json::from_value::<Need>(lapsed)
            .unwrap_err()
            .to_string(),
    ));
    samples
}

/// The codes `samples` does not reach through `ClientsError`: the rows of a commercial
/// register file, which loading reports one by one and skips.
fn other_samples() -> Vec<Box<dyn LocalizedError>> {
    let mut file = b"regcode;name;type;registered;terminated;closed\n\
        40003521600;SIA A;SIA;;;\n\
        40003521600;SIA A;SIA;;;\n\
        123;SIA B;SIA;;;\n\
        40103471306;SIA C;SIA;2001-02-30;;\n\
        50003052451;SIA D\n"
        .to_vec();
    file.extend_from_slice(b"40003016624;SIA \xff;SIA;;;\n");
    let loaded = RegisterFile::from_reader(file.as_slice()).unwrap();
    loaded
        .row_errors()
        .iter()
        .map(|error| Box::new(error.clone()) as Box<dyn LocalizedError>)
        .collect()
}

/// Codes that are written as literals in the source but are not error codes of the crate:
/// the leaf codes a responses CSV field names, and the words of other dotted texts.
const NOT_SAMPLED: &[&str] = &[];

/// Every dotted string literal of `src/` outside tests whose first part is the first part of
/// a sampled code: the codes the source can produce.
fn source_codes(prefixes: &[&str]) -> BTreeMap<String, String> {
    let files = apkalpe_testkit::source::crate_sources(env!("CARGO_MANIFEST_DIR"));
    apkalpe_testkit::source::codes_by_area(&files, prefixes)
}

/// The catalogue as a Markdown table: code, English, Latvian.
fn table(catalogue: &BTreeMap<&'static str, (String, String)>) -> String {
    apkalpe_testkit::error_catalogue::markdown_table(catalogue)
}

const DOCS: &str = "docs/model/clients.md";
const BEGIN: &str =
    "<!-- error catalogue: generated by crates/apkalpe-clients/tests/error_catalogue.rs -->";
const END: &str = "<!-- end of error catalogue -->";

#[test]
fn error_catalogue() {
    let mut catalogue: BTreeMap<&'static str, (String, String)> = BTreeMap::new();
    for error in samples() {
        let code = error.code();
        assert!(
            code.split('.').count() == 2
                && code
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '_' || c == '.'),
            "{code} is not dotted snake_case"
        );
        // Through `ClientsError`, the trait and the type's own method agree.
        assert_eq!(LocalizedError::code(&error), code);
        let messages = (
            error.message_in(Language::English),
            error.message_in(Language::Latvian),
        );
        assert_eq!(messages.0, error.to_string());
        assert_eq!(error.message_in(Language::German), messages.0);
        assert!(
            catalogue.insert(code, messages).is_none(),
            "{code} is sampled twice"
        );
    }
    for error in other_samples() {
        let messages = (
            error.message_in(Language::English),
            error.message_in(Language::Latvian),
        );
        assert!(
            catalogue.insert(error.code(), messages).is_none(),
            "{} is sampled twice",
            error.code()
        );
    }
    for (code, (english, latvian)) in &catalogue {
        assert_ne!(english, latvian, "{code} has no Latvian message");
        assert!(
            !latvian.is_empty() && !latvian.ends_with('.'),
            "{code}: {latvian}"
        );
    }
    // Every code the source can produce has a sample, and every sample a code in the source
    // (core's `restore.*` codes are written in core).
    let prefixes: Vec<&str> = catalogue
        .keys()
        .filter_map(|code| code.split('.').next())
        .collect();
    let in_source = source_codes(&prefixes);
    apkalpe_testkit::error_catalogue::check_coverage(
        catalogue.keys().copied(),
        &in_source,
        |code| NOT_SAMPLED.contains(&code),
        |code| code.starts_with("restore."),
    );
    let table = table(&catalogue);
    insta::assert_snapshot!("error_catalogue__clients", table);
    check_docs(&table);
}

/// The table in `docs/model/clients.md` between the markers equals the snapshot's.
fn check_docs(table: &str) {
    apkalpe_testkit::error_catalogue::check_docs_table(
        env!("CARGO_MANIFEST_DIR"),
        DOCS,
        BEGIN,
        END,
        table,
        "apkalpe-clients",
    );
}

/// A crate error boxed as `dyn Error` elsewhere keeps its code and both messages through
/// `downcast_error`, alone and inside `ClientsError`.
#[test]
fn boxed_errors_keep_their_code() {
    use apkalpe_core::find_localized;
    let tag = Tag::try_new("").unwrap_err();
    let boxed: Box<dyn std::error::Error + Send + Sync> = Box::new(tag.clone());
    let found = find_localized(&*boxed, &[apkalpe_clients::downcast_error]).unwrap();
    assert_eq!(found.code(), "token.blank");
    assert_eq!(
        found.message_in(Language::Latvian),
        "laukā „birka” nav teksta"
    );
    let wrapped: Box<dyn std::error::Error> = Box::new(ClientsError::from(tag));
    let found = find_localized(&*wrapped, &[apkalpe_clients::downcast_error]).unwrap();
    assert_eq!(found.code(), "token.blank");
    // A core error on its own is core's to recognise.
    let core: Box<dyn std::error::Error> = Box::new(
        "161175-19998"
            .parse::<apkalpe_core::PersonalCode>()
            .unwrap_err(),
    );
    assert!(find_localized(&*core, &[apkalpe_clients::downcast_error]).is_none());
    let both = [
        apkalpe_clients::downcast_error,
        apkalpe_core::downcast_error,
    ];
    assert_eq!(
        find_localized(&*core, &both).map(|e| e.code()),
        Some("personal_code.checksum")
    );
    // Counts agree with their nouns in Latvian.
    let error = StaffMember::try_new(&"x".repeat(101)).unwrap_err();
    assert_eq!(
        error.message_in(Language::Latvian),
        "laukā „darbinieks” ir 101 rakstzīme, atļauts ne vairāk kā 100"
    );
}
