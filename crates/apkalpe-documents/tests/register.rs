//! Registration: unique, gapless numbers per register per year; corrections.

use apkalpe_documents::{
    CaseIndex, Document, DocumentDraft, DocumentId, DocumentKind, Register, RegisterKind, Requisite,
};
use chrono::NaiveDate;
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

fn letter(date: NaiveDate) -> Document {
    DocumentDraft::new(DocumentKind::IncomingLetter)
        .with(Requisite::Author, "SIA Klients")
        .with_date(date)
        .with(Requisite::Text, "Teksts")
        .with(Requisite::Signature, "P. Kalns")
        .validate()
        .unwrap()
}

fn memo(date: NaiveDate) -> Document {
    DocumentDraft::new(DocumentKind::InternalMemo)
        .with(Requisite::Author, "Nodaļa")
        .with_date(date)
        .with(Requisite::Addressee, "Valde")
        .with(Requisite::Title, "Par")
        .with(Requisite::Text, "Teksts")
        .with(Requisite::Signature, "A. Liepa")
        .validate()
        .unwrap()
}

/// One attempt: a day offset from 1 Jan 2026 (non-decreasing across the run by sorting), an
/// id (small range, so duplicates happen), whether the kind is wrong, a case index.
fn attempts() -> impl Strategy<Value = Vec<(u32, u8, bool, u8)>> {
    prop::collection::vec(
        (0_u32..1_100, 0_u8..60, prop::bool::weighted(0.1), 1_u8..4),
        1..80,
    )
    .prop_map(|mut items| {
        items.sort_by_key(|item| item.0);
        items
    })
}

proptest! {
    #[test]
    fn numbers_are_unique_and_gapless_per_year(attempts in attempts()) {
        let mut register = Register::try_new(RegisterKind::Incoming, "{index}/{seq}").unwrap();
        let start = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        for (offset, id, wrong_kind, index) in attempts {
            let date = start + chrono::Days::new(u64::from(offset));
            let document = if wrong_kind { memo(date) } else { letter(date) };
            let index: CaseIndex = format!("2.{index}").parse().unwrap();
            let _ = register.register(DocumentId::from_u128(u128::from(id)), document, &index, date);
        }
        let mut per_year: BTreeMap<i32, Vec<u32>> = BTreeMap::new();
        let mut numbers: BTreeSet<(i32, String)> = BTreeSet::new();
        for record in register.documents() {
            let (year, sequence) = record.sequence();
            per_year.entry(year).or_default().push(sequence);
            prop_assert!(numbers.insert((year, record.number().to_owned())), "repeated {}", record.number());
            let suffix = format!("/{}", sequence);
            let ends = record.number().ends_with(&suffix);
            prop_assert!(ends);
        }
        for sequences in per_year.values() {
            let expected: Vec<u32> = (1..=u32::try_from(sequences.len()).unwrap()).collect();
            prop_assert_eq!(sequences, &expected);
        }
    }
}

#[test]
fn earlier_year_is_refused_without_using_a_number() {
    let mut register = Register::try_new(RegisterKind::Incoming, "{yy}-{seq:4}").unwrap();
    let index: CaseIndex = "1".parse().unwrap();
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    register
        .register(
            DocumentId::from_u128(1),
            letter(day(2027, 1, 4)),
            &index,
            day(2027, 1, 4),
        )
        .unwrap();
    let late = register
        .register(
            DocumentId::from_u128(2),
            letter(day(2026, 12, 31)),
            &index,
            day(2026, 12, 31),
        )
        .unwrap_err();
    assert_eq!(late.code(), "register.date_before_current_year");
    let next = register
        .register(
            DocumentId::from_u128(3),
            letter(day(2027, 1, 5)),
            &index,
            day(2027, 1, 5),
        )
        .unwrap();
    assert_eq!(next.number(), "27-0002");
}
