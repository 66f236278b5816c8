//! Strategies for `apkalpe-clients`'s types, built only through its public API: values a
//! program can reach, for the crate's round-trip and invariant properties.
//!
//! The registry comes from random sequences of its operations ([`registry`]), weighted toward
//! what makes its invariants work: the same person registered twice, shared names and
//! contacts, merges (chains of them too), erasure with and without retention holds, equal and
//! out-of-order times, ids used twice. Operations that fail are part of the sequence: a
//! failed operation must leave the registry unchanged, which the restore tests then see.

use apkalpe_clients::{
    AggregateOptions, Answer, BudgetRange, Channel, ChoiceOption, ClientChange, ClientDetails,
    ClientId, ClientRegistry, ClientStatus, Consent, Direction, ErasureReport, FollowUp,
    FollowUpId, Interaction, InteractionId, LegalBasis, LegalForm, Need, NeedId, OptionId,
    Organisation, Person, PersonalField, Purpose, Question, QuestionId, QuestionKind,
    RegisterRecord, Registration, Response, ResponseId, RetentionHold, Segment, Sku, StaffMember,
    Survey, SurveyId, SurveyStats, Tag, Verification, check_number, verify,
};
use apkalpe_core::{
    Address, CountryCode, Currency, EmailAddress, Language, LocalizedText, Money, PartyName,
    PersonalCode, PhoneNumber, RegistrationNumber, VatNumber,
};
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use proptest::sample::select;
use rust_decimal::Decimal;

use super::{personal_code, registration_number};

/// Instants weighted toward year ends and repeated times (equal times test the order rules).
pub fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    let edges = select(vec![
        Utc.with_ymd_and_hms(2025, 12, 31, 23, 59, 59).unwrap(),
        Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
        Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap(),
        Utc.with_ymd_and_hms(2026, 12, 31, 23, 59, 59).unwrap(),
    ]);
    let minutes = (0_i64..600_000).prop_map(|minutes| {
        Utc.with_ymd_and_hms(2025, 6, 1, 0, 0, 0).unwrap() + Duration::minutes(minutes)
    });
    prop_oneof![1 => edges, 2 => minutes]
}

/// Calendar dates around the instants of [`instant`], weighted toward month and year ends.
pub fn day() -> impl Strategy<Value = NaiveDate> {
    let edges = select(vec![
        NaiveDate::from_ymd_opt(2025, 12, 31).unwrap(),
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2026, 2, 28).unwrap(),
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
    ]);
    let any = (0_i64..800)
        .prop_map(|days| NaiveDate::from_ymd_opt(2025, 6, 1).unwrap() + Duration::days(days));
    prop_oneof![1 => edges, 2 => any]
}

/// Staff members, one at the 100-character limit.
pub fn staff() -> impl Strategy<Value = StaffMember> {
    select(vec!["Ilze", "Jānis Ozols", "ŠĶĒLE", "x"])
        .prop_map(|name| StaffMember::try_new(name).unwrap())
        .boxed()
        .prop_union(Just(StaffMember::try_new(&"ž".repeat(100)).unwrap()).boxed())
}

/// Given names, family names and organisation names with Latvian letters; a few shared so that
/// names collide.
fn name() -> impl Strategy<Value = &'static str> {
    select(vec![
        "Anna",
        "Bērziņa",
        "Berzina",
        "Jānis",
        "Ozols",
        "Līga",
        "Šķēle",
        "Ūdre",
        "Ziemeļu Rati",
        "Rīgas Maiznieks",
    ])
}

/// A one-line free text of 1 to `max` characters, weighted to the limit.
fn free_text(max: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        3 => select(vec!["bicycles", "Ziemas riepas", "Zvans par piegādi", "a"]).prop_map(str::to_owned),
        1 => Just("ā".repeat(max)),
        1 => "[a-zA-Zāčēģīķļņšūž0-9 ,.]{1,40}".prop_filter("not blank", |text| !text.trim().is_empty()),
    ]
}

/// A multi-line text of up to 4000 characters.
fn notes() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Klients zvanīja.\nLūdz atzvanīt pirmdien.\tPaldies".to_owned()),
        Just("n".repeat(4000)),
        free_text(200),
    ]
}

