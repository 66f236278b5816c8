//! The error catalogue of apkalpe-core: every error code, with a sample message in English
//! and Latvian, reached from public input where it can be. Codes are API: the snapshot shows
//! any rename, the test fails on a code sampled twice or a code of the source that has no
//! sample, and `docs/model/core.md` carries the same table (set `APKALPE_WRITE_DOCS=1` to
//! rewrite it after a reviewed change of the snapshot).

use std::collections::BTreeMap;

use apkalpe_core::rounding::{Rounding, RoundingStrategy};
use apkalpe_core::{
    AddressInput, Calendar, CalendarError, CashRounding, CoreError, CountryCode, CreditorReference,
    Currency, EmailAddress, HolidayName, Iban, Language, LocalizedError, LocalizedText, Money,
    NumberPattern, NumberSeries, NumberSeriesError, ParseNumberPatternError, Party,
    PartyIdentifierInput, PartyInput, Period, PersonalCode, PhoneNumber, RegistrationNumber,
    RestoreError, TextRule, TokenLetters, TokenRule, Transfer, VatCategory, VatClassSchedule,
    VatNumber, VatRate, VatRateClass, VatRateTable, WordsError, WordsOptions, YearReset,
    amount_in_words, parse_amount,
};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn eur(amount: Decimal) -> Money {
    Money::new(amount, Currency::EUR)
}

fn err<T, E: Into<CoreError>>(result: Result<T, E>) -> CoreError {
    match result {
        Ok(_) => panic!("expected an error"),
        Err(error) => error.into(),
    }
}

