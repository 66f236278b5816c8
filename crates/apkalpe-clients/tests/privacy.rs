//! Personal data: consents, access export, erasure against holds.

use apkalpe_clients::{
    Channel, ClientDetails, ClientRegistry, Consent, ContactDecision, DenialReason, Direction,
    Interaction, InteractionId, LegalBasis, Need, NeedId, Organisation, PersonalField, Purpose,
    RetentionHold,
};
use apkalpe_core::{EmailAddress, PersonalCode, PhoneNumber};
use proptest::prelude::*;
use uuid::Uuid;

use crate::common::{at, date, id, registry_with_anna, staff};

fn accounting_hold() -> RetentionHold {
    RetentionHold::try_new(
        "accounting documents until 2031-12-31",
        date(2031, 12, 31),
        [PersonalField::Name, PersonalField::Addresses],
    )
    .unwrap()
}

fn full_registry() -> (ClientRegistry, apkalpe_clients::ClientId) {
    let (mut registry, anna) = registry_with_anna();
    registry
        .grant_consent(
            anna,
            Consent::new(Purpose::MarketingEmail, LegalBasis::Consent, at(27, 9)),
        )
        .unwrap();
    registry
        .grant_consent(
            anna,
            Consent::new(Purpose::Surveys, LegalBasis::LegitimateInterest, at(27, 9)),
        )
        .unwrap();
    registry
        .record_need(
            Need::try_new(
                NeedId::new(Uuid::from_u128(10)),
                anna,
                "bicycles",
                at(27, 10),
            )
            .unwrap()
            .with_notes("For her son Pēteris, 8 years old")
            .unwrap(),
        )
        .unwrap();
    registry
        .record_interaction(
            Interaction::try_new(
                InteractionId::new(Uuid::from_u128(20)),
                anna,
                Channel::Phone,
                Direction::Inbound,
                "Anna asked about delivery to Brīvības iela",
                staff(),
                at(27, 11),
            )
            .unwrap()
            .with_summary("Call back on 2000 0001 after 17:00")
            .unwrap(),
        )
        .unwrap();
    (registry, anna)
}

#[test]
fn may_contact_follows_purpose_channel_and_withdrawal() {
    let (mut registry, anna) = full_registry();
    assert_eq!(
        registry
            .may_contact(anna, Channel::Email, Purpose::MarketingEmail, at(28, 9))
            .unwrap(),
        ContactDecision::Allowed {
            basis: LegalBasis::Consent,
            since: at(27, 9)
        }
    );
    assert!(
        !registry
            .may_contact(anna, Channel::Email, Purpose::MarketingEmail, at(26, 9))
            .unwrap()
            .is_allowed()
    );
    assert!(
        registry
            .may_contact(anna, Channel::Letter, Purpose::Surveys, at(28, 9))
            .unwrap()
            .is_allowed()
    );
    assert_eq!(
        registry
            .may_contact(anna, Channel::Email, Purpose::Profiling, at(28, 9))
            .unwrap(),
        ContactDecision::Denied {
            reason: DenialReason::ChannelNotCovered
        }
    );
    registry
        .withdraw_consent(anna, Purpose::MarketingEmail, at(28, 10))
        .unwrap();
    assert_eq!(
        registry
            .may_contact(anna, Channel::Email, Purpose::MarketingEmail, at(28, 11))
            .unwrap(),
        ContactDecision::Denied {
            reason: DenialReason::Withdrawn { at: at(28, 10) }
        }
    );
    assert!(
        registry
            .may_contact(anna, Channel::Email, Purpose::MarketingEmail, at(28, 9))
            .unwrap()
            .is_allowed()
    );
    assert_eq!(
        registry
            .withdraw_consent(anna, Purpose::MarketingEmail, at(28, 12))
            .unwrap_err()
            .code(),
        "privacy.no_active_consent"
    );
}

#[test]
fn access_export_is_one_stable_document() {
    let (registry, anna) = full_registry();
    let export = registry.access_export(anna, at(29, 8)).unwrap();
    let json: serde_json::Value = serde_json::to_value(&export).unwrap();
    assert_eq!(json["schema"], "apkalpe.clients.access_export/1");
    assert_eq!(json["birth_date"], "1975-11-16");
    insta::assert_json_snapshot!("privacy__access_export", export);
}