/// E-mail addresses from a small pool, so that contacts collide.
fn email() -> impl Strategy<Value = EmailAddress> {
    select(vec![
        "anna@example.lv",
        "Anna@Example.lv",
        "info@ziemelurati.lv",
        "janis.ozols@example.com",
    ])
    .prop_map(|text| EmailAddress::try_new(text).unwrap())
}

/// Phone numbers from a small pool.
fn phone() -> impl Strategy<Value = PhoneNumber> {
    select(vec!["+371 2000 0001", "+371 2000 0002", "+370 600 00001"])
        .prop_map(|text| PhoneNumber::try_new(text).unwrap())
}

/// Addresses, one repeated.
fn address() -> impl Strategy<Value = Address> {
    select(vec![
        ("Brīvības iela 1-5", "Rīga", Some("LV-1010")),
        ("Lielā iela 3", "Jelgava", Some("LV-3001")),
    ])
    .prop_map(|(line, city, code)| Address::try_new(line, city, code, CountryCode::LV).unwrap())
}

/// The valid personal code that starts with these ten digits, if a check digit makes one.
fn completed_code(ten_digits: &str) -> Option<PersonalCode> {
    (0..=9).find_map(|digit| PersonalCode::try_new(&format!("{ten_digits}{digit}")).ok())
}

/// Personal codes: mostly from a pool of three (both formats), so that the same person comes
/// back.
fn some_personal_code() -> impl Strategy<Value = PersonalCode> {
    let pool: Vec<PersonalCode> = ["1611751999", "3234567890", "0101001000"]
        .iter()
        .filter_map(|ten| completed_code(ten))
        .collect();
    prop_oneof![3 => select(pool), 1 => personal_code()]
}

/// Registration numbers: mostly from a pool of two.
fn some_registration_number() -> impl Strategy<Value = RegistrationNumber> {
    prop_oneof![
        3 => select(vec!["40003521600", "40003584818"])
            .prop_map(|text| RegistrationNumber::try_new(text).unwrap()),
        1 => registration_number(),
    ]
}

/// Tags and segments.
fn tag() -> impl Strategy<Value = Tag> {
    select(vec!["vip", "newsletter", "šķērsiela"]).prop_map(|text| Tag::try_new(text).unwrap())
}

fn segment() -> impl Strategy<Value = Segment> {
    select(vec!["retail", "wholesale"]).prop_map(|text| Segment::try_new(text).unwrap())
}

fn language() -> impl Strategy<Value = Language> {
    select(vec![
        Language::Latvian,
        Language::English,
        Language::Russian,
    ])
}

fn status() -> impl Strategy<Value = ClientStatus> {
    select(vec![
        ClientStatus::Prospect,
        ClientStatus::Active,
        ClientStatus::Inactive,
        ClientStatus::Closed,
    ])
}

/// Natural persons, with or without a personal code.
pub fn person() -> impl Strategy<Value = Person> {
    (name(), name(), proptest::option::of(some_personal_code())).prop_map(
        |(given, family, code)| {
            let person = Person::try_new(given, family).unwrap();
            match code {
                Some(code) => person.with_personal_code(code),
                None => person,
            }
        },
    )
}

/// Organisations, with or without legal form, registration and VAT number (the VAT number
/// sometimes another company's).
pub fn organisation() -> impl Strategy<Value = Organisation> {
    (
        name(),
        proptest::option::of(select(vec!["SIA", "AS", "IK"])),
        proptest::option::of(some_registration_number()),
        proptest::option::of(some_registration_number()),
    )
        .prop_map(|(name, form, number, vat)| {
            let mut organisation = Organisation::try_new(name).unwrap();
            if let Some(form) = form {
                organisation = organisation.with_legal_form(LegalForm::try_new(form).unwrap());
            }
            if let Some(number) = number {
                organisation = organisation.with_registration_number(number);
            }
            if let Some(vat) = vat {
                organisation =
                    organisation.with_vat_number(VatNumber::try_new(&format!("LV{vat}")).unwrap());
            }
            organisation
        })
}