/// One sample per code, in the order of the modules.
fn samples() -> Vec<CoreError> {
    let calendar = Calendar::latvia();
    let policy = CashRounding::builtin();
    let mut series = NumberSeries::try_new(
        "inv",
        "INV{year}-{seq:1}".parse().unwrap(),
        YearReset::EachYear,
    )
    .unwrap();
    let mut other =
        NumberSeries::try_new("other", "O-{seq}".parse().unwrap(), YearReset::Never).unwrap();
    let first = series.issue(day(2026, 1, 5)).unwrap();
    let foreign = other.issue(day(2026, 1, 5)).unwrap();
    let mut samples = vec![
        // Money and amounts.
        err(eur(dec!(1)).checked_add(Money::new(dec!(1), Currency::USD))),
        err(eur(Decimal::MAX).checked_add(eur(dec!(1)))),
        err(eur(dec!(1)).checked_div(dec!(0))),
        err(eur(dec!(1.001)).allocate_evenly(2)),
        err(eur(dec!(1)).allocate(&[])),
        err(eur(dec!(1)).allocate(&[dec!(-1)])),
        err(eur(dec!(1)).allocate(&[dec!(0)])),
        err(parse_amount("")),
        err(parse_amount("12.3x")),
        err(parse_amount("1.")),
        err(parse_amount("12 34")),
        err(parse_amount("012")),
        err(parse_amount("12345678901234567890123456789")),
        err(Money::parse("1,234", Currency::EUR)),
        err("12.50".parse::<Money>()),
        err("12.50 LVL".parse::<Money>()),
        err(Rounding::try_new(RoundingStrategy::HalfEven, dec!(0))),
        err(Rounding::CASH_5_CENTS.apply(Decimal::MAX)),
        // Cash rounding.
        err(policy.settle_cash(CountryCode::DE, day(2026, 1, 5), eur(dec!(1)))),
        err(policy.settle_cash(
            CountryCode::EE,
            day(2026, 1, 5),
            Money::new(dec!(1), Currency::SEK),
        )),
        err(policy.settle(CountryCode::EE, day(2026, 1, 5), eur(dec!(1)), eur(dec!(2)))),
        // VAT.
        err("X".parse::<VatCategory>()),
        err(VatRate::try_new(dec!(120))),
        err("twenty".parse::<VatRate>()),
        err(VatRateTable::latvia().rate(VatRateClass::Standard, day(2010, 1, 1))),
        err(VatClassSchedule::latvian_fresh_produce().class_on(day(2017, 1, 1))),
        err(VatClassSchedule::try_new(Vec::new())),
        err("standard from 2030-01-01; reduced".parse::<VatClassSchedule>()),
        err("standard from 1 July".parse::<VatClassSchedule>()),
        // Countries, languages, texts.
        err("L1".parse::<CountryCode>()),
        err("XX".parse::<CountryCode>()),
        err("fr".parse::<Language>()),
        err(LocalizedText::try_from(std::collections::BTreeMap::new())),
        // Identifiers.
        err("16117a-19997".parse::<PersonalCode>()),
        err("161175-1999".parse::<PersonalCode>()),
        err("161175-39997".parse::<PersonalCode>()),
        err("310299-11111".parse::<PersonalCode>()),
        err("161175-19998".parse::<PersonalCode>()),
        err("4000352160x".parse::<RegistrationNumber>()),
        err("4000352160".parse::<RegistrationNumber>()),
        err("10003521600".parse::<RegistrationNumber>()),
        err("40003521601".parse::<RegistrationNumber>()),
        err("XX123456789".parse::<VatNumber>()),
        err("DE12345678".parse::<VatNumber>()),
        err("DE12345678X".parse::<VatNumber>()),
        err("LV40003521601".parse::<VatNumber>()),
        err("LV16117519998".parse::<VatNumber>()),
        err(" ".parse::<Iban>()),
        err("LV80 BANK 0000 4351 950! 1".parse::<Iban>()),
        err("ZZ80BANK0000435195001".parse::<Iban>()),
        err("LV80BANK000043519500".parse::<Iban>()),
        err("LV801ANK0000435195001".parse::<Iban>()),
        err("LV80BANK0000435195002".parse::<Iban>()),
        err("RF18-5390".parse::<CreditorReference>()),
        err("XX18539007547034".parse::<CreditorReference>()),
        err("RF1".parse::<CreditorReference>()),
        err(CreditorReference::from_payment_reference(
            "1234567890123456789012",
        )),
        err("RF18539007547035".parse::<CreditorReference>()),
        // Calendar and periods.
        err(calendar.holidays(1990)),
        err(Calendar::date(2026, 2, 30)),
        CoreError::Calendar(CalendarError::Overflow {
            date: NaiveDate::MAX,
        }),
        err(Calendar::latvia().with_festival_closing_day(day(2013, 7, 7))),
        err(Calendar::latvia().with_one_off_day_off(day(2018, 9, 24), HolidayName::new("a", "b"))),
        err(Transfer::try_new(day(2026, 1, 3), day(2026, 1, 17))),
        err(Transfer::try_new(day(2026, 1, 2), day(2026, 1, 16))),
        err("".parse::<Period>()),
        err("d".parse::<Period>()),
        err("99999999999d".parse::<Period>()),
        err("10y".parse::<Period>()),
        // Amounts in words.
        err(amount_in_words(
            &eur(dec!(1000000000000)),
            Language::Latvian,
            &WordsOptions::default(),
        )),
        err(amount_in_words(
            &eur(dec!(1.005)),
            Language::Latvian,
            &WordsOptions::default(),
        )),
        err(amount_in_words(
            &Money::new(dec!(1), Currency::SEK),
            Language::Latvian,
            &WordsOptions::default(),
        )),
        // Internal errors: bugs, never reached from input; built by hand to show the message.
        CoreError::Calendar(CalendarError::Internal {
            place: "holiday.easter_offset",
        }),
        CoreError::Words(WordsError::Internal { place: "lv.tens" }),
        // Number series and patterns.
        err("INV-".parse::<NumberPattern>()),
        err(NumberSeries::try_new(
            "y",
            "N-{seq}".parse().unwrap(),
            YearReset::EachYear,
        )),
        err(series.issue(day(2025, 12, 31))),
        err({
            series.issue(day(2026, 1, 6)).unwrap();
            (3..=9).for_each(|_| {
                series.issue(day(2026, 1, 6)).unwrap();
            });
            series.issue(day(2026, 1, 6))
        }),
        err(series.void(&foreign, "typo")),
        err({
            series.void(&first, "typo").unwrap();
            series.void(&first, "again").map(|_| ())
        }),
        // Parties.
        err(Party::try_from(PartyInput {
            kind: "organisation".into(),
            name: " ".into(),
            ..PartyInput::default()
        })),
    ];
    // Retention.
    let placed = day(2026, 5, 4);
    let hold = || apkalpe_core::LegalHold::try_new("LH-7", "strīds", placed).unwrap();
    let start = || {
        apkalpe_core::RetentionStart::on(
            apkalpe_core::RetentionEvent::RecordDate,
            NaiveDate::MAX,
            apkalpe_core::CountingRule::FromDate,
        )
    };
    samples.extend([
        err(apkalpe_core::RetentionPeriod::Years(1)
            .ends_on(NaiveDate::MAX, apkalpe_core::CountingRule::FromDate)),
        err(apkalpe_core::RetentionObligation::try_new(
            " ",
            "b",
            apkalpe_core::RetentionPeriod::Years(1),
            start(),
        )),
        err(apkalpe_core::RetentionObligation::try_new(
            &"r".repeat(201),
            "b",
            apkalpe_core::RetentionPeriod::Years(1),
            start(),
        )),
        err(apkalpe_core::LegalHold::try_new(
            "LH-7",
            "strīds\nar klientu",
            placed,
        )),
        err(apkalpe_core::RecordPart::try_new("Phones")),
        err(apkalpe_core::RetentionScope::try_parts(Vec::<&str>::new())),
        err(hold().lift(day(2026, 5, 1))),
        err(hold().lift(day(2026, 6, 1)).unwrap().lift(day(2026, 7, 1))),
        err(hold().until(day(2026, 5, 3))),
        err("".parse::<apkalpe_core::RetentionPeriod>()),
        err("ilgi".parse::<apkalpe_core::RetentionPeriod>()),
        err("5 nedēļas".parse::<apkalpe_core::RetentionPeriod>()),
    ]);
    samples.push(err("+371 2".parse::<apkalpe_core::PhoneNumber>()));
    samples.push(err("not-an-email".parse::<apkalpe_core::EmailAddress>()));
    samples
}