#[test]
fn erasure_keeps_only_held_fields() {
    let (mut registry, anna) = full_registry();
    let report = registry
        .erase(anna, &[accounting_hold()], date(2026, 11, 29), at(29, 9))
        .unwrap();
    assert_eq!(
        report.erased(),
        [
            PersonalField::PersonalCode,
            PersonalField::Emails,
            PersonalField::Phones,
            PersonalField::Tags,
            PersonalField::FreeTexts
        ]
    );
    assert_eq!(report.kept().len(), 2);
    let json = registry
        .access_export(anna, at(29, 10))
        .unwrap()
        .to_json()
        .unwrap();
    for gone in [
        "161175",
        "anna.berzina@example.lv",
        "+37120000001",
        "Pēteris",
        "2000 0001",
    ] {
        assert!(!json.contains(gone), "{gone} still in {json}");
    }
    for kept in [
        "Bērziņa",
        "Brīvības iela 1-5",
        "accounting documents until 2031-12-31",
    ] {
        assert!(json.contains(kept), "{kept} missing");
    }
    insta::assert_json_snapshot!(
        "privacy__access_export_after_erasure",
        registry.access_export(anna, at(29, 10)).unwrap()
    );
    assert_eq!(
        registry
            .may_contact(anna, Channel::Email, Purpose::Surveys, at(30, 9))
            .unwrap(),
        ContactDecision::Denied {
            reason: DenialReason::ClientErased
        }
    );
    assert_eq!(
        registry
            .erase(anna, &[], date(2026, 11, 30), at(30, 9))
            .unwrap_err()
            .code(),
        "privacy.already_erased"
    );
}

#[test]
fn an_expired_hold_keeps_nothing_and_organisations_are_refused() {
    let (mut registry, anna) = full_registry();
    let report = registry
        .erase(anna, &[accounting_hold()], date(2032, 1, 1), at(29, 9))
        .unwrap();
    assert!(report.kept().is_empty());
    assert!(registry.search("berzina").is_empty());
    let company = registry
        .register(
            id(5),
            ClientDetails::organisation(Organisation::try_new("Ziemeļu Rati").unwrap()),
            at(27, 9),
        )
        .unwrap()
        .id();
    assert_eq!(
        registry
            .erase(company, &[], date(2026, 11, 29), at(29, 9))
            .unwrap_err()
            .code(),
        "privacy.not_a_natural_person"
    );
}

/// Every personal value put into the registry, with the field it belongs to.
fn personal_values(
    code: &PersonalCode,
    email: &str,
    phone: &str,
    note: &str,
) -> Vec<(PersonalField, String)> {
    vec![
        (PersonalField::Name, "Zentenes".to_owned()),
        (PersonalField::PersonalCode, code.to_string()),
        (PersonalField::Emails, email.to_owned()),
        (PersonalField::Phones, phone.to_owned()),
        (PersonalField::Addresses, "Kalnu iela 77".to_owned()),
        (PersonalField::FreeTexts, note.to_owned()),
    ]
}

proptest! {
    #[test]
    fn export_erase_export_leaves_only_held_fields(
        code in apkalpe_testkit::strategy::personal_code(),
        held in proptest::sample::subsequence(PersonalField::ALL.to_vec(), 0..=7),
        local in "[a-z]{3,10}",
        digits in 10_000_000_u32..30_000_000,
        note in "secret note [A-Z]{6}",
    ) {
        let mut registry = ClientRegistry::new();
        let email = format!("{local}@example.lv");
        let phone = format!("+371{digits}");
        let details = apkalpe_clients::ClientDetails::person(
            apkalpe_clients::Person::try_new("Ilga", "Zentenes").unwrap().with_personal_code(code),
        )
        .with_email(EmailAddress::try_new(&email).unwrap())
        .with_phone(PhoneNumber::try_new(&phone).unwrap())
        .with_address(apkalpe_core::Address::try_new("Kalnu iela 77", "Rīga", Some("LV-1001"), apkalpe_core::CountryCode::LV).unwrap());
        let client = registry.register(id(1), details, at(27, 9)).unwrap().id();
        registry.record_need(
            Need::try_new(NeedId::new(Uuid::from_u128(2)), client, "bicycles", at(27, 9)).unwrap().with_notes(&note).unwrap(),
        ).unwrap();
        let values = personal_values(&code, &email, &phone, &note);
        let before = registry.access_export(client, at(1, 1)).unwrap().to_json().unwrap();
        for (_, value) in &values {
            prop_assert!(before.contains(value.as_str()));
        }
        let hold = RetentionHold::try_new("test hold", date(2030, 1, 1), held.clone()).unwrap();
        registry.erase(client, &[hold], date(2026, 11, 29), at(29, 9)).unwrap();
        let after = registry.access_export(client, at(1, 1)).unwrap().to_json().unwrap();
        for (field, value) in &values {
            prop_assert_eq!(after.contains(value.as_str()), held.contains(field), "{:?} {}", field, value);
        }
    }
}

