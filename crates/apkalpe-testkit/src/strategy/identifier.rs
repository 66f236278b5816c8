//! Strategies for the identifiers: personal codes, registration numbers, VAT numbers, IBANs and
//! creditor references, plus near-valid texts with one digit changed.
//!
//! Every value is built through the public constructors; check digits are found by trying the
//! ten candidates (personal code, registration number) or computed here with an independent
//! MOD 97-10 (IBAN), so the strategies double as an oracle for the parsers.

use apkalpe_core::{
    CreditorReference, DocumentNumber, Iban, NumberSeries, PersonalCode, RegistrationNumber,
    VatNumber, VoidedNumber, YearReset,
};
use chrono::{Datelike, Days, NaiveDate};
use proptest::prelude::*;
use proptest::sample::Index;

/// Completes ten digits with the check digit `parse` accepts, if one of 0–9 does.
fn complete<T>(ten_digits: &str, parse: impl Fn(&str) -> Option<T>) -> Option<T> {
    (0..=9).find_map(|digit| parse(&format!("{ten_digits}{digit}")))
}

/// A string of `length` ASCII digits.
fn digits(length: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(0_u8..=9, length).prop_map(|values| {
        values
            .into_iter()
            .map(|value| char::from(b'0' + value))
            .collect()
    })
}

/// Birth dates a personal code can carry (1800–2099), weighted toward month and year ends and
/// 29 February.
fn birth_date() -> impl Strategy<Value = NaiveDate> {
    let any_day = (1800_i32..=2099, 1_u32..=12, 1_u32..=31)
        .prop_filter_map("no such date", |(year, month, day)| {
            NaiveDate::from_ymd_opt(year, month, day)
        });
    let edges = prop_oneof![
        Just(NaiveDate::from_ymd_opt(1800, 1, 1).unwrap()),
        Just(NaiveDate::from_ymd_opt(1899, 12, 31).unwrap()),
        Just(NaiveDate::from_ymd_opt(1900, 1, 1).unwrap()),
        Just(NaiveDate::from_ymd_opt(1999, 12, 31).unwrap()),
        Just(NaiveDate::from_ymd_opt(2000, 2, 29).unwrap()),
        Just(NaiveDate::from_ymd_opt(2017, 6, 30).unwrap()),
        Just(NaiveDate::from_ymd_opt(2099, 12, 31).unwrap()),
    ];
    let leap_days = (1800_i32..=2099).prop_filter_map("not a leap year", |year| {
        NaiveDate::from_ymd_opt(year, 2, 29)
    });
    prop_oneof![6 => any_day, 2 => edges, 1 => leap_days]
}

/// Personal codes in the old format (`DDMMYY-CNNNK`, birth dates 1800–2099) carrying a birth
/// date.
pub fn personal_code_with_birth_date() -> impl Strategy<Value = PersonalCode> {
    (birth_date(), digits(3)).prop_map(|(date, serial)| {
        let century = (date.year() - 1800) / 100;
        let ten = format!(
            "{:02}{:02}{:02}{century}{serial}",
            date.day(),
            date.month(),
            date.year() % 100
        );
        complete(&ten, |text| PersonalCode::try_new(text).ok())
            .expect("every date-based prefix has a check digit")
    })
}

/// Personal codes in the new format (since 1 July 2017): `3`, a digit 2–9, nine more digits.
pub fn personal_code_without_birth_date() -> impl Strategy<Value = PersonalCode> {
    (2_u8..=9, digits(8)).prop_map(|(second, rest)| {
        let ten = format!("3{second}{rest}");
        complete(&ten, |text| PersonalCode::try_new(text).ok())
            .expect("every new-format prefix has a check digit")
    })
}

/// Personal codes of both formats.
pub fn personal_code() -> impl Strategy<Value = PersonalCode> {
    prop_oneof![
        personal_code_with_birth_date(),
        personal_code_without_birth_date()
    ]
}

/// Registration numbers: first digit 4, 5 (Register of Enterprises) or 9 (State Revenue
/// Service); prefixes for which no check digit exists are skipped.
pub fn registration_number() -> impl Strategy<Value = RegistrationNumber> {
    (prop::sample::select(vec!['4', '5', '9']), digits(9)).prop_filter_map(
        "no check digit completes these ten digits",
        |(first, rest)| {
            complete(&format!("{first}{rest}"), |text| {
                RegistrationNumber::try_new(text).ok()
            })
        },
    )
}

