//! The registry: duplicates, updates with history, search, filters, merge, needs, contacts.

use apkalpe_clients::{
    BudgetRange, Channel, ClientChange, ClientDetails, ClientField, ClientFilter, ClientRegistry,
    ClientStatus, Direction, DuplicateMatch, FollowUp, FollowUpId, Interaction, InteractionId,
    LegalForm, Need, NeedId, Person, Registration, RegistryError, Segment, Sku, Tag,
};
use apkalpe_core::{
    Currency, EmailAddress, Language, Money, PartyName, PersonalCode, PhoneNumber,
    RegistrationNumber,
};
use apkalpe_testkit::strategy::{personal_code, registration_number};
use proptest::prelude::*;
use rust_decimal_macros::dec;
use uuid::Uuid;

use crate::common::{anna, at, company, date, id, latvian_name, registry_with_anna, staff};

#[test]
fn same_personal_code_returns_the_existing_client() {
    let (mut registry, first) = registry_with_anna();
    // The same person, her name typed another way (case and diacritics aside).
    let again = ClientDetails::person(
        Person::try_new("ANNA", "Berzina")
            .unwrap()
            .with_personal_code(PersonalCode::try_new("16117519997").unwrap()),
    );
    let outcome = registry.register(id(2), again, at(27, 10)).unwrap();
    assert_eq!(
        outcome,
        Registration::Existing {
            id: first,
            matched_on: DuplicateMatch::PersonalCode
        }
    );
    assert_eq!(registry.len(), 1);
}

#[test]
fn a_personal_code_held_under_another_name_is_refused_not_swallowed() {
    let (mut registry, first) = registry_with_anna();
    let other = ClientDetails::person(
        Person::try_new("Anna", "Liepa")
            .unwrap()
            .with_personal_code(PersonalCode::try_new("16117519997").unwrap()),
    );
    let error = registry.register(id(2), other, at(27, 10)).unwrap_err();
    assert_eq!(
        error,
        RegistryError::IdentifierUnderAnotherName {
            identifier: "personal_code",
            holder: first.as_uuid()
        }
    );
    assert_eq!(error.code(), "registry.identifier_under_another_name");
    assert_eq!(registry.len(), 1);
    assert_eq!(registry.get(first).unwrap().display_name(), "Anna Bērziņa");
}

#[test]
fn same_name_and_contact_is_a_duplicate_but_name_alone_is_not() {
    let (mut registry, first) = registry_with_anna();
    let by_email = ClientDetails::person(Person::try_new("BĒRZIŅA", "anna").unwrap())
        .with_email(EmailAddress::try_new("Anna.Berzina@example.lv").unwrap());
    let outcome = registry.register(id(2), by_email, at(27, 10)).unwrap();
    assert_eq!(
        outcome,
        Registration::Existing {
            id: first,
            matched_on: DuplicateMatch::NameAndEmail
        }
    );
    let by_phone = ClientDetails::person(Person::try_new("Anna", "Berzina").unwrap())
        .with_phone(PhoneNumber::try_new("+37120000001").unwrap());
    assert_eq!(
        registry.register(id(3), by_phone, at(27, 10)).unwrap(),
        Registration::Existing {
            id: first,
            matched_on: DuplicateMatch::NameAndPhone
        }
    );
    let namesake = ClientDetails::person(Person::try_new("Anna", "Bērziņa").unwrap());
    assert!(
        registry
            .register(id(4), namesake, at(27, 10))
            .unwrap()
            .is_new()
    );
    assert_eq!(registry.len(), 2);
}

#[test]
fn an_id_in_use_is_refused() {
    let (mut registry, _) = registry_with_anna();
    let other = ClientDetails::person(Person::try_new("Jānis", "Ozols").unwrap());
    let error = registry.register(id(1), other, at(27, 10)).unwrap_err();
    assert_eq!(error.code(), "registry.duplicate_id");
}

#[test]
fn update_records_who_when_old_and_new() {
    let (mut registry, anna) = registry_with_anna();
    let changes = registry
        .update(
            anna,
            vec![
                ClientChange::FamilyName(PartyName::try_new("Liepa").unwrap()),
                ClientChange::Segment(Some(Segment::try_new("retail").unwrap())),
                ClientChange::Language(Language::Latvian),
            ],
            &staff(),
            at(28, 12),
        )
        .unwrap();
    assert_eq!(changes.len(), 2, "the unchanged language is not recorded");
    let history = registry.history(anna).unwrap();
    assert_eq!(history[0].field(), ClientField::FamilyName);
    assert_eq!(history[0].old(), Some("Bērziņa"));
    assert_eq!(history[0].new_value(), Some("Liepa"));
    assert_eq!(history[0].by().as_str(), "Ilze Kalniņa");
    assert_eq!(history[0].at(), at(28, 12));
    assert_eq!(history[1].old(), None);
    assert_eq!(registry.search("liepa").len(), 1);
    assert!(registry.search("berzina").is_empty());
}