/// What a client is registered with: a person (mostly) or an organisation, with contacts.
pub fn client_details() -> impl Strategy<Value = ClientDetails> {
    let identity = prop_oneof![
        3 => person().prop_map(ClientDetails::person),
        1 => organisation().prop_map(ClientDetails::organisation),
    ];
    (
        identity,
        proptest::collection::vec(address(), 0..3),
        proptest::collection::vec(email(), 0..3),
        proptest::collection::vec(phone(), 0..2),
        language(),
        proptest::option::of(segment()),
        proptest::collection::vec(tag(), 0..3),
        status(),
    )
        .prop_map(
            |(details, addresses, emails, phones, language, segment, tags, status)| {
                let mut details = details.with_language(language).with_status(status);
                for address in addresses {
                    details = details.with_address(address);
                }
                for email in emails {
                    details = details.with_email(email);
                }
                for phone in phones {
                    details = details.with_phone(phone);
                }
                if let Some(segment) = segment {
                    details = details.with_segment(segment);
                }
                for tag in tags {
                    details = details.with_tag(tag);
                }
                details
            },
        )
}

/// Consents, some withdrawn (at the grant time too).
pub fn consent() -> impl Strategy<Value = Consent> {
    (
        select(vec![
            Purpose::MarketingEmail,
            Purpose::PhoneCalls,
            Purpose::Surveys,
            Purpose::Profiling,
        ]),
        select(vec![
            LegalBasis::Consent,
            LegalBasis::Contract,
            LegalBasis::LegalObligation,
            LegalBasis::LegitimateInterest,
        ]),
        instant(),
        proptest::option::of(prop_oneof![Just(0_i64), 1_i64..100_000]),
    )
        .prop_map(|(purpose, basis, granted, withdrawn)| {
            let mut consent = Consent::new(purpose, basis, granted);
            if let Some(minutes) = withdrawn {
                consent
                    .withdraw(granted + Duration::minutes(minutes))
                    .unwrap();
            }
            consent
        })
}

/// Budget ranges in euro: a lower bound, an upper bound or both, zero included.
pub fn budget_range() -> impl Strategy<Value = BudgetRange> {
    let bound = prop_oneof![Just(0_i64), Just(1), 1_i64..100_000]
        .prop_map(|cents| Money::new(Decimal::new(cents, 2), Currency::EUR));
    (
        proptest::option::of(bound.clone()),
        proptest::option::of(bound),
    )
        .prop_filter_map("a valid range", |(low, high)| {
            let (low, high) = match (low, high) {
                (Some(low), Some(high)) if low.amount() > high.amount() => (Some(high), Some(low)),
                pair => pair,
            };
            BudgetRange::try_new(low, high).ok()
        })
}