/// Body templates of some member states' VAT numbers: `n` digit, `a` letter, `c` either,
/// anything else itself.
const VAT_TEMPLATES: [(&str, &str); 16] = [
    ("AT", "Unnnnnnnn"),
    ("CY", "nnnnnnnna"),
    ("DE", "nnnnnnnnn"),
    ("EE", "nnnnnnnnn"),
    ("EL", "nnnnnnnnn"),
    ("ES", "cnnnnnnnc"),
    ("FR", "ccnnnnnnnnn"),
    ("IE", "ncnnnnna"),
    ("IE", "nnnnnnnaa"),
    ("LT", "nnnnnnnnnnnn"),
    ("NL", "nnnnnnnnnBnn"),
    ("RO", "nn"),
    ("RO", "nnnnnnnnnn"),
    ("SE", "nnnnnnnnnn01"),
    ("XI", "GDnnn"),
    ("XI", "nnnnnnnnnnnn"),
];

/// One character fitting a template character.
fn template_character(class: char) -> BoxedStrategy<char> {
    match class {
        'n' => proptest::char::range('0', '9').boxed(),
        'a' => proptest::char::range('A', 'Z').boxed(),
        'c' => prop_oneof![
            proptest::char::range('0', '9'),
            proptest::char::range('A', 'Z')
        ]
        .boxed(),
        literal => Just(literal).boxed(),
    }
}

/// Text filling a template.
fn from_template(template: &str) -> impl Strategy<Value = String> {
    template
        .chars()
        .map(template_character)
        .collect::<Vec<_>>()
        .prop_map(|characters| characters.into_iter().collect())
}

/// VAT numbers of member states other than Latvia, valid by format.
pub fn foreign_vat_number() -> impl Strategy<Value = VatNumber> {
    prop::sample::select(VAT_TEMPLATES.to_vec()).prop_flat_map(|(prefix, template)| {
        from_template(template).prop_map(move |body| {
            VatNumber::try_new(&format!("{prefix}{body}")).expect("template fits the format")
        })
    })
}

/// Latvian VAT numbers: `LV` and a registration number or a personal code.
pub fn latvian_vat_number() -> impl Strategy<Value = VatNumber> {
    prop_oneof![
        registration_number().prop_map(|number| format!("LV{number}")),
        personal_code().prop_map(|code| format!("LV{}", code.as_digits())),
    ]
    .prop_map(|text| VatNumber::try_new(&text).expect("a Latvian body is a valid VAT number"))
}

/// VAT numbers, Latvian (half of them) and of other member states.
pub fn vat_number() -> impl Strategy<Value = VatNumber> {
    prop_oneof![latvian_vat_number(), foreign_vat_number()]
}

/// BBAN templates (same letters as [`VAT_TEMPLATES`]) of some registry countries.
const BBAN_TEMPLATES: [(&str, &str); 12] = [
    ("LV", "aaaaccccccccccccc"),
    ("DE", "nnnnnnnnnnnnnnnnnn"),
    ("GB", "aaaannnnnnnnnnnnnn"),
    ("EE", "nnnnnnnnnnnnnnnn"),
    ("LT", "nnnnnnnnnnnnnnnn"),
    ("FR", "nnnnnnnnnncccccccccccnn"),
    ("NL", "aaaannnnnnnnnn"),
    ("NO", "nnnnnnnnnnn"),
    ("MT", "aaaannnnncccccccccccccccccc"),
    ("SC", "aaaannnnnnnnnnnnnnnnnnnnaaa"),
    ("XK", "nnnnnnnnnnnnnnnn"),
    ("LC", "aaaacccccccccccccccccccccccc"),
];

/// The ISO 7064 MOD 97-10 check digits of `country` + `bban`, computed independently of
/// apkalpe-core: `98 − (bban ‖ country ‖ "00" mod 97)`.
pub fn iban_check_digits(country: &str, bban: &str) -> u32 {
    let remainder = bban
        .chars()
        .chain(country.chars())
        .chain("00".chars())
        .fold(0_u32, |remainder, character| {
            let value = character.to_digit(36).expect("letter or digit");
            if value < 10 {
                (remainder * 10 + value) % 97
            } else {
                (remainder * 100 + value) % 97
            }
        });
    98 - remainder
}

/// IBANs of twelve registry countries (Latvia, its neighbours, the longest and shortest
/// formats), with computed check digits.
pub fn iban() -> impl Strategy<Value = Iban> {
    prop::sample::select(BBAN_TEMPLATES.to_vec()).prop_flat_map(|(country, template)| {
        from_template(template).prop_map(move |bban| {
            let check = iban_check_digits(country, &bban);
            Iban::try_new(&format!("{country}{check:02}{bban}")).expect("computed IBAN is valid")
        })
    })
}

/// Creditor references with payment references of 1–21 letters and digits, weighted toward the
/// shortest and longest.
pub fn creditor_reference() -> impl Strategy<Value = CreditorReference> {
    prop_oneof![
        3 => "[0-9A-Z]{1,21}",
        1 => "[0-9A-Z]",
        1 => "[0-9A-Z]{21}",
        1 => "[0-9]{1,21}",
    ]
    .prop_map(|reference| {
        CreditorReference::from_payment_reference(&reference).expect("1–21 letters and digits")
    })
}