#[test]
fn update_refuses_foreign_fields_and_taken_identifiers() {
    let (mut registry, anna) = registry_with_anna();
    let error = registry
        .update(
            anna,
            vec![ClientChange::LegalForm(Some(
                LegalForm::try_new("SIA").unwrap(),
            ))],
            &staff(),
            at(28, 12),
        )
        .unwrap_err();
    assert_eq!(error.code(), "registry.field_not_applicable");
    let other = registry
        .register(
            id(2),
            ClientDetails::person(Person::try_new("Jānis", "Ozols").unwrap()),
            at(27, 10),
        )
        .unwrap()
        .id();
    let error = registry
        .update(
            other,
            vec![ClientChange::PersonalCode(Some(
                PersonalCode::try_new("161175-19997").unwrap(),
            ))],
            &staff(),
            at(28, 12),
        )
        .unwrap_err();
    assert_eq!(error.code(), "registry.identifier_taken");
    assert!(registry.history(other).unwrap().is_empty());
}

#[test]
fn search_ignores_case_diacritics_and_word_order() {
    let mut registry = ClientRegistry::new();
    registry.register(id(1), anna(), at(27, 9)).unwrap();
    let details = ClientDetails::organisation(
        company("Ziemeļu Rati").with_legal_form(LegalForm::try_new("SIA").unwrap()),
    );
    registry.register(id(2), details, at(27, 9)).unwrap();
    for query in ["anna bērziņa", "BERZINA ANNA", "berz", "Bērziņa, Anna"] {
        assert_eq!(registry.search(query).len(), 1, "{query}");
    }
    assert_eq!(
        registry.search("ziemelu rati")[0].display_name(),
        "SIA \"Ziemeļu Rati\""
    );
    assert_eq!(registry.search("rati sia").len(), 1);
    assert!(registry.search("annas").is_empty());
    assert!(registry.search("  ").is_empty());
}

#[test]
fn filters_combine() {
    let mut registry = ClientRegistry::new();
    let retail = Segment::try_new("retail").unwrap();
    registry
        .register(
            id(1),
            anna()
                .with_segment(retail.clone())
                .with_tag(Tag::try_new("vip").unwrap())
                .with_status(ClientStatus::Active),
            at(27, 9),
        )
        .unwrap();
    registry
        .register(
            id(2),
            ClientDetails::person(Person::try_new("Jānis", "Ozols").unwrap())
                .with_segment(retail.clone())
                .with_language(Language::Russian),
            at(27, 9),
        )
        .unwrap();
    let filter = ClientFilter::default().with_segment(retail.clone());
    assert_eq!(registry.filter(&filter).len(), 2);
    assert_eq!(
        registry
            .filter(&filter.clone().with_status(ClientStatus::Active))
            .len(),
        1
    );
    assert_eq!(
        registry.filter(&ClientFilter::default().with_language(Language::Russian))[0].id(),
        id(2)
    );
    assert_eq!(
        registry
            .filter(&ClientFilter::default().with_tag(Tag::try_new("vip").unwrap()))
            .len(),
        1
    );
}

#[test]
fn merge_keeps_both_histories_and_moves_records() {
    let (mut registry, kept) = registry_with_anna();
    let absorbed = registry
        .register(
            id(2),
            ClientDetails::person(Person::try_new("Anna", "Berzina").unwrap())
                .with_phone(PhoneNumber::try_new("+371 2999 9999").unwrap()),
            at(27, 10),
        )
        .unwrap()
        .id();
    registry
        .update(
            absorbed,
            vec![ClientChange::Status(ClientStatus::Active)],
            &staff(),
            at(27, 11),
        )
        .unwrap();
    let need = Need::try_new(
        NeedId::new(Uuid::from_u128(50)),
        absorbed,
        "bicycles",
        at(27, 12),
    )
    .unwrap();
    registry.record_need(need).unwrap();
    let changes = registry.merge(kept, absorbed, &staff(), at(28, 9)).unwrap();
    assert_eq!(changes[0].field(), ClientField::MergedFrom);
    assert_eq!(registry.len(), 1);
    assert_eq!(registry.resolve(absorbed), kept);
    let client = registry.get(kept).unwrap();
    assert_eq!(client.phones().len(), 2);
    assert_eq!(client.merged_from(), [absorbed]);
    let history = registry.history(kept).unwrap();
    assert!(
        history
            .iter()
            .any(|change| change.field() == ClientField::Status)
    );
    assert!(
        history
            .iter()
            .any(|change| change.field() == ClientField::MergedFrom)
    );
    assert_eq!(registry.needs_of(kept).unwrap().len(), 1);
    assert_eq!(
        registry
            .need(NeedId::new(Uuid::from_u128(50)))
            .unwrap()
            .client(),
        kept
    );
    assert_eq!(
        registry
            .merge(kept, absorbed, &staff(), at(28, 9))
            .unwrap_err()
            .code(),
        "registry.merge_self"
    );
}