/// The codes `samples` does not reach through `CoreError`: text rules, the rest of number
/// series and patterns, and the fields of party data.
fn other_samples() -> Vec<Box<dyn LocalizedError>> {
    let single = TextRule::single_line(5);
    let id = TokenRule::new(32, TokenLetters::AsciiLowercase, "-_");
    let mut samples: Vec<Box<dyn LocalizedError>> = vec![
        Box::new(single.check(" \t ").unwrap_err()),
        Box::new(single.check("a\u{7}b").unwrap_err()),
        Box::new(id.check(" Riga").unwrap_err()),
        Box::new(single.check("Liepāja").unwrap_err()),
        Box::new(EmailAddress::try_new(&format!("{}@example.lv", "a".repeat(250))).unwrap_err()),
    ];
    samples.extend(
        [
            "+371 2000 0000 ext",
            "20000000",
            "+3712000",
            "+037120000000",
            "+371200000001",
        ]
        .map(|text| Box::new(PhoneNumber::try_new(text).unwrap_err()) as Box<dyn LocalizedError>),
    );
    let series = || "invoices".to_owned();
    let number = || "INV2026-00001".to_owned();
    samples.extend(
        [
            NumberSeriesError::InvalidId {
                found: " kio".into(),
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
            NumberSeriesError::NotIssued {
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
        ]
        .map(|error| Box::new(error) as Box<dyn LocalizedError>),
    );
    samples.extend(
        [
            "INV-{seq}-{seq}",
            "INV{seq",
            "INV}{seq}",
            "{month}{seq}",
            "{seq:11}",
            "A\tB{seq}",
        ]
        .map(|text| {
            Box::new(text.parse::<NumberPattern>().unwrap_err()) as Box<dyn LocalizedError>
        }),
    );
    samples.push(Box::new(ParseNumberPatternError::TooLong {
        max: 64,
        found: 70,
    }));
    for input in party_inputs() {
        let error = Party::try_from(input).unwrap_err();
        samples.extend(
            error
                .fields()
                .iter()
                .map(|field| Box::new(field.clone()) as Box<dyn LocalizedError>),
        );
    }
    samples.extend(restore_samples());
    samples
}

/// Party data with every kind of invalid field.
fn party_inputs() -> Vec<PartyInput> {
    let riga = || AddressInput {
        lines: vec!["Brīvības iela 1".into()],
        city: "Rīga".into(),
        postal_code: Some("LV-1010".into()),
        region: None,
        country: "LV".into(),
    };
    let organisation = || PartyInput {
        kind: "organisation".into(),
        name: "SIA \"Apkalpe\"".into(),
        registration_number: Some("40003521600".into()),
        vat_number: Some("LV40003521600".into()),
        address: riga(),
        ..PartyInput::default()
    };
    let identifier = |scheme: &str, value: &str| PartyIdentifierInput {
        scheme: Some(scheme.to_owned()),
        value: value.to_owned(),
    };
    vec![
        PartyInput {
            kind: "company".into(),
            name: "a\u{0}".into(),
            address: AddressInput {
                lines: vec!["a".into(), "b".into(), "c".into(), "d".into()],
                city: "x".repeat(101),
                postal_code: None,
                ..riga()
            },
            ..organisation()
        },
        PartyInput {
            name: " ".into(),
            address: AddressInput {
                lines: vec![],
                postal_code: Some("1010".into()),
                ..riga()
            },
            ..organisation()
        },
        PartyInput {
            kind: "person".into(),
            vat_number: Some("LV40103471306".into()),
            ..organisation()
        },
        PartyInput {
            personal_code: Some("161175-19997".into()),
            vat_number: Some("LV40103471306".into()),
            ..organisation()
        },
        PartyInput {
            identifiers: vec![
                identifier("EIN", "1"),
                identifier("VAT", "974760673MVA"),
                identifier("9939", "EE100247019"),
                identifier("VAT", "NO974760673MVA"),
            ],
            ..organisation()
        },
    ]
}

/// One restore error per restore code, as a state type's deserialiser builds it.
fn restore_samples() -> Vec<Box<dyn LocalizedError>> {
    let cause = Calendar::latvia().holidays(2101).unwrap_err();
    vec![
        Box::new(RestoreError::invalid(
            "Calendar",
            "one_off_days_off[0].date",
            cause,
        )),
        Box::new(RestoreError::duplicate(
            "Calendar",
            "one_off_days_off[2].date",
            day(2018, 9, 24),
        )),
        Box::new(
            RestoreError::missing(
                "Deadline",
                "steps",
                "a deadline has at least the step that counts its period",
            )
            .with_latvian_reason("termiņam ir vismaz solis, kas skaita tā periodu"),
        ),
        Box::new(
            RestoreError::inconsistent(
                "Deadline",
                "date",
                "the steps end on 2026-03-02, not on 2026-03-03",
            )
            .with_latvian_reason("soļi beidzas 2026-03-02, nevis 2026-03-03"),
        ),
    ]
}

/// Codes that are written as literals in the source but are not error codes: the places an
/// internal error names, and the one code no public input or constructor can produce.
const NOT_SAMPLED: &[&str] = &[
    // `party.internal`: a party field failed without a recorded reason, a bug the party
    // checks rule out; `FieldError` has no public constructor to show it.
    "party.internal",
];

/// Every dotted string literal of `src/` outside tests whose first part is the first part of
/// a sampled code or of a literal in a `match` arm (`=> "retention.blank"`, as every `code()`
/// writes them): the codes the source can produce, with the internal error places
/// (`calendar.not_built`) among them.
fn source_codes(prefixes: &[&str]) -> BTreeMap<String, String> {
    let files = apkalpe_testkit::source::crate_sources(env!("CARGO_MANIFEST_DIR"));
    apkalpe_testkit::source::codes_by_area(&files, prefixes)
}

/// The catalogue as a Markdown table: code, English, Latvian.
fn table(catalogue: &BTreeMap<&'static str, (String, String)>) -> String {
    apkalpe_testkit::error_catalogue::markdown_table(catalogue)
}

const DOCS: &str = "docs/model/core.md";
const BEGIN: &str =
    "<!-- error catalogue: generated by crates/apkalpe-core/tests/error_catalogue.rs -->";
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
        // Through `CoreError` and alone, the same code and messages.
        assert_eq!(LocalizedError::code(&error), code);
        let messages = (
            error.message_in(Language::English),
            error.message_in(Language::Latvian),
        );
        assert_eq!(messages.0, error.to_string());
        assert!(
            catalogue.insert(code, messages).is_none(),
            "{code} is sampled twice"
        );
    }
    for error in other_samples() {
        // Field errors share the codes of their leaf errors; the first sample stays.
        catalogue.entry(error.code()).or_insert_with(|| {
            (
                error.message_in(Language::English),
                error.message_in(Language::Latvian),
            )
        });
    }
    for (code, (english, latvian)) in &catalogue {
        assert_ne!(english, latvian, "{code} has no Latvian message");
        assert!(
            !latvian.is_empty() && !latvian.ends_with('.'),
            "{code}: {latvian}"
        );
    }
    // Every code the source can produce has a sample, and every sample a code in the source.
    let prefixes: Vec<&str> = catalogue
        .keys()
        .filter_map(|code| code.split('.').next())
        .collect();
    let in_source = source_codes(&prefixes);
    apkalpe_testkit::error_catalogue::check_coverage(
        catalogue.keys().copied(),
        &in_source,
        |code| {
            matches!(
                code,
                "calendar.not_built" | "calendar.day_off_without_reason"
            ) || NOT_SAMPLED.contains(&code)
        },
        |_| false,
    );
    // A fact example: the mistyped check digit of the facts' personal code.
    let error: CoreError = "161175-19998".parse::<PersonalCode>().unwrap_err().into();
    assert_eq!(error.code(), "personal_code.checksum");
    assert_eq!(
        error.message_in(Language::Latvian),
        "personas koda kontrolciparam jābūt 7, bet ir 8"
    );
    let table = table(&catalogue);
    insta::assert_snapshot!("error_catalogue__core", table);
    check_docs(&table);
}