/// Changes one ASCII digit of `text` (chosen by `index`) by adding `offset` (1–9) mod 10; text
/// without digits is returned unchanged.
fn change_one_digit(text: &str, index: Index, offset: u8) -> String {
    let positions: Vec<usize> = text
        .char_indices()
        .filter(|(_, character)| character.is_ascii_digit())
        .map(|(position, _)| position)
        .collect();
    if positions.is_empty() {
        return text.to_owned();
    }
    let position = *index.get(&positions);
    let mut bytes = text.as_bytes().to_vec();
    if let Some(byte) = bytes.get_mut(position) {
        *byte = b'0' + (*byte - b'0' + offset) % 10;
    }
    String::from_utf8(bytes).expect("ASCII digit replaced by an ASCII digit")
}

/// Pairs of a valid text and the same text with exactly one digit changed.
fn near_valid(valid: impl Strategy<Value = String>) -> impl Strategy<Value = (String, String)> {
    (valid, any::<Index>(), 1_u8..=9).prop_map(|(valid, index, offset)| {
        let mutated = change_one_digit(&valid, index, offset);
        (valid, mutated)
    })
}

/// A valid personal code (canonical text) and the same text with one digit changed.
///
/// The check digit catches the change whenever the valid code's check digit is not 0; when it
/// is 0, a change can turn the remainder 0 into 10 (or back) and pass.
pub fn near_valid_personal_code() -> impl Strategy<Value = (String, String)> {
    near_valid(personal_code().prop_map(|code| code.to_string()))
}

/// A valid registration number and the same text with one digit changed (always caught: every
/// weight is between 1 and 10, and 11 is prime).
pub fn near_valid_registration_number() -> impl Strategy<Value = (String, String)> {
    near_valid(registration_number().prop_map(|number| number.to_string()))
}

/// A valid IBAN (electronic form) and the same text with one digit changed (always caught by
/// MOD 97-10).
pub fn near_valid_iban() -> impl Strategy<Value = (String, String)> {
    near_valid(iban().prop_map(|iban| iban.to_string()))
}

/// A valid creditor reference (electronic form) and the same text with one digit changed
/// (always caught by MOD 97-10).
pub fn near_valid_creditor_reference() -> impl Strategy<Value = (String, String)> {
    near_valid(creditor_reference().prop_map(|reference| reference.to_string()))
}

/// A number series with one of a few realistic patterns, and the dates of the documents it
/// numbers (a year or two, so yearly restarts happen).
fn series_and_dates() -> impl Strategy<Value = (NumberSeries, Vec<NaiveDate>)> {
    let patterns = vec![
        ("invoices", "INV{year}-{seq:5}", YearReset::EachYear),
        ("kio", "KIO-{seq}", YearReset::Never),
        ("kizo", "KIzO {yy}/{seq:3}", YearReset::EachYear),
        ("waybills", "{year}/{seq:1}", YearReset::EachYear),
    ];
    let first = NaiveDate::from_ymd_opt(2025, 12, 1).expect("a valid date");
    (
        proptest::sample::select(patterns),
        proptest::collection::vec(0_u64..=60, 1..15),
    )
        .prop_map(move |((id, pattern, reset), mut offsets)| {
            offsets.sort_unstable();
            let series =
                NumberSeries::try_new(id, pattern.parse().expect("a valid pattern"), reset)
                    .expect("a valid series");
            let dates = offsets
                .into_iter()
                .map(|offset| first + Days::new(offset))
                .collect();
            (series, dates)
        })
}

/// A document number a [`NumberSeries`] issued: any of the numbers of a series that numbers
/// documents over December and January (sequences restart with the year where the pattern
/// says so; a `{seq:1}` series runs out after 9 a year, and those issues are left out).
pub fn document_number() -> impl Strategy<Value = DocumentNumber> {
    (series_and_dates(), any::<Index>()).prop_map(|((mut series, dates), index)| {
        let issued: Vec<DocumentNumber> = dates
            .into_iter()
            .filter_map(|date| series.issue(date).ok())
            .collect();
        index.get(&issued).clone()
    })
}

/// A number a [`NumberSeries`] voided with a reason of 1 to 500 characters.
pub fn voided_number() -> impl Strategy<Value = VoidedNumber> {
    let reasons = vec!["printed on the wrong form", "klients atteicās", " x "];
    (
        series_and_dates(),
        any::<Index>(),
        prop_oneof![
            3 => proptest::sample::select(reasons).prop_map(str::to_owned),
            1 => Just("ā".repeat(500)),
        ],
    )
        .prop_map(|((mut series, dates), index, reason)| {
            let issued: Vec<DocumentNumber> = dates
                .into_iter()
                .filter_map(|date| series.issue(date).ok())
                .collect();
            let number = index.get(&issued).clone();
            series
                .void(&number, &reason)
                .expect("an issued number")
                .clone()
        })
}