#[test]
fn merge_refuses_a_person_and_an_organisation() {
    let (mut registry, person) = registry_with_anna();
    let organisation = registry
        .register(
            id(2),
            ClientDetails::organisation(company("Ziemeļu Rati")),
            at(27, 9),
        )
        .unwrap()
        .id();
    let error = registry
        .merge(person, organisation, &staff(), at(28, 9))
        .unwrap_err();
    assert_eq!(error.code(), "registry.merge_kinds");
}

#[test]
fn needs_lapse_after_their_date_and_follow_ups_go_overdue() {
    let (mut registry, anna) = registry_with_anna();
    let need = Need::try_new(
        NeedId::new(Uuid::from_u128(10)),
        anna,
        "office chairs",
        at(27, 9),
    )
    .unwrap()
    .with_budget(
        BudgetRange::try_new(
            Some(Money::new(dec!(300), Currency::EUR)),
            Some(Money::new(dec!(500), Currency::EUR)),
        )
        .unwrap(),
    )
    .with_quantity(dec!(4))
    .unwrap()
    .with_needed_by(date(2026, 12, 10));
    registry.record_need(need).unwrap();
    let offered = registry.need_mut(NeedId::new(Uuid::from_u128(10))).unwrap();
    offered
        .offer(vec![Sku::try_new("CHAIR-ERGO-2").unwrap()], at(28, 9))
        .unwrap();
    assert!(registry.lapse_needs(date(2026, 12, 10)).is_empty());
    assert_eq!(registry.lapse_needs(date(2026, 12, 11)).len(), 1);
    let lapsed = registry.need(NeedId::new(Uuid::from_u128(10))).unwrap();
    assert_eq!(lapsed.status().name(), "lapsed");
    let task = FollowUp::try_new(
        FollowUpId::new(Uuid::from_u128(30)),
        anna,
        "Send the chair catalogue",
        date(2026, 11, 30),
        staff(),
    )
    .unwrap();
    registry.add_follow_up(task).unwrap();
    assert!(registry.overdue_follow_ups(date(2026, 11, 30)).is_empty());
    assert_eq!(registry.overdue_follow_ups(date(2026, 12, 1)).len(), 1);
    registry
        .complete_follow_up(FollowUpId::new(Uuid::from_u128(30)), at(30, 15))
        .unwrap();
    assert!(registry.overdue_follow_ups(date(2026, 12, 1)).is_empty());
    assert_eq!(
        registry
            .complete_follow_up(FollowUpId::new(Uuid::from_u128(30)), at(30, 15))
            .unwrap_err()
            .code(),
        "registry.follow_up_done"
    );
}

#[test]
fn timeline_is_in_time_order() {
    let (mut registry, anna) = registry_with_anna();
    let later = Interaction::try_new(
        InteractionId::new(Uuid::from_u128(21)),
        anna,
        Channel::Email,
        Direction::Outbound,
        "Offer sent",
        staff(),
        at(29, 9),
    )
    .unwrap();
    let earlier = Interaction::try_new(
        InteractionId::new(Uuid::from_u128(20)),
        anna,
        Channel::Phone,
        Direction::Inbound,
        "Asked about chairs",
        staff(),
        at(28, 9),
    )
    .unwrap();
    registry.record_interaction(later).unwrap();
    registry.record_interaction(earlier).unwrap();
    let timeline = registry.timeline(anna).unwrap();
    let times: Vec<_> = timeline.iter().map(|entry| entry.at()).collect();
    let mut sorted = times.clone();
    sorted.sort();
    assert_eq!(times, sorted);
    assert_eq!(
        timeline[1].to_string(),
        "2026-11-28 09:00  phone Inbound by Ilze Kalniņa: Asked about chairs"
    );
    assert_eq!(
        registry.interactions_of(anna).unwrap()[0].subject(),
        "Asked about chairs"
    );
}