/// How a need moves through its life cycle.
#[derive(Debug, Clone)]
enum NeedMove {
    Offer(Vec<&'static str>, DateTime<Utc>),
    Accept(DateTime<Utc>),
    Decline(DateTime<Utc>),
    Lapse(NaiveDate),
}

fn need_move() -> impl Strategy<Value = NeedMove> {
    prop_oneof![
        (
            proptest::collection::vec(select(vec!["BIKE-26-RED", "chair.01", "Ā/1"]), 1..3),
            instant()
        )
            .prop_map(|(skus, at)| NeedMove::Offer(skus, at)),
        instant().prop_map(NeedMove::Accept),
        instant().prop_map(NeedMove::Decline),
        day().prop_map(NeedMove::Lapse),
    ]
}

fn apply_need_move(need: &mut Need, step: &NeedMove) {
    // Refused moves leave the need as it was; the sequence goes on.
    let _ = match step {
        NeedMove::Offer(skus, at) => need.offer(
            skus.iter().map(|sku| Sku::try_new(sku).unwrap()).collect(),
            *at,
        ),
        NeedMove::Accept(at) => need.accept(*at),
        NeedMove::Decline(at) => need.decline(*at),
        NeedMove::Lapse(today) => {
            need.lapse_if_due(*today);
            Ok(())
        }
    };
}

/// A need of `client` with the id `id`: optional budget, quantity, needed-by date, features
/// and notes (at their limits too), moved through random steps of its life cycle.
pub fn need_of(id: NeedId, client: ClientId) -> impl Strategy<Value = Need> {
    (
        free_text(100),
        instant(),
        proptest::option::of(budget_range()),
        proptest::option::of(prop_oneof![Just(1_i64), 1_i64..10_000]),
        proptest::option::of(day()),
        proptest::collection::vec(free_text(200), 0..3),
        proptest::collection::vec(free_text(200), 0..2),
        proptest::option::of(notes()),
        proptest::collection::vec(need_move(), 0..4),
    )
        .prop_map(
            move |(
                category,
                at,
                budget,
                quantity,
                needed_by,
                required,
                preferred,
                notes,
                moves,
            )| {
                let mut need = Need::try_new(id, client, &category, at).unwrap();
                if let Some(budget) = budget {
                    need = need.with_budget(budget);
                }
                if let Some(quantity) = quantity {
                    need = need.with_quantity(Decimal::new(quantity, 1)).unwrap();
                }
                if let Some(date) = needed_by {
                    need = need.with_needed_by(date);
                }
                for feature in &required {
                    need = need.with_required_feature(feature).unwrap();
                }
                for feature in &preferred {
                    need = need.with_preferred_feature(feature).unwrap();
                }
                if let Some(notes) = notes {
                    need = need.with_notes(&notes).unwrap();
                }
                for step in &moves {
                    apply_need_move(&mut need, step);
                }
                need
            },
        )
}

/// A need with fixed ids (see [`need_of`]).
pub fn need() -> impl Strategy<Value = Need> {
    need_of(NeedId::from_u128(10), ClientId::from_u128(1))
}

/// An interaction of `client` with the id `id`.
pub fn interaction_of(id: InteractionId, client: ClientId) -> impl Strategy<Value = Interaction> {
    (
        select(vec![
            Channel::Visit,
            Channel::Phone,
            Channel::Email,
            Channel::Letter,
            Channel::Chat,
        ]),
        select(vec![Direction::Inbound, Direction::Outbound]),
        free_text(200),
        proptest::option::of(notes()),
        staff(),
        instant(),
    )
        .prop_map(move |(channel, direction, subject, summary, staff, at)| {
            let interaction =
                Interaction::try_new(id, client, channel, direction, &subject, staff, at).unwrap();
            match summary {
                Some(summary) => interaction.with_summary(&summary).unwrap(),
                None => interaction,
            }
        })
}

/// An interaction with fixed ids (see [`interaction_of`]).
pub fn interaction() -> impl Strategy<Value = Interaction> {
    interaction_of(InteractionId::from_u128(20), ClientId::from_u128(1))
}

/// A follow-up task of `client` with the id `id`, perhaps linked to an interaction.
pub fn follow_up_of(id: FollowUpId, client: ClientId) -> impl Strategy<Value = FollowUp> {
    (
        free_text(500),
        day(),
        staff(),
        proptest::option::of(0_u128..4),
    )
        .prop_map(move |(description, due, staff, interaction)| {
            let task = FollowUp::try_new(id, client, &description, due, staff).unwrap();
            match interaction {
                Some(n) => task.with_interaction(InteractionId::from_u128(1000 + n)),
                None => task,
            }
        })
}

/// A follow-up task with fixed ids (see [`follow_up_of`]); open tasks only, since completing
/// one is the registry's operation.
pub fn follow_up() -> impl Strategy<Value = FollowUp> {
    follow_up_of(FollowUpId::from_u128(30), ClientId::from_u128(1))
}

fn personal_fields() -> impl Strategy<Value = Vec<PersonalField>> {
    proptest::sample::subsequence(PersonalField::ALL.to_vec(), 0..=PersonalField::ALL.len())
}

/// Retention holds, some ending before the erasure dates of [`day`], some keeping nothing.
pub fn retention_hold() -> impl Strategy<Value = RetentionHold> {
    (free_text(200), day(), personal_fields())
        .prop_map(|(reason, until, fields)| RetentionHold::try_new(&reason, until, fields).unwrap())
}

/// One operation on a registry; indexes pick among the ids used so far.
#[derive(Debug, Clone)]
enum Operation {
    Register(ClientDetails, DateTime<Utc>, bool),
    Update(usize, Vec<ClientChange>, StaffMember, DateTime<Utc>),
    Merge(usize, usize, DateTime<Utc>),
    RecordNeed(usize, Need, bool),
    MoveNeed(usize, NeedMove),
    Lapse(NaiveDate),
    RecordInteraction(usize, Interaction, bool),
    AddFollowUp(usize, FollowUp, bool),
    CompleteFollowUp(usize, DateTime<Utc>),
    GrantConsent(usize, Consent),
    WithdrawConsent(usize, Purpose, DateTime<Utc>),
    Erase(usize, Vec<RetentionHold>, NaiveDate, DateTime<Utc>),
}

fn change() -> impl Strategy<Value = ClientChange> {
    prop_oneof![
        name().prop_map(|name| ClientChange::GivenName(PartyName::try_new(name).unwrap())),
        name().prop_map(|name| ClientChange::FamilyName(PartyName::try_new(name).unwrap())),
        proptest::option::of(some_personal_code()).prop_map(ClientChange::PersonalCode),
        name().prop_map(|name| ClientChange::OrganisationName(PartyName::try_new(name).unwrap())),
        proptest::option::of(some_registration_number()).prop_map(ClientChange::RegistrationNumber),
        proptest::collection::vec(address(), 0..2).prop_map(ClientChange::Addresses),
        proptest::collection::vec(email(), 0..3).prop_map(ClientChange::Emails),
        proptest::collection::vec(phone(), 0..3).prop_map(ClientChange::Phones),
        language().prop_map(ClientChange::Language),
        proptest::option::of(segment()).prop_map(ClientChange::Segment),
        proptest::collection::btree_set(tag(), 0..3).prop_map(ClientChange::Tags),
        status().prop_map(ClientChange::Status),
    ]
}

fn operation() -> impl Strategy<Value = Operation> {
    let pick = 0_usize..64;
    prop_oneof![
        6 => (client_details(), instant(), proptest::bool::weighted(0.1))
            .prop_map(|(details, at, reuse)| Operation::Register(details, at, reuse)),
        3 => (pick.clone(), proptest::collection::vec(change(), 0..3), staff(), instant())
            .prop_map(|(target, changes, by, at)| Operation::Update(target, changes, by, at)),
        2 => (pick.clone(), pick.clone(), instant())
            .prop_map(|(kept, absorbed, at)| Operation::Merge(kept, absorbed, at)),
        3 => (pick.clone(), need(), proptest::bool::weighted(0.1))
            .prop_map(|(target, need, reuse)| Operation::RecordNeed(target, need, reuse)),
        2 => (pick.clone(), need_move()).prop_map(|(target, step)| Operation::MoveNeed(target, step)),
        1 => day().prop_map(Operation::Lapse),
        3 => (pick.clone(), interaction(), proptest::bool::weighted(0.1))
            .prop_map(|(target, interaction, reuse)| Operation::RecordInteraction(target, interaction, reuse)),
        2 => (pick.clone(), follow_up(), proptest::bool::weighted(0.1))
            .prop_map(|(target, task, reuse)| Operation::AddFollowUp(target, task, reuse)),
        1 => (pick.clone(), instant()).prop_map(|(target, at)| Operation::CompleteFollowUp(target, at)),
        2 => (pick.clone(), consent()).prop_map(|(target, consent)| Operation::GrantConsent(target, consent)),
        1 => (pick.clone(), select(vec![Purpose::MarketingEmail, Purpose::Surveys]), instant())
            .prop_map(|(target, purpose, at)| Operation::WithdrawConsent(target, purpose, at)),
        1 => (pick, proptest::collection::vec(retention_hold(), 0..3), day(), instant())
            .prop_map(|(target, holds, today, at)| Operation::Erase(target, holds, today, at)),
    ]
}

/// Rebuilds a need with a new id and client, keeping what the strategy chose.
fn renumber_need(need: &Need, id: NeedId, client: ClientId) -> Need {
    let mut fresh = Need::try_new(id, client, need.category(), need.recorded_at()).unwrap();
    if let Some(budget) = need.budget() {
        fresh = fresh.with_budget(budget.clone());
    }
    if let Some(quantity) = need.quantity() {
        fresh = fresh.with_quantity(quantity).unwrap();
    }
    if let Some(date) = need.needed_by() {
        fresh = fresh.with_needed_by(date);
    }
    for feature in need.required_features() {
        fresh = fresh.with_required_feature(feature).unwrap();
    }
    for feature in need.preferred_features() {
        fresh = fresh.with_preferred_feature(feature).unwrap();
    }
    if let Some(notes) = need.notes() {
        fresh = fresh.with_notes(notes).unwrap();
    }
    fresh
}

/// The state a sequence of operations builds, with the ids it used.
#[derive(Debug, Default)]
struct Run {
    registry: ClientRegistry,
    clients: Vec<ClientId>,
    needs: Vec<NeedId>,
    interactions: u128,
    follow_ups: Vec<FollowUpId>,
}

/// The item `pick` points at, wrapping around; `None` for an empty list.
fn nth<T: Copy>(items: &[T], pick: usize) -> Option<T> {
    items.get(pick % items.len().max(1)).copied()
}

impl Run {
    /// A client used so far (perhaps merged or erased since), or an unknown id before any.
    fn client(&self, pick: usize) -> ClientId {
        nth(&self.clients, pick).unwrap_or(ClientId::from_u128(999))
    }