/// Issue 13, part 1 (atomic operations): a withdrawal that meets a consent already withdrawn
/// later used to withdraw the consents before it and then fail half-way.
#[test]
fn a_refused_withdrawal_changes_no_consent() {
    let (mut registry, anna) = crate::common::registry_with_anna();
    let granted = at(2, 9);
    registry
        .grant_consent(
            anna,
            Consent::new(Purpose::Surveys, LegalBasis::Consent, granted),
        )
        .unwrap();
    let mut later = Consent::new(Purpose::Surveys, LegalBasis::Contract, granted);
    later.withdraw(at(20, 9)).unwrap();
    registry.grant_consent(anna, later).unwrap();
    let before = registry.consents_of(anna).unwrap().to_vec();
    let error = registry
        .withdraw_consent(anna, Purpose::Surveys, at(10, 9))
        .unwrap_err();
    assert_eq!(error.code(), "privacy.already_withdrawn");
    assert_eq!(registry.consents_of(anna).unwrap(), before.as_slice());
    // Erasure at a time between leaves the later withdrawal and withdraws the other.
    registry
        .erase(anna, &[], date(2026, 11, 10), at(10, 9))
        .unwrap();
    let after = registry.consents_of(anna).unwrap();
    assert_eq!(after[0].withdrawn_at(), Some(at(10, 9)));
    assert_eq!(after[1].withdrawn_at(), Some(at(20, 9)));
}

/// Issue 16: a need's free-text category is erased like the other free texts. Checked on the
/// bytes of the saved registry: not one occurrence of the category is left.
#[test]
fn erasure_leaves_no_byte_of_a_need_category() {
    let (mut registry, anna) = registry_with_anna();
    let category = "bērnu velosipēds Jurim, 7 gadi";
    registry
        .record_need(
            Need::try_new(NeedId::new(Uuid::from_u128(40)), anna, category, at(27, 9))
                .unwrap()
                .with_notes("zils")
                .unwrap(),
        )
        .unwrap();
    let before = serde_json::to_vec(&registry).unwrap();
    let contains = |bytes: &[u8], text: &str| {
        bytes
            .windows(text.len())
            .any(|window| window == text.as_bytes())
    };
    assert!(contains(&before, category));
    registry
        .erase(anna, &[], date(2026, 11, 29), at(29, 9))
        .unwrap();
    let after = serde_json::to_vec(&registry).unwrap();
    assert!(!contains(&after, category));
    assert!(!contains(&after, "velosipēds"));
    // The need itself stays (it is the business's record), its texts erased.
    let need = &registry.needs_of(anna).unwrap()[0];
    assert_eq!(need.category(), "[erased]");
}

/// Issue 16: an access export is stamped with the moment it is made (`now`), not with the
/// client's registration time.
#[test]
fn access_export_is_stamped_with_now() {
    let (registry, anna) = registry_with_anna();
    let registered = registry.get(anna).unwrap().registered_at();
    let now = at(30, 15);
    assert_ne!(registered, now);
    let export = registry.access_export(anna, now).unwrap();
    assert_eq!(export.generated_at(), now);
    let json: serde_json::Value = serde_json::to_value(&export).unwrap();
    assert_eq!(json["generated_at"], "2026-11-30T15:00:00Z");
}