proptest! {
    #[test]
    fn registering_the_same_identifiers_twice_never_yields_two_clients(
        codes in proptest::collection::vec(personal_code(), 1..12),
        numbers in proptest::collection::vec(registration_number(), 1..12),
        order in proptest::collection::vec(any::<bool>(), 1..12),
    ) {
        let mut registry = ClientRegistry::new();
        let mut next = 0_u128;
        let mut register = |registry: &mut ClientRegistry, details: ClientDetails| {
            next += 1;
            registry.register(id(next), details, at(27, 9))
        };
        // The same people twice (a code given twice in one round is the same person too),
        // then the same codes under other names: refused, never a second client.
        for round in 0..3 {
            for (index, code) in codes.iter().enumerate() {
                let position = codes.iter().position(|c| c == code).unwrap_or(index);
                let given = if order.get(position).copied().unwrap_or(false) { "Anna" } else { "Līga" };
                let family = if round < 2 { "Kalna" } else { "Ozola" };
                let person = Person::try_new(given, family).unwrap().with_personal_code(*code);
                let outcome = register(&mut registry, ClientDetails::person(person));
                prop_assert_eq!(outcome.is_err(), round == 2);
            }
            for number in &numbers {
                let name = if round < 2 { "Company" } else { "Another" };
                let organisation = company(name).with_registration_number(*number);
                let outcome = register(&mut registry, ClientDetails::organisation(organisation));
                prop_assert_eq!(outcome.is_err(), round == 2);
            }
        }
        let mut distinct_codes = codes.clone();
        distinct_codes.sort_by_key(|code| code.to_string());
        distinct_codes.dedup();
        let mut distinct_numbers = numbers.clone();
        distinct_numbers.sort_by_key(RegistrationNumber::to_string);
        distinct_numbers.dedup();
        prop_assert_eq!(registry.len(), distinct_codes.len() + distinct_numbers.len());
    }

    #[test]
    fn search_finds_every_client_by_a_diacritic_free_spelling(
        names in proptest::collection::vec(latvian_name(), 1..25),
        pick in any::<prop::sample::Index>(),
        upper in any::<bool>(),
        reversed in any::<bool>(),
    ) {
        let mut registry = ClientRegistry::new();
        for (index, (given, family)) in names.iter().enumerate() {
            let person = Person::try_new(given, family).unwrap();
            registry.register(id(index as u128 + 1), ClientDetails::person(person), at(27, 9)).unwrap();
        }
        let (given, family) = pick.get(&names);
        let plain = |text: &str| -> String {
            text.chars().map(|c| match c {
                'ā' => 'a', 'č' => 'c', 'ē' => 'e', 'ģ' => 'g', 'ī' => 'i', 'ķ' => 'k', 'ļ' => 'l',
                'ņ' => 'n', 'š' => 's', 'ū' => 'u', 'ž' => 'z', 'Ā' => 'A', 'Č' => 'C', 'Ē' => 'E',
                'Ģ' => 'G', 'Ī' => 'I', 'Ķ' => 'K', 'Ļ' => 'L', 'Ņ' => 'N', 'Š' => 'S', 'Ū' => 'U',
                'Ž' => 'Z', other => other,
            }).collect()
        };
        let mut query = if reversed {
            format!("{} {}", plain(family), plain(given))
        } else {
            format!("{} {}", plain(given), plain(family))
        };
        if upper {
            query = query.to_uppercase();
        }
        let found = registry.search(&query);
        let target = format!("{given} {family}");
        prop_assert!(found.iter().any(|client| client.display_name() == target), "{} not found by {}", target, query);
    }

    #[test]
    fn search_never_panics(query in ".{0,40}") {
        let (registry, _) = registry_with_anna();
        let _ = registry.search(&query);
    }
}

/// Issue 16: the prelude is enough to register, record and read errors, and it names the
/// three types other crates also have apart (`ContactChannel`, `CommercialRegisterError`,
/// `NeedSku`), each the crate's own type.
#[test]
fn the_prelude_is_enough_and_names_the_clashing_types_apart() {
    use apkalpe_clients::prelude::*;
    let mut registry = ClientRegistry::new();
    let anna = registry.register(id(1), anna(), at(27, 9)).unwrap().id();
    let channel: apkalpe_clients::Channel = ContactChannel::Email;
    registry
        .record_interaction(
            Interaction::try_new(
                InteractionId::new(Uuid::from_u128(5)),
                anna,
                channel,
                Direction::Outbound,
                "Offer sent",
                staff(),
                at(27, 10),
            )
            .unwrap(),
        )
        .unwrap();
    let sku: apkalpe_clients::Sku = NeedSku::try_new("BIKE-26").unwrap();
    let mut need =
        Need::try_new(NeedId::new(Uuid::from_u128(6)), anna, "bicycles", at(27, 9)).unwrap();
    need.offer(vec![sku], at(27, 11)).unwrap();
    assert_eq!(need.status().name(), "offered");
    let error: apkalpe_clients::RegisterError = CommercialRegisterError::TooLarge;
    assert_eq!(LocalizedError::code(&error), "register.too_large");
    assert_eq!(registry.timeline(anna).unwrap().len(), 2);
}