/// The table in `docs/model/core.md` between the markers equals the snapshot's.
fn check_docs(table: &str) {
    apkalpe_testkit::error_catalogue::check_docs_table(
        env!("CARGO_MANIFEST_DIR"),
        DOCS,
        BEGIN,
        END,
        table,
        "apkalpe-core",
    );
}

/// One failing restore per restore code: saved values edited into an illegal state. serde
/// carries the `RestoreError` as text that starts with its code.
#[cfg(feature = "serde")]
#[test]
fn restore_codes_survive_serde() {
    fn refused<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> &'static str {
        let message = match serde_json::from_value::<T>(value) {
            Ok(_) => panic!("expected a refusal"),
            Err(error) => error.to_string(),
        };
        apkalpe_core::RestoreProblem::from_message(&message)
            .unwrap_or_else(|| panic!("not a restore error: {message}"))
            .code()
    }
    let calendar = || serde_json::to_value(Calendar::latvia()).unwrap();
    let mut twice = calendar();
    let first = twice["one_off_days_off"][0].clone();
    twice["one_off_days_off"]
        .as_array_mut()
        .unwrap()
        .push(first);
    let mut too_late = calendar();
    too_late["one_off_days_off"][0]["date"] = serde_json::json!("2101-09-24");
    let deadline = serde_json::to_value(
        Calendar::latvia()
            .deadline(day(2026, 1, 31), Period::Months(1))
            .unwrap(),
    )
    .unwrap();
    let mut no_steps = deadline.clone();
    no_steps["steps"] = serde_json::json!([]);
    let mut wrong_date = deadline;
    wrong_date["date"] = serde_json::json!("2026-03-03");
    assert_eq!(
        [
            refused::<Calendar>(too_late),
            refused::<Calendar>(twice),
            refused::<apkalpe_core::Deadline>(no_steps),
            refused::<apkalpe_core::Deadline>(wrong_date),
        ],
        [
            "restore.invalid",
            "restore.duplicate",
            "restore.missing",
            "restore.inconsistent"
        ]
    );
}