/// Issue 16, one retention model: a client with invoices, a complaint and a contract. The
/// holds stated as core facts give, field by field and day by day, the answer the erasure
/// gives: a field is kept exactly when the erasure keeps it, until the latest day of the holds
/// that keep it. An invoice's obligation as the accounting crate states it (5 years from
/// 1 January after the invoice date, scoped to the parts the invoice prints) gives the same
/// answer as the hold that stood for it.
#[test]
fn holds_as_core_facts_give_the_erasures_answer() {
    use apkalpe_core::{
        CountingRule, RetentionEvent, RetentionFacts, RetentionObligation, RetentionPeriod,
        RetentionScope, RetentionStart, RetentionVerdict,
    };
    let invoices = RetentionHold::try_new(
        "invoices INV-2026-17 and INV-2026-40 (Grāmatvedības likums, 28. pants)",
        date(2031, 12, 31),
        [
            PersonalField::Name,
            PersonalField::PersonalCode,
            PersonalField::Addresses,
        ],
    )
    .unwrap();
    let complaint = RetentionHold::try_new(
        "complaint K-2026-12 and its answer",
        date(2027, 11, 30),
        [
            PersonalField::Name,
            PersonalField::Emails,
            PersonalField::Phones,
            PersonalField::FreeTexts,
        ],
    )
    .unwrap();
    let contract = RetentionHold::try_new(
        "contract L-2026-3, claims until the limitation period ends",
        date(2036, 6, 30),
        [PersonalField::Name, PersonalField::Addresses],
    )
    .unwrap();
    let holds = [invoices, complaint, contract];
    for today in [
        date(2026, 12, 1),
        date(2027, 11, 30),
        date(2027, 12, 1),
        date(2031, 12, 31),
        date(2032, 1, 1),
        date(2036, 7, 1),
    ] {
        let (mut registry, anna) = full_registry();
        let report = registry.erase(anna, &holds, today, at(29, 9)).unwrap();
        let facts = RetentionHold::facts(anna, &holds).unwrap();
        let mut latest = None;
        for field in PersonalField::ALL {
            let decision = facts
                .decide_part(&field.record_part().unwrap(), today)
                .unwrap();
            let kept = report.kept().iter().find(|kept| kept.field() == field);
            assert_eq!(
                decision.may_erase(),
                report.is_erased(field),
                "{field:?} {today}"
            );
            let until = kept.and_then(|kept| kept.holds().iter().map(|hold| hold.until()).max());
            match until {
                Some(last_day) => {
                    assert_eq!(decision.verdict(), RetentionVerdict::KeepUntil { last_day });
                    latest = latest.max(Some(last_day));
                }
                None => assert!(decision.may_erase()),
            }
        }
        // The record as a whole: kept until the latest day any field is kept.
        let whole = facts.decide(today).unwrap();
        match latest {
            Some(last_day) => {
                assert_eq!(whole.verdict(), RetentionVerdict::KeepUntil { last_day })
            }
            None => assert!(whole.may_erase()),
        }
    }
    // The invoices as the accounting crate states them: the same answer as their hold.
    let invoice = |number: &str, issued| {
        RetentionObligation::try_new(
            &format!("invoice {number}"),
            "Grāmatvedības likums, 28. pants",
            RetentionPeriod::Years(5),
            RetentionStart::on(
                RetentionEvent::RecordDate,
                issued,
                CountingRule::FromFirstJanuaryAfter,
            ),
        )
        .unwrap()
        .with_scope(RetentionScope::try_parts(["name", "personal_code", "addresses"]).unwrap())
    };
    let mut stated = RetentionFacts::new()
        .with_obligation(invoice("INV-2026-17", date(2026, 3, 2)))
        .with_obligation(invoice("INV-2026-40", date(2026, 9, 14)));
    let client = apkalpe_clients::ClientId::new(Uuid::from_u128(1));
    for hold in &holds[1..] {
        stated.add_obligation(hold.obligation(client).unwrap());
    }
    let as_holds = RetentionHold::facts(client, &holds).unwrap();
    for today in [date(2026, 12, 1), date(2031, 12, 31), date(2032, 1, 1)] {
        for field in PersonalField::ALL {
            let part = field.record_part().unwrap();
            assert_eq!(
                stated.decide_part(&part, today).unwrap().verdict(),
                as_holds.decide_part(&part, today).unwrap().verdict(),
                "{field:?} {today}"
            );
        }
    }
}

proptest! {
    /// Issue 16: for any holds and any day, core's engine decides every field as the erasure
    /// does: kept exactly when the erasure keeps it, until the latest day of the holds that
    /// keep it; and the whole record until the latest day any field is kept.
    #[test]
    fn core_facts_decide_every_field_as_the_erasure_does(
        holds in proptest::collection::vec(
            (
                proptest::sample::subsequence(PersonalField::ALL.to_vec(), 0..=7),
                0_u32..3000,
            ),
            0..6,
        ),
        today in 0_u32..3000,
    ) {
        use apkalpe_core::RetentionVerdict;
        let base = date(2026, 1, 1);
        let day = |n: u32| base + chrono::Days::new(u64::from(n));
        let holds: Vec<RetentionHold> = holds
            .into_iter()
            .enumerate()
            .map(|(n, (fields, until))| {
                RetentionHold::try_new(&format!("hold {n}"), day(until), fields).unwrap()
            })
            .collect();
        let today = day(today);
        let (mut registry, anna) = registry_with_anna();
        let report = registry.erase(anna, &holds, today, at(29, 9)).unwrap();
        let facts = RetentionHold::facts(anna, &holds).unwrap();
        let mut latest = None;
        for field in PersonalField::ALL {
            let decision = facts.decide_part(&field.record_part().unwrap(), today).unwrap();
            prop_assert_eq!(decision.may_erase(), report.is_erased(field));
            let until = report
                .kept()
                .iter()
                .filter(|kept| kept.field() == field)
                .flat_map(|kept| kept.holds().iter().map(|hold| hold.until()))
                .max();
            if let Some(last_day) = until {
                prop_assert_eq!(decision.verdict(), RetentionVerdict::KeepUntil { last_day });
                latest = latest.max(Some(last_day));
            }
        }
        let whole = facts.decide(today).unwrap();
        match latest {
            Some(last_day) => prop_assert_eq!(whole.verdict(), RetentionVerdict::KeepUntil { last_day }),
            None => prop_assert!(whole.may_erase()),
        }
    }
}