    fn apply(&mut self, operation: Operation) {
        // Every operation may be refused (an unknown or erased client, an id used twice…): a
        // refused operation changes nothing, and the run goes on.
        match operation {
            Operation::Register(details, at, reuse) => {
                let id = if reuse && !self.clients.is_empty() {
                    self.client(self.clients.len() / 2)
                } else {
                    ClientId::from_u128(self.clients.len() as u128 + 1)
                };
                if let Ok(Registration::Registered { id }) = self.registry.register(id, details, at)
                {
                    self.clients.push(id);
                }
            }
            Operation::Update(target, changes, by, at) => {
                let _ = self.registry.update(self.client(target), changes, &by, at);
            }
            Operation::Merge(kept, absorbed, at) => {
                let by = StaffMember::try_new("Ilze").unwrap();
                let _ = self
                    .registry
                    .merge(self.client(kept), self.client(absorbed), &by, at);
            }
            Operation::RecordNeed(target, need, reuse) => {
                let fresh = NeedId::from_u128(10_000 + self.needs.len() as u128);
                let id = match nth(&self.needs, target) {
                    Some(used) if reuse => used,
                    _ => fresh,
                };
                let need = renumber_need(&need, id, self.client(target));
                if self.registry.record_need(need).is_ok() {
                    self.needs.push(id);
                }
            }
            Operation::MoveNeed(target, step) => {
                if let Some(id) = nth(&self.needs, target)
                    && let Some(need) = self.registry.need_mut(id)
                {
                    apply_need_move(need, &step);
                }
            }
            Operation::Lapse(today) => {
                self.registry.lapse_needs(today);
            }
            Operation::RecordInteraction(target, interaction, reuse) => {
                let number = if reuse && self.interactions > 0 {
                    self.interactions - 1
                } else {
                    self.interactions
                };
                let mut fresh = Interaction::try_new(
                    InteractionId::from_u128(20_000 + number),
                    self.client(target),
                    interaction.channel(),
                    interaction.direction(),
                    interaction.subject(),
                    interaction.staff().clone(),
                    interaction.at(),
                )
                .unwrap();
                if let Some(summary) = interaction.summary() {
                    fresh = fresh.with_summary(summary).unwrap();
                }
                if self.registry.record_interaction(fresh).is_ok() {
                    self.interactions += 1;
                }
            }
            Operation::AddFollowUp(target, task, reuse) => {
                let fresh = FollowUpId::from_u128(30_000 + self.follow_ups.len() as u128);
                let id = match nth(&self.follow_ups, target) {
                    Some(used) if reuse => used,
                    _ => fresh,
                };
                let mut fresh = FollowUp::try_new(
                    id,
                    self.client(target),
                    task.description(),
                    task.due(),
                    task.assigned_to().clone(),
                )
                .unwrap();
                if let Some(interaction) = task.interaction() {
                    fresh = fresh.with_interaction(interaction);
                }
                if self.registry.add_follow_up(fresh).is_ok() {
                    self.follow_ups.push(id);
                }
            }
            Operation::CompleteFollowUp(target, at) => {
                if let Some(id) = nth(&self.follow_ups, target) {
                    let _ = self.registry.complete_follow_up(id, at);
                }
            }
            Operation::GrantConsent(target, consent) => {
                let _ = self.registry.grant_consent(self.client(target), consent);
            }
            Operation::WithdrawConsent(target, purpose, at) => {
                let _ = self
                    .registry
                    .withdraw_consent(self.client(target), purpose, at);
            }
            Operation::Erase(target, holds, today, at) => {
                let _ = self.registry.erase(self.client(target), &holds, today, at);
            }
        }
    }
}

/// Registries reached by random sequences of up to `max_operations` operations (register,
/// update, merge, needs and their life cycle, interactions, follow-ups, consents, erasure).
pub fn registry_of(max_operations: usize) -> impl Strategy<Value = ClientRegistry> {
    proptest::collection::vec(operation(), 0..=max_operations).prop_map(|operations| {
        let mut run = Run::default();
        for operation in operations {
            run.apply(operation);
        }
        run.registry
    })
}

/// Registries reached by random sequences of up to 40 operations (see [`registry_of`]).
pub fn registry() -> impl Strategy<Value = ClientRegistry> {
    registry_of(40)
}

/// Erasure reports: a person registered and erased with random holds on a random day.
pub fn erasure_report() -> impl Strategy<Value = ErasureReport> {
    (
        person(),
        proptest::collection::vec(retention_hold(), 0..4),
        day(),
        instant(),
    )
        .prop_map(|(person, holds, today, at)| {
            let mut registry = ClientRegistry::new();
            let id = registry
                .register(ClientId::from_u128(1), ClientDetails::person(person), at)
                .unwrap()
                .id();
            registry.erase(id, &holds, today, at).unwrap()
        })
}

/// The survey the response strategies answer: single choice, multiple choice, a 1–5 rating,
/// NPS and free text; the NPS question required.
pub fn survey() -> Survey {
    let text = |lv: &str| LocalizedText::new(Language::Latvian, lv);
    let q = |id: &str| QuestionId::try_new(id).unwrap();
    let options = |ids: &[&str]| {
        ids.iter()
            .map(|id| ChoiceOption::new(OptionId::try_new(id).unwrap(), text(id)))
            .collect::<Vec<_>>()
    };
    Survey::try_new(
        SurveyId::try_new("service-2026").unwrap(),
        text("Apkalpošana"),
        vec![
            Question::new(
                q("heard"),
                text("Kā uzzinājāt?"),
                QuestionKind::SingleChoice {
                    options: options(&["web", "friend"]),
                },
            ),
            Question::new(
                q("channels"),
                text("Kanāli"),
                QuestionKind::MultipleChoice {
                    options: options(&["visit", "phone", "email"]),
                },
            ),
            Question::new(
                q("satisfaction"),
                text("Apmierinātība"),
                QuestionKind::Rating { scale: 5 },
            ),
            Question::new(q("nps"), text("Ieteiktu?"), QuestionKind::Nps).required(),
            Question::new(q("comment"), text("Komentārs"), QuestionKind::FreeText),
        ],
    )
    .unwrap()
}

/// Responses to [`survey`] that it accepts: every answer fits, NPS always answered, the others
/// sometimes skipped or empty.
pub fn response_of(id: u32) -> impl Strategy<Value = Response> {
    (
        proptest::option::of(select(vec!["web", "friend"])),
        proptest::option::of(proptest::sample::subsequence(
            vec!["visit", "phone", "email"],
            0..=3,
        )),
        proptest::option::of(1_u8..=5),
        prop_oneof![Just(0_u8), Just(6), Just(7), Just(9), Just(10), 0_u8..=10],
        proptest::option::of(prop_oneof![Just(String::new()), free_text(200)]),
        proptest::option::of(segment()),
        proptest::option::of(1_u128..5),
    )
        .prop_map(
            move |(heard, channels, satisfaction, nps, comment, segment, client)| {
                let q = |id: &str| QuestionId::try_new(id).unwrap();
                let option = |id: &str| OptionId::try_new(id).unwrap();
                let mut response =
                    Response::new(ResponseId::try_new(&format!("r-{id:04}")).unwrap())
                        .with_answer(q("nps"), Answer::Scale(nps));
                if let Some(heard) = heard {
                    response = response.with_answer(q("heard"), Answer::Choice(option(heard)));
                }
                if let Some(channels) = channels {
                    response = response.with_answer(
                        q("channels"),
                        Answer::Choices(channels.into_iter().map(option).collect()),
                    );
                }
                if let Some(value) = satisfaction {
                    response = response.with_answer(q("satisfaction"), Answer::Scale(value));
                }
                if let Some(text) = comment {
                    response = response.with_answer(q("comment"), Answer::Text(text));
                }
                if let Some(segment) = segment {
                    response = response.with_segment(segment);
                }
                if let Some(client) = client {
                    response = response.with_client(ClientId::from_u128(client));
                }
                response
            },
        )
}

/// Lists of responses to [`survey`] with distinct ids, none too.
pub fn responses() -> impl Strategy<Value = Vec<Response>> {
    (0_u32..12).prop_flat_map(|count| (0..count).map(response_of).collect::<Vec<_>>())
}

/// The aggregate of [`responses`] to [`survey`], with or without an invitation count (zero
/// included) and in Latvian or English.
pub fn survey_stats() -> impl Strategy<Value = SurveyStats> {
    (
        responses(),
        proptest::option::of(prop_oneof![Just(0_u64), 1_u64..100]),
        select(vec![Language::Latvian, Language::English]),
    )
        .prop_map(|(responses, invited, language)| {
            let mut options = AggregateOptions::default().with_language(language);
            if let Some(invited) = invited {
                options = options.with_invited(invited);
            }
            survey().aggregate(&responses, &options).unwrap()
        })
}

/// Register records built with the builders, blank texts included (the builders drop them).
pub fn register_record() -> impl Strategy<Value = RegisterRecord> {
    let text = || {
        select(vec![
            "",
            "  ",
            "Ziemeļu Rati",
            " SIA ",
            "Rīga, Brīvības iela 1",
        ])
    };
    (
        some_registration_number(),
        select(vec![
            "SIA \"Ziemeļu Rati\"",
            "SIA \"Vecā Dzirnava\" likvidācijā",
            " x ",
            "",
        ]),
        (text(), text(), text(), text(), text(), text()),
        proptest::option::of(day()),
        proptest::option::of(day()),
        select(vec!["", "L", "K"]),
    )
        .prop_map(
            |(
                number,
                name,
                (quoted, form, form_text, address, index, sepa),
                registered,
                terminated,
                closed,
            )| {
                RegisterRecord::new(number, name)
                    .with_name_in_quotes(quoted)
                    .with_legal_form(form, form_text)
                    .with_registered(registered)
                    .with_terminated(terminated)
                    .with_closed(closed)
                    .with_address(address, index)
                    .with_sepa_creditor_id(sepa)
            },
        )
}

/// A register that answers with one record, or with none.
struct OneRecord(Option<RegisterRecord>);

impl apkalpe_clients::CompanyRegister for OneRecord {
    fn look_up(
        &self,
        number: &RegistrationNumber,
    ) -> Result<Option<RegisterRecord>, apkalpe_clients::RegisterError> {
        Ok(self
            .0
            .as_ref()
            .filter(|record| record.registration_number() == number)
            .cloned())
    }
}

/// Verifications: a number checked, or a client (person or organisation) verified, against a
/// register that holds the client's record, another record or nothing.
pub fn verification() -> impl Strategy<Value = Verification> {
    (
        client_details(),
        proptest::option::of(register_record()),
        0_u8..3,
        some_registration_number(),
    )
        .prop_map(|(details, record, how, number)| {
            if how == 0 {
                return check_number(&number, &OneRecord(record)).unwrap();
            }
            let mut registry = ClientRegistry::new();
            let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
            let id = registry
                .register(ClientId::from_u128(1), details, at)
                .unwrap()
                .id();
            let client = registry.get(id).unwrap();
            let own = client
                .organisation()
                .and_then(|organisation| organisation.registration_number());
            // The second way gives the register a record with the client's own number.
            let record = match (record, own) {
                (Some(record), Some(own)) if how == 2 => Some(
                    RegisterRecord::new(*own, record.name())
                        .with_legal_form(record.legal_form().unwrap_or(""), "")
                        .with_closed(record.closed().unwrap_or(""))
                        .with_terminated(record.terminated()),
                ),
                (record, _) => record,
            };
            verify(client, &OneRecord(record)).unwrap()
        })
}
