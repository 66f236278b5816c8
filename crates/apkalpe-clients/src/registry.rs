//! The client registry (*klientu reģistrs*, S8, C13): registration with duplicate detection,
//! updates with a change history, search, filters, merge, and the records kept per client.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, hash_map};
use std::fmt;

use apkalpe_core::{
    Language, PartyName, PersonalCode, RegistrationNumber, RestoreError, VatNumber,
};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::ser::SerializeStruct;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::client::{
    Client, ClientChange, ClientDetails, ClientField, ClientId, ClientRecord, ClientStatus,
    FieldChange, FollowUpId, Identity, InteractionId, NeedId,
};
use crate::error::{ClientsError, PrivacyError, RecordKind, RegistryError};
use crate::interaction::{
    Channel, ERASED, FollowUp, FollowUpRecord, Interaction, InteractionRecord,
};
use crate::need::{Need, NeedRecord};
use crate::privacy::{
    ACCESS_EXPORT_SCHEMA, AccessExport, Consent, ConsentRecord, ContactDecision, ErasureReport,
    ErasureReportRecord, PersonalField, Purpose, RetentionHold, decide,
};
use crate::text::{Segment, StaffMember, Tag, name_key, name_tokens};

/// An identifier that makes two client records the same client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum IdentifierKey {
    PersonalCode(PersonalCode),
    RegistrationNumber(RegistrationNumber),
    VatNumber(VatNumber),
}

impl IdentifierKey {
    fn name(&self) -> &'static str {
        match self {
            IdentifierKey::PersonalCode(_) => "personal_code",
            IdentifierKey::RegistrationNumber(_) => "registration_number",
            IdentifierKey::VatNumber(_) => "vat_number",
        }
    }

    fn matched_on(&self) -> DuplicateMatch {
        match self {
            IdentifierKey::PersonalCode(_) => DuplicateMatch::PersonalCode,
            IdentifierKey::RegistrationNumber(_) => DuplicateMatch::RegistrationNumber,
            IdentifierKey::VatNumber(_) => DuplicateMatch::VatNumber,
        }
    }
}

/// Shows the identifier for a restore error: registration and VAT numbers in full, a personal
/// code masked as its `Debug` masks it (errors never echo a personal code).
impl fmt::Display for IdentifierKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IdentifierKey::PersonalCode(code) => write!(f, "{code:?}"),
            IdentifierKey::RegistrationNumber(number) => write!(f, "{number}"),
            IdentifierKey::VatNumber(number) => write!(f, "{number}"),
        }
    }
}

/// The identifiers of a client.
fn identifiers(identity: &Identity) -> Vec<IdentifierKey> {
    match identity {
        Identity::Person(person) => person
            .personal_code()
            .map(|code| IdentifierKey::PersonalCode(*code))
            .into_iter()
            .collect(),
        Identity::Organisation(organisation) => organisation
            .registration_number()
            .map(|number| IdentifierKey::RegistrationNumber(*number))
            .into_iter()
            .chain(
                organisation
                    .vat_number()
                    .map(|number| IdentifierKey::VatNumber(*number)),
            )
            .collect(),
    }
}

/// Name-and-contact keys: the folded name, a NUL, then `e:` + the lower-cased e-mail or
/// `p:` + the E.164 phone.
fn contact_keys(client: &Client, name: &str) -> Vec<String> {
    client
        .emails()
        .iter()
        .map(|email| format!("{name}\0e:{}", email.as_str().to_lowercase()))
        .chain(
            client
                .phones()
                .iter()
                .map(|phone| format!("{name}\0p:{phone}")),
        )
        .collect()
}

/// The clients holding one name-and-contact key, smallest id first. Two clients can share a
/// key (an update may give a client another's name and e-mail); duplicate detection then
/// names the smallest id, so the answer depends only on the clients held, not on the order of
/// past operations, and is the same after a restore.
#[derive(Debug, Clone)]
enum Holders {
    One(ClientId),
    /// Sorted, without repeats, two or more.
    Many(Vec<ClientId>),
}

impl Holders {
    /// Returns the smallest id (`None` never happens: an emptied key is removed).
    fn first(&self) -> Option<ClientId> {
        match self {
            Holders::One(id) => Some(*id),
            Holders::Many(ids) => ids.first().copied(),
        }
    }

    /// Adds an id (nothing if held already).
    fn insert(&mut self, id: ClientId) {
        match self {
            Holders::One(held) if *held == id => {}
            Holders::One(held) => {
                let mut ids = vec![*held, id];
                ids.sort_unstable();
                *self = Holders::Many(ids);
            }
            Holders::Many(ids) => {
                if let Err(position) = ids.binary_search(&id) {
                    ids.insert(position, id);
                }
            }
        }
    }

    /// Removes an id; returns whether none is left.
    fn remove(&mut self, id: ClientId) -> bool {
        match self {
            Holders::One(held) => *held == id,
            Holders::Many(ids) => {
                ids.retain(|held| *held != id);
                if let [only] = ids.as_slice() {
                    *self = Holders::One(*only);
                }
                false
            }
        }
    }
}

/// The index keys of a client, computed once per registration.
#[derive(Debug)]
struct Keys {
    identifiers: Vec<IdentifierKey>,
    contacts: Vec<String>,
    tokens: Vec<String>,
}

impl Keys {
    /// The keys a record is indexed under: its identifiers always; its name-and-contact keys
    /// and search tokens unless its name was erased.
    fn of_record(record: &ClientEntry) -> Keys {
        let name_erased = record
            .erasure
            .as_ref()
            .is_some_and(|erasure| erasure.is_erased(PersonalField::Name));
        if name_erased {
            return Keys {
                identifiers: identifiers(record.client.identity()),
                contacts: Vec::new(),
                tokens: Vec::new(),
            };
        }
        Keys::of(&record.client)
    }

    fn of(client: &Client) -> Keys {
        let display = client.display_name();
        let mut tokens = name_tokens(&display);
        tokens.sort_unstable();
        // The name key keeps repeated words (as `name_key` does); the search tokens do not.
        let name = tokens.join(" ");
        tokens.dedup();
        Keys {
            identifiers: identifiers(client.identity()),
            contacts: contact_keys(client, &name),
            tokens,
        }
    }
}

/// Why [`ClientRegistry::register`] returned an existing client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DuplicateMatch {
    /// The same personal code.
    PersonalCode,
    /// The same registration number.
    RegistrationNumber,
    /// The same VAT number.
    VatNumber,
    /// The same name (case, diacritics and word order ignored) and the same e-mail address.
    NameAndEmail,
    /// The same name and the same phone number.
    NameAndPhone,
}

/// The outcome of [`ClientRegistry::register`]: `{"outcome": "registered", "id": …}` or
/// `{"outcome": "existing", "id": …, "matched_on": …}`, deserialised field by field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Registration {
    /// A new client was registered with the id given.
    Registered {
        /// The new client's id.
        id: ClientId,
    },
    /// The client was already registered; nothing was added.
    Existing {
        /// The existing client's id.
        id: ClientId,
        /// What matched.
        matched_on: DuplicateMatch,
    },
}

impl Registration {
    /// Returns the id of the new or the existing client.
    pub fn id(&self) -> ClientId {
        match self {
            Registration::Registered { id } | Registration::Existing { id, .. } => *id,
        }
    }

    /// Tells whether a new client was registered.
    pub fn is_new(&self) -> bool {
        matches!(self, Registration::Registered { .. })
    }
}

/// Criteria for [`ClientRegistry::filter`]; a client must meet all that are set.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{ClientFilter, ClientStatus, Segment};
///
/// let filter = ClientFilter::default()
///     .with_status(ClientStatus::Active)
///     .with_segment(Segment::try_new("retail")?);
/// # let _ = filter;
/// # Ok::<(), apkalpe_clients::ParseTokenError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ClientFilter {
    segment: Option<Segment>,
    status: Option<ClientStatus>,
    tag: Option<Tag>,
    language: Option<Language>,
}

impl ClientFilter {
    /// Only clients in this segment.
    #[must_use]
    pub fn with_segment(mut self, segment: Segment) -> Self {
        self.segment = Some(segment);
        self
    }

    /// Only clients with this status.
    #[must_use]
    pub fn with_status(mut self, status: ClientStatus) -> Self {
        self.status = Some(status);
        self
    }

    /// Only clients with this tag.
    #[must_use]
    pub fn with_tag(mut self, tag: Tag) -> Self {
        self.tag = Some(tag);
        self
    }

    /// Only clients preferring this language.
    #[must_use]
    pub fn with_language(mut self, language: Language) -> Self {
        self.language = Some(language);
        self
    }

    fn matches(&self, client: &Client) -> bool {
        self.segment
            .as_ref()
            .is_none_or(|segment| client.segment() == Some(segment))
            && self.status.is_none_or(|status| client.status() == status)
            && self
                .tag
                .as_ref()
                .is_none_or(|tag| client.tags().contains(tag))
            && self
                .language
                .is_none_or(|language| client.language() == language)
    }
}

/// One event in a client's timeline, in time order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum TimelineEntry<'a> {
    /// The client was registered.
    Registered {
        /// When.
        at: DateTime<Utc>,
    },
    /// A field changed.
    Changed {
        /// The change.
        change: &'a FieldChange,
    },
    /// A need was recorded.
    NeedRecorded {
        /// The need.
        need: &'a Need,
    },
    /// A contact happened.
    Interaction {
        /// The interaction.
        interaction: &'a Interaction,
    },
    /// A follow-up task falls due (placed at 00:00 UTC of its due date).
    FollowUpDue {
        /// The task.
        follow_up: &'a FollowUp,
    },
    /// A consent was granted.
    ConsentGranted {
        /// The consent.
        consent: &'a Consent,
    },
    /// A consent was withdrawn.
    ConsentWithdrawn {
        /// The consent.
        consent: &'a Consent,
    },
}

impl TimelineEntry<'_> {
    /// Returns the time the entry is placed at.
    pub fn at(&self) -> DateTime<Utc> {
        match self {
            TimelineEntry::Registered { at } => *at,
            TimelineEntry::Changed { change } => change.at(),
            TimelineEntry::NeedRecorded { need } => need.recorded_at(),
            TimelineEntry::Interaction { interaction } => interaction.at(),
            TimelineEntry::FollowUpDue { follow_up } => {
                follow_up.due().and_time(NaiveTime::MIN).and_utc()
            }
            TimelineEntry::ConsentGranted { consent } => consent.granted_at(),
            TimelineEntry::ConsentWithdrawn { consent } => {
                consent.withdrawn_at().unwrap_or(consent.granted_at())
            }
        }
    }
}

impl fmt::Display for TimelineEntry<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}  ", self.at().format("%Y-%m-%d %H:%M"))?;
        match self {
            TimelineEntry::Registered { .. } => f.write_str("registered"),
            TimelineEntry::Changed { change } => write!(
                f,
                "{} changed by {}: {} → {}",
                change.field().as_str(),
                change.by(),
                change.old().unwrap_or("—"),
                change.new_value().unwrap_or("—")
            ),
            TimelineEntry::NeedRecorded { need } => write!(
                f,
                "need recorded: {} ({})",
                need.category(),
                need.status().name()
            ),
            TimelineEntry::Interaction { interaction } => write!(
                f,
                "{} {:?} by {}: {}",
                interaction.channel().as_str(),
                interaction.direction(),
                interaction.staff(),
                interaction.subject()
            ),
            TimelineEntry::FollowUpDue { follow_up } => write!(
                f,
                "follow-up due ({}): {}{}",
                follow_up.assigned_to(),
                follow_up.description(),
                if follow_up.done_at().is_some() {
                    " [done]"
                } else {
                    ""
                }
            ),
            TimelineEntry::ConsentGranted { consent } => {
                write!(f, "consent granted: {}", consent.purpose().as_str())
            }
            TimelineEntry::ConsentWithdrawn { consent } => {
                write!(f, "consent withdrawn: {}", consent.purpose().as_str())
            }
        }
    }
}

/// Everything held about one client. Saved as `{"client", "history", "needs",
/// "interactions", "follow_ups", "consents", "erasure"}`, empty lists and no erasure left out;
/// the search caches are rebuilt on restore.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ClientEntry {
    pub(crate) client: Client,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) history: Vec<FieldChange>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) needs: Vec<Need>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) interactions: Vec<Interaction>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) follow_ups: Vec<FollowUp>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) consents: Vec<Consent>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) erasure: Option<ErasureReport>,
    /// Folded name tokens, for search.
    #[serde(skip)]
    tokens: Vec<String>,
    /// The tokens joined by spaces: the order of search results.
    #[serde(skip)]
    sort_key: String,
}

/// The saved form of a [`ClientEntry`], before its checks (also the body of a saved
/// [`AccessExport`]).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ClientEntryRecord {
    pub(crate) client: ClientRecord,
    #[serde(default)]
    pub(crate) history: Vec<FieldChange>,
    #[serde(default)]
    pub(crate) needs: Vec<NeedRecord>,
    #[serde(default)]
    pub(crate) interactions: Vec<InteractionRecord>,
    #[serde(default)]
    pub(crate) follow_ups: Vec<FollowUpRecord>,
    #[serde(default)]
    pub(crate) consents: Vec<ConsentRecord>,
    #[serde(default)]
    pub(crate) erasure: Option<ErasureReportRecord>,
}

impl ClientEntryRecord {
    /// Restores each record through its own checks and checks what the registry guarantees of
    /// one client's records: each need, interaction and follow-up belongs to the client, the
    /// interactions are in time order, every change in the history fits the kind of client and
    /// (for a client never merged nor erased) the last change of each field gives its current
    /// value, and an erased client holds none of the values its erasure report says were
    /// erased. Paths are relative to the entry (`needs[2].client`).
    pub(crate) fn restore(self, what: &'static str) -> Result<ClientEntry, RestoreError> {
        let client = self
            .client
            .restore()
            .map_err(|error| error.within("client"))?;
        let id = client.id();
        let foreign = |list: &str, position: usize, owner: ClientId| {
            RestoreError::inconsistent(
                what,
                format!("{list}[{position}].client"),
                format_args!("belongs to client {owner}, not to client {id} that holds it"),
            )
        };
        let mut needs = Vec::with_capacity(self.needs.len());
        for (position, need) in self.needs.into_iter().enumerate() {
            let need = need
                .restore()
                .map_err(|error| error.within(format_args!("needs[{position}]")))?;
            if need.client() != id {
                return Err(foreign("needs", position, need.client()));
            }
            needs.push(need);
        }
        let mut interactions: Vec<Interaction> = Vec::with_capacity(self.interactions.len());
        for (position, interaction) in self.interactions.into_iter().enumerate() {
            let interaction = interaction
                .restore()
                .map_err(|error| error.within(format_args!("interactions[{position}]")))?;
            if interaction.client() != id {
                return Err(foreign("interactions", position, interaction.client()));
            }
            if interactions
                .last()
                .is_some_and(|previous| previous.at() > interaction.at())
            {
                return Err(RestoreError::inconsistent(
                    what,
                    format!("interactions[{position}].at"),
                    "interactions are kept in time order",
                )
                .with_latvian_reason("saziņas ieraksti glabājas laika secībā"));
            }
            interactions.push(interaction);
        }
        let mut follow_ups = Vec::with_capacity(self.follow_ups.len());
        for (position, follow_up) in self.follow_ups.into_iter().enumerate() {
            let follow_up = follow_up
                .restore()
                .map_err(|error| error.within(format_args!("follow_ups[{position}]")))?;
            if follow_up.client() != id {
                return Err(foreign("follow_ups", position, follow_up.client()));
            }
            follow_ups.push(follow_up);
        }
        let consents = self
            .consents
            .into_iter()
            .enumerate()
            .map(|(position, consent)| {
                consent
                    .restore()
                    .map_err(|error| error.within(format_args!("consents[{position}]")))
            })
            .collect::<Result<Vec<Consent>, RestoreError>>()?;
        let erasure = self
            .erasure
            .map(|report| report.restore().map_err(|error| error.within("erasure")))
            .transpose()?;
        let entry = ClientEntry {
            client,
            history: self.history,
            needs,
            interactions,
            follow_ups,
            consents,
            erasure,
            tokens: Vec::new(),
            sort_key: String::new(),
        };
        check_history(&entry, what)?;
        check_erasure(&entry, what)?;
        Ok(entry)
    }
}

/// Checks that every change fits the kind of client and, for a client never merged nor
/// erased, that the last change of each field gives the field's current value (updates
/// append the difference; merges bring another client's history and erasure changes values
/// without recording them, so for those only the first rule holds).
fn check_history(entry: &ClientEntry, what: &'static str) -> Result<(), RestoreError> {
    let client = &entry.client;
    let merged = !client.merged_from().is_empty();
    for (position, change) in entry.history.iter().enumerate() {
        let field = change.field();
        let fits = match field {
            ClientField::GivenName | ClientField::FamilyName | ClientField::PersonalCode => {
                client.person().is_some()
            }
            ClientField::OrganisationName
            | ClientField::LegalForm
            | ClientField::RegistrationNumber
            | ClientField::VatNumber => client.organisation().is_some(),
            ClientField::MergedFrom => merged,
            _ => true,
        };
        if !fits {
            return Err(RestoreError::inconsistent(
                what,
                format!("history[{position}].field"),
                format_args!(
                    "a change of {} does not fit a client of kind {}{}",
                    field.as_str(),
                    client.identity().kind(),
                    if field == ClientField::MergedFrom {
                        " that has no merged_from"
                    } else {
                        ""
                    }
                ),
            ));
        }
    }
    if merged || client.is_erased() || entry.history.is_empty() {
        return Ok(());
    }
    let current = client.field_values();
    let mut seen: Vec<ClientField> = Vec::new();
    for (position, change) in entry.history.iter().enumerate().rev() {
        let field = change.field();
        if seen.contains(&field) {
            continue;
        }
        seen.push(field);
        if let Some((_, value)) = current.iter().find(|(known, _)| *known == field)
            && change.new_value() != value.as_deref()
        {
            return Err(RestoreError::inconsistent(
                what,
                format!("history[{position}].new"),
                format_args!(
                    "the last change of {} does not give its current value",
                    field.as_str()
                ),
            ));
        }
    }
    Ok(())
}

/// Checks that the erasure report and the client's erasure time agree, and that the records
/// hold none of the values the report says were erased.
fn check_erasure(entry: &ClientEntry, what: &'static str) -> Result<(), RestoreError> {
    let client = &entry.client;
    let report = match (&entry.erasure, client.erased_at()) {
        (None, None) => return Ok(()),
        (None, Some(_)) => {
            return Err(RestoreError::missing(
                what,
                "erasure",
                "an erased client keeps the report of its erasure",
            )
            .with_latvian_reason("dzēstam klientam saglabājas dzēšanas pārskats"));
        }
        (Some(_), None) => {
            return Err(RestoreError::inconsistent(
                what,
                "erasure",
                "a client with an erasure report has an erased_at time",
            )
            .with_latvian_reason("klientam ar dzēšanas pārskatu ir dzēšanas laiks (erased_at)"));
        }
        (Some(report), Some(at)) => {
            if report.client() != client.id() {
                return Err(RestoreError::inconsistent(
                    what,
                    "erasure.client",
                    "the erasure report names another client",
                )
                .with_latvian_reason("dzēšanas pārskatā ir cits klients"));
            }
            if report.erased_at() != at {
                return Err(RestoreError::inconsistent(
                    what,
                    "erasure.erased_at",
                    "the erasure report and the client's erased_at differ",
                )
                .with_latvian_reason(
                    "dzēšanas pārskata un klienta dzēšanas laiks (erased_at) atšķiras",
                ));
            }
            report
        }
    };
    let held = |field: String, group: PersonalField| {
        RestoreError::inconsistent(
            what,
            field,
            format_args!("{} was erased, yet a value is held", group.as_str()),
        )
    };
    let erased = |group| report.is_erased(group);
    if let Some(person) = client.person() {
        if erased(PersonalField::Name) {
            if person.given_name() != ERASED {
                return Err(held(
                    "client.identity.given_name".into(),
                    PersonalField::Name,
                ));
            }
            if person.family_name() != ERASED {
                return Err(held(
                    "client.identity.family_name".into(),
                    PersonalField::Name,
                ));
            }
        }
        if erased(PersonalField::PersonalCode) && person.personal_code().is_some() {
            return Err(held(
                "client.identity.personal_code".into(),
                PersonalField::PersonalCode,
            ));
        }
    }
    let lists = [
        (
            PersonalField::Addresses,
            "client.addresses",
            client.addresses().is_empty(),
        ),
        (
            PersonalField::Emails,
            "client.emails",
            client.emails().is_empty(),
        ),
        (
            PersonalField::Phones,
            "client.phones",
            client.phones().is_empty(),
        ),
        (PersonalField::Tags, "client.tags", client.tags().is_empty()),
    ];
    for (group, field, empty) in lists {
        if erased(group) && !empty {
            return Err(held(field.into(), group));
        }
    }
    if erased(PersonalField::FreeTexts) {
        let free = PersonalField::FreeTexts;
        for (position, need) in entry.needs.iter().enumerate() {
            if need.category() != ERASED {
                return Err(held(format!("needs[{position}].category"), free));
            }
            if !need.required_features().is_empty() {
                return Err(held(format!("needs[{position}].required_features"), free));
            }
            if !need.preferred_features().is_empty() {
                return Err(held(format!("needs[{position}].preferred_features"), free));
            }
            if need.notes().is_some() {
                return Err(held(format!("needs[{position}].notes"), free));
            }
        }
        for (position, interaction) in entry.interactions.iter().enumerate() {
            if interaction.subject() != ERASED {
                return Err(held(format!("interactions[{position}].subject"), free));
            }
            if interaction.summary().is_some() {
                return Err(held(format!("interactions[{position}].summary"), free));
            }
        }
        for (position, follow_up) in entry.follow_ups.iter().enumerate() {
            if follow_up.description() != ERASED {
                return Err(held(format!("follow_ups[{position}].description"), free));
            }
        }
    }
    for (position, change) in entry.history.iter().enumerate() {
        let Some(group) = PersonalField::of(change.field()) else {
            continue;
        };
        let holds = |value: Option<&str>| value.is_some_and(|value| value != ERASED);
        if erased(group) && (holds(change.old()) || holds(change.new_value())) {
            return Err(held(format!("history[{position}]"), group));
        }
    }
    Ok(())
}

/// The client database (*klientu datubāze*, C13): clients, their change history, needs,
/// interactions, follow-up tasks and consents, with the indexes that make registration and
/// search fast.
///
/// Ids and times are arguments; the registry makes none. It lives in memory: persistence is the
/// embedding program's job.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person};
/// use apkalpe_core::PersonalCode;
/// use chrono::{TimeZone, Utc};
/// use uuid::Uuid;
///
/// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
/// let mut registry = ClientRegistry::new();
/// let anna = || -> Result<ClientDetails, apkalpe_clients::ClientsError> {
///     Ok(ClientDetails::person(
///         Person::try_new("Anna", "Bērziņa")?.with_personal_code(PersonalCode::try_new("161175-19997")?),
///     ))
/// };
/// let first = registry.register(ClientId::new(Uuid::from_u128(1)), anna()?, at)?;
/// let second = registry.register(ClientId::new(Uuid::from_u128(2)), anna()?, at)?;
/// assert!(first.is_new() && !second.is_new());
/// assert_eq!(second.id(), first.id());
/// assert_eq!(registry.search("berzina anna").len(), 1);
/// # Ok::<(), apkalpe_clients::ClientsError>(())
/// ```
///
/// # Saved form
///
/// The registry serialises as `{"clients": [ … ], "merged_into": {absorbed: kept}}`: per
/// client, in id order, `{"client", "history", "needs", "interactions", "follow_ups",
/// "consents", "erasure"}` (empty lists and a missing erasure left out). The indexes
/// (identifiers, names and contacts, search tokens, the owners of needs, interactions and
/// follow-ups) are not saved: deserialising rebuilds them from the records, after checking
/// every record through its own rules and what registration, updates, merges and erasure
/// guarantee together: client ids unique; no identifier (personal code, registration or VAT
/// number) held by two clients; need, interaction and follow-up ids unique and each filed
/// under its own client; interactions in time order; merged ids resolving to clients that
/// exist, never to a merged id; the history consistent with the current values; erased
/// clients holding no erased value. A value that breaks one is refused with a
/// [`RestoreError`]; `docs/model/clients.md` shows a saved registry.
///
/// ```
/// use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person};
/// use apkalpe_core::PersonalCode;
/// use chrono::{TimeZone, Utc};
///
/// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
/// let anna = || -> Result<ClientDetails, apkalpe_clients::ClientsError> {
///     Ok(ClientDetails::person(
///         Person::try_new("Anna", "Bērziņa")?.with_personal_code(PersonalCode::try_new("161175-19997")?),
///     ))
/// };
/// let mut registry = ClientRegistry::new();
/// registry.register(ClientId::from_u128(1), anna()?, at)?;
/// let json = serde_json::to_string(&registry)?;
/// let mut restored: ClientRegistry = serde_json::from_str(&json)?;
/// assert_eq!(serde_json::to_string(&restored)?, json);
/// // Duplicate detection works on the rebuilt indexes.
/// assert!(!restored.register(ClientId::from_u128(2), anna()?, at)?.is_new());
/// // Two clients with one personal code are refused.
/// let second = r#"{"client":{"id":"00000000-0000-0000-0000-000000000002","identity":{"kind":"person","given_name":"Anna","family_name":"Bērziņa","personal_code":"161175-19997"},"addresses":[],"emails":[],"phones":[],"language":"lv","tags":[],"status":"prospect","registered_at":"2026-11-27T09:00:00Z"}}"#;
/// let edited = json.replace(r#"],"merged_into""#, &format!(r#",{second}],"merged_into""#));
/// let error = serde_json::from_str::<ClientRegistry>(&edited).unwrap_err();
/// assert!(error.to_string().starts_with("restore.duplicate: cannot restore ClientRegistry: clients[1].client.identity.personal_code"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(try_from = "ClientRegistryRecord")]
pub struct ClientRegistry {
    records: BTreeMap<ClientId, Box<ClientEntry>>,
    merged_into: HashMap<ClientId, ClientId>,
    by_identifier: HashMap<IdentifierKey, ClientId>,
    by_name_contact: HashMap<String, Holders>,
    tokens: BTreeMap<String, BTreeSet<ClientId>>,
    needs: HashMap<NeedId, ClientId>,
    interactions: HashMap<InteractionId, ClientId>,
    follow_ups: HashMap<FollowUpId, ClientId>,
}

impl ClientRegistry {
    /// Creates an empty registry.
    pub fn new() -> Self {
        ClientRegistry::default()
    }

    /// Returns the number of clients (merged ones not counted).
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// Tells whether the registry has no clients.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// Returns the id a client now has: itself, or the client it was merged into.
    pub fn resolve(&self, id: ClientId) -> ClientId {
        self.merged_into.get(&id).copied().unwrap_or(id)
    }

    /// Returns a client by id (following merges).
    pub fn get(&self, id: ClientId) -> Option<&Client> {
        self.records
            .get(&self.resolve(id))
            .map(|record| &record.client)
    }

    /// Returns every client, in id order.
    pub fn clients(&self) -> impl Iterator<Item = &Client> {
        self.records.values().map(|record| &record.client)
    }

    fn record(&self, id: ClientId) -> Result<&ClientEntry, RegistryError> {
        self.records
            .get(&self.resolve(id))
            .map(|record| &**record)
            .ok_or(RegistryError::UnknownRecord {
                kind: RecordKind::Client,
                id: id.as_uuid(),
            })
    }

    fn record_mut(&mut self, id: ClientId) -> Result<&mut ClientEntry, RegistryError> {
        let resolved = self.resolve(id);
        self.records
            .get_mut(&resolved)
            .map(|record| &mut **record)
            .ok_or(RegistryError::UnknownRecord {
                kind: RecordKind::Client,
                id: id.as_uuid(),
            })
    }

    /// Like [`record_mut`](Self::record_mut), refusing an erased client.
    fn live_record_mut(&mut self, id: ClientId) -> Result<&mut ClientEntry, RegistryError> {
        let record = self.record_mut(id)?;
        if record.client.is_erased() {
            return Err(RegistryError::Erased {
                id: record.client.id().as_uuid(),
            });
        }
        Ok(record)
    }

    /// Finds an existing client with the same identifier, or the same name and contact.
    fn find_duplicate(&self, keys: &Keys) -> Option<(ClientId, DuplicateMatch)> {
        for key in &keys.identifiers {
            if let Some(id) = self.by_identifier.get(key) {
                return Some((*id, key.matched_on()));
            }
        }
        for contact in &keys.contacts {
            if let Some(id) = self.by_name_contact.get(contact).and_then(Holders::first) {
                let matched = if contact.contains("\0e:") {
                    DuplicateMatch::NameAndEmail
                } else {
                    DuplicateMatch::NameAndPhone
                };
                return Some((id, matched));
            }
        }
        None
    }

    /// Registers a client (S8), or returns the client already registered with the same
    /// personal code, registration number or VAT number (and the same name), or with the same
    /// name (case, diacritics and word order ignored) and the same e-mail address or phone
    /// number.
    ///
    /// # Errors
    ///
    /// [`RegistryError::DuplicateId`] when `id` is already used by another client;
    /// [`RegistryError::IdentifierUnderAnotherName`] when a client under another name holds
    /// the identifier given (a mistyped code, or someone else's): nothing is registered, and
    /// the name given is not dropped for the holder's.
    ///
    /// # Examples
    ///
    /// See [`ClientRegistry`].
    pub fn register(
        &mut self,
        id: ClientId,
        details: ClientDetails,
        at: DateTime<Utc>,
    ) -> Result<Registration, RegistryError> {
        let client = Client::new(id, details, at);
        let keys = Keys::of(&client);
        if let Some((existing, matched_on)) = self.find_duplicate(&keys) {
            // Found by an identifier: the same client only if the names agree (case,
            // diacritics and word order aside); else the identifier is mistyped or another's.
            let identifier = match matched_on {
                DuplicateMatch::PersonalCode => Some("personal_code"),
                DuplicateMatch::RegistrationNumber => Some("registration_number"),
                DuplicateMatch::VatNumber => Some("vat_number"),
                DuplicateMatch::NameAndEmail | DuplicateMatch::NameAndPhone => None,
            };
            if let Some(identifier) = identifier
                && let Some(holder) = self.records.get(&existing)
                && !same_words(&holder.tokens, &keys.tokens)
            {
                return Err(RegistryError::IdentifierUnderAnotherName {
                    identifier,
                    holder: existing.as_uuid(),
                });
            }
            return Ok(Registration::Existing {
                id: existing,
                matched_on,
            });
        }
        if self.records.contains_key(&id) || self.merged_into.contains_key(&id) {
            return Err(RegistryError::DuplicateId {
                kind: RecordKind::Client,
                id: id.as_uuid(),
            });
        }
        let mut record = Box::new(ClientEntry {
            client,
            history: Vec::new(),
            needs: Vec::new(),
            interactions: Vec::new(),
            follow_ups: Vec::new(),
            consents: Vec::new(),
            erasure: None,
            tokens: Vec::new(),
            sort_key: String::new(),
        });
        self.index_with(&mut record, keys);
        self.records.insert(id, record);
        Ok(Registration::Registered { id })
    }

    /// Adds a record's keys to the indexes (and caches its search tokens).
    fn index(&mut self, record: &mut ClientEntry) {
        let keys = Keys::of_record(record);
        self.index_with(record, keys);
    }

    /// Adds keys computed before ([`Keys::of_record`]) to the indexes.
    fn index_with(&mut self, record: &mut ClientEntry, keys: Keys) {
        let id = record.client.id();
        for key in keys.identifiers {
            self.by_identifier.entry(key).or_insert(id);
        }
        for contact in keys.contacts {
            self.add_contact(contact, id);
        }
        for token in &keys.tokens {
            self.tokens.entry(token.clone()).or_default().insert(id);
        }
        record.sort_key = keys.tokens.join(" ");
        record.tokens = keys.tokens;
    }

    /// Adds a client to the holders of a name-and-contact key.
    fn add_contact(&mut self, contact: String, id: ClientId) {
        match self.by_name_contact.entry(contact) {
            hash_map::Entry::Occupied(mut holders) => holders.get_mut().insert(id),
            hash_map::Entry::Vacant(slot) => {
                slot.insert(Holders::One(id));
            }
        }
    }

    /// Removes a record's keys from the indexes.
    fn unindex(&mut self, record: &ClientEntry) {
        let client = &record.client;
        let id = client.id();
        for key in identifiers(client.identity()) {
            if self.by_identifier.get(&key) == Some(&id) {
                self.by_identifier.remove(&key);
            }
        }
        let name = name_key(&client.display_name());
        for key in contact_keys(client, &name) {
            if self
                .by_name_contact
                .get_mut(&key)
                .is_some_and(|holders| holders.remove(id))
            {
                self.by_name_contact.remove(&key);
            }
        }
        for token in &record.tokens {
            if let Some(ids) = self.tokens.get_mut(token) {
                ids.remove(&id);
                if ids.is_empty() {
                    self.tokens.remove(token);
                }
            }
        }
    }

    /// Checks that none of the client's identifiers is held by another client.
    fn check_identifiers(&self, client: &Client) -> Result<(), RegistryError> {
        for key in identifiers(client.identity()) {
            if let Some(holder) = self.by_identifier.get(&key)
                && *holder != client.id()
            {
                return Err(RegistryError::IdentifierTaken {
                    identifier: key.name(),
                    holder: holder.as_uuid(),
                });
            }
        }
        Ok(())
    }

    /// Replaces a record's client, re-indexing it, and appends the field changes.
    fn replace_client(
        &mut self,
        id: ClientId,
        updated: Client,
        by: &StaffMember,
        at: DateTime<Utc>,
    ) -> Result<Vec<FieldChange>, RegistryError> {
        let mut record = self
            .records
            .remove(&id)
            .ok_or(RegistryError::UnknownRecord {
                kind: RecordKind::Client,
                id: id.as_uuid(),
            })?;
        let changes = diff(&record.client, &updated, by, at);
        self.unindex(&record);
        record.client = updated;
        record.history.extend(changes.iter().cloned());
        self.index(&mut record);
        self.records.insert(id, record);
        Ok(changes)
    }

    /// Applies changes to a client and records every changed field in its history: who, when,
    /// the old and the new value. Returns the changes recorded (none if nothing changed).
    ///
    /// # Errors
    ///
    /// - [`RegistryError::UnknownRecord`] for an unknown client;
    /// - [`RegistryError::Erased`] for an erased client;
    /// - [`RegistryError::FieldNotApplicable`] for a person's field on an organisation or the
    ///   other way round;
    /// - [`RegistryError::IdentifierTaken`] when another client holds the new identifier.
    ///
    /// Nothing is changed when an error is returned.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientChange, ClientDetails, ClientField, ClientId, ClientRegistry, ClientStatus, Person, StaffMember};
    /// use chrono::{TimeZone, Utc};
    /// use uuid::Uuid;
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let mut registry = ClientRegistry::new();
    /// let id = registry.register(ClientId::new(Uuid::from_u128(1)),
    ///     ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
    /// let changes = registry.update(id, vec![ClientChange::Status(ClientStatus::Active)],
    ///     &StaffMember::try_new("Ilze")?, at)?;
    /// assert_eq!(changes[0].field(), ClientField::Status);
    /// assert_eq!((changes[0].old(), changes[0].new_value()), (Some("prospect"), Some("active")));
    /// # Ok::<(), apkalpe_clients::ClientsError>(())
    /// ```
    pub fn update(
        &mut self,
        id: ClientId,
        changes: Vec<ClientChange>,
        by: &StaffMember,
        at: DateTime<Utc>,
    ) -> Result<Vec<FieldChange>, RegistryError> {
        let record = self.live_record_mut(id)?;
        let mut updated = record.client.clone();
        for change in changes {
            change.apply(&mut updated)?;
        }
        self.check_identifiers(&updated)?;
        self.replace_client(updated.id(), updated, by, at)
    }

    /// Finds clients by name, ignoring case, Latvian diacritics (ā č ē ģ ī ķ ļ ņ š ū ž match
    /// a c e g i k l n s u z) and word order: every word of the query must be the start of a
    /// word of the name ("berz ann" finds "Anna Bērziņa"). Results are sorted by name, then id.
    /// An empty query finds nothing.
    pub fn search(&self, query: &str) -> Vec<&Client> {
        let mut words = name_tokens(query);
        words.sort_unstable();
        words.dedup();
        if words.is_empty() {
            return Vec::new();
        }
        // Each word's candidates, sorted: the ids of every name word it starts.
        let candidates_of = |word: &String| -> Vec<ClientId> {
            let mut postings = self
                .tokens
                .range(word.clone()..)
                .take_while(|(token, _)| token.starts_with(word.as_str()));
            let Some((_, first)) = postings.next() else {
                return Vec::new();
            };
            let mut ids: Vec<ClientId> = first.iter().copied().collect();
            let mut merged = false;
            for (_, more) in postings {
                ids.extend(more.iter().copied());
                merged = true;
            }
            if merged {
                ids.sort_unstable();
                ids.dedup();
            }
            ids
        };
        let mut sets: Vec<Vec<ClientId>> = words.iter().map(candidates_of).collect();
        sets.sort_by_key(Vec::len);
        let mut sets = sets.into_iter();
        let mut candidates = sets.next().unwrap_or_default();
        for other in sets {
            candidates.retain(|id| other.binary_search(id).is_ok());
        }
        let mut found: Vec<&ClientEntry> = candidates
            .into_iter()
            .filter_map(|id| self.records.get(&id).map(|record| &**record))
            .collect();
        found.sort_by(|a, b| {
            a.sort_key
                .cmp(&b.sort_key)
                .then_with(|| a.client.id().cmp(&b.client.id()))
        });
        found.into_iter().map(|record| &record.client).collect()
    }

    /// Lists the clients that meet every criterion of the filter, in id order.
    pub fn filter(&self, filter: &ClientFilter) -> Vec<&Client> {
        self.clients()
            .filter(|client| filter.matches(client))
            .collect()
    }

    /// Returns a client's change history, oldest first.
    ///
    /// # Errors
    ///
    /// [`RegistryError::UnknownRecord`] for an unknown client.
    pub fn history(&self, id: ClientId) -> Result<&[FieldChange], RegistryError> {
        Ok(&self.record(id)?.history)
    }

    /// Merges `absorbed` into `kept`: the kept client keeps its identity and gains the
    /// absorbed client's missing identifiers, addresses, contacts, tags and segment; needs,
    /// interactions, follow-ups, consents and both change histories move to the kept client;
    /// the absorbed id afterwards resolves to the kept one. Returns the field changes recorded
    /// on the kept client (the first one names the absorbed client).
    ///
    /// # Errors
    ///
    /// [`RegistryError::UnknownRecord`], [`RegistryError::MergeSelf`],
    /// [`RegistryError::MergeKinds`] (a person and an organisation), [`RegistryError::Erased`].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person, StaffMember};
    /// use apkalpe_core::{EmailAddress, PhoneNumber};
    /// use chrono::{TimeZone, Utc};
    /// use uuid::Uuid;
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let mut registry = ClientRegistry::new();
    /// let a = registry.register(ClientId::new(Uuid::from_u128(1)), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?)
    ///     .with_email(EmailAddress::try_new("anna@example.lv")?), at)?.id();
    /// let b = registry.register(ClientId::new(Uuid::from_u128(2)), ClientDetails::person(Person::try_new("Anna", "Berzina")?)
    ///     .with_phone(PhoneNumber::try_new("+371 2000 0001")?), at)?.id();
    /// registry.merge(a, b, &StaffMember::try_new("Ilze")?, at)?;
    /// assert_eq!(registry.len(), 1);
    /// assert_eq!(registry.get(b).map(|client| client.phones().len()), Some(1));
    /// # Ok::<(), apkalpe_clients::ClientsError>(())
    /// ```
    pub fn merge(
        &mut self,
        kept: ClientId,
        absorbed: ClientId,
        by: &StaffMember,
        at: DateTime<Utc>,
    ) -> Result<Vec<FieldChange>, RegistryError> {
        let kept = self.resolve(kept);
        let absorbed = self.resolve(absorbed);
        if kept == absorbed {
            return Err(RegistryError::MergeSelf { id: kept.as_uuid() });
        }
        let kept_record = self.record(kept)?;
        let absorbed_record = self.record(absorbed)?;
        for record in [kept_record, absorbed_record] {
            if record.client.is_erased() {
                return Err(RegistryError::Erased {
                    id: record.client.id().as_uuid(),
                });
            }
        }
        let (kept_kind, absorbed_kind) = (
            kept_record.client.identity().kind(),
            absorbed_record.client.identity().kind(),
        );
        if kept_kind != absorbed_kind {
            return Err(RegistryError::MergeKinds {
                kept: kept_kind,
                absorbed: absorbed_kind,
            });
        }
        let mut updated = kept_record.client.clone();
        fill_from(&mut updated, &absorbed_record.client);
        let Some(absorbed_record) = self.records.remove(&absorbed) else {
            return Err(RegistryError::UnknownRecord {
                kind: RecordKind::Client,
                id: absorbed.as_uuid(),
            });
        };
        self.unindex(&absorbed_record);
        let merged = FieldChange {
            field: ClientField::MergedFrom,
            old: None,
            new: Some(format!(
                "{} ({})",
                absorbed,
                absorbed_record.client.display_name()
            )),
            by: by.clone(),
            at,
        };
        updated.push_merged(absorbed);
        self.record_mut(kept)?.history.push(merged.clone());
        let mut changes = vec![merged];
        changes.extend(self.replace_client(kept, updated, by, at)?);
        let ClientEntry {
            history,
            mut needs,
            mut interactions,
            mut follow_ups,
            consents,
            ..
        } = *absorbed_record;
        for need in &mut needs {
            need.set_client(kept);
            self.needs.insert(need.id(), kept);
        }
        for interaction in &mut interactions {
            interaction.set_client(kept);
            self.interactions.insert(interaction.id(), kept);
        }
        for follow_up in &mut follow_ups {
            follow_up.set_client(kept);
            self.follow_ups.insert(follow_up.id(), kept);
        }
        let record = self.record_mut(kept)?;
        record.history.extend(history);
        record.history.sort_by_key(FieldChange::at);
        record.needs.extend(needs);
        record.interactions.extend(interactions);
        record.interactions.sort_by_key(Interaction::at);
        record.follow_ups.extend(follow_ups);
        record.consents.extend(consents);
        for target in self.merged_into.values_mut() {
            if *target == absorbed {
                *target = kept;
            }
        }
        self.merged_into.insert(absorbed, kept);
        Ok(changes)
    }

    /// Records a need or request of a client (T2.3).
    ///
    /// # Errors
    ///
    /// [`RegistryError::UnknownRecord`] for an unknown client, [`RegistryError::Erased`],
    /// [`RegistryError::DuplicateId`] for a need id already used.
    pub fn record_need(&mut self, need: Need) -> Result<(), RegistryError> {
        if self.needs.contains_key(&need.id()) {
            return Err(RegistryError::DuplicateId {
                kind: RecordKind::Need,
                id: need.id().as_uuid(),
            });
        }
        let record = self.live_record_mut(need.client())?;
        let owner = record.client.id();
        let mut need = need;
        need.set_client(owner);
        let id = need.id();
        record.needs.push(need);
        self.needs.insert(id, owner);
        Ok(())
    }

    /// Returns a need by id.
    pub fn need(&self, id: NeedId) -> Option<&Need> {
        let owner = self.needs.get(&id)?;
        self.records
            .get(owner)?
            .needs
            .iter()
            .find(|need| need.id() == id)
    }

    /// Returns a need to move it through its life cycle ([`Need::offer`], [`Need::accept`],
    /// [`Need::decline`]).
    pub fn need_mut(&mut self, id: NeedId) -> Option<&mut Need> {
        let owner = self.needs.get(&id)?;
        self.records
            .get_mut(owner)?
            .needs
            .iter_mut()
            .find(|need| need.id() == id)
    }

    /// Returns a client's needs, in the order recorded.
    ///
    /// # Errors
    ///
    /// [`RegistryError::UnknownRecord`] for an unknown client.
    pub fn needs_of(&self, client: ClientId) -> Result<&[Need], RegistryError> {
        Ok(&self.record(client)?.needs)
    }

    /// Marks lapsed every pending need whose needed-by date is before `today`; returns their ids.
    pub fn lapse_needs(&mut self, today: NaiveDate) -> Vec<NeedId> {
        let mut lapsed = Vec::new();
        for record in self.records.values_mut() {
            for need in &mut record.needs {
                if need.lapse_if_due(today) {
                    lapsed.push(need.id());
                }
            }
        }
        lapsed
    }

    /// Records a contact with a client (T2.1, T2.6, T3.1, S10).
    ///
    /// # Errors
    ///
    /// [`RegistryError::UnknownRecord`], [`RegistryError::Erased`],
    /// [`RegistryError::DuplicateId`].
    pub fn record_interaction(&mut self, interaction: Interaction) -> Result<(), RegistryError> {
        if self.interactions.contains_key(&interaction.id()) {
            return Err(RegistryError::DuplicateId {
                kind: RecordKind::Interaction,
                id: interaction.id().as_uuid(),
            });
        }
        let record = self.live_record_mut(interaction.client())?;
        let owner = record.client.id();
        let mut interaction = interaction;
        interaction.set_client(owner);
        let id = interaction.id();
        let position = record
            .interactions
            .partition_point(|other| other.at() <= interaction.at());
        record.interactions.insert(position, interaction);
        self.interactions.insert(id, owner);
        Ok(())
    }

    /// Returns a client's interactions in time order.
    ///
    /// # Errors
    ///
    /// [`RegistryError::UnknownRecord`] for an unknown client.
    pub fn interactions_of(&self, client: ClientId) -> Result<&[Interaction], RegistryError> {
        Ok(&self.record(client)?.interactions)
    }

    /// Adds a follow-up task.
    ///
    /// # Errors
    ///
    /// [`RegistryError::UnknownRecord`], [`RegistryError::Erased`],
    /// [`RegistryError::DuplicateId`].
    pub fn add_follow_up(&mut self, follow_up: FollowUp) -> Result<(), RegistryError> {
        if self.follow_ups.contains_key(&follow_up.id()) {
            return Err(RegistryError::DuplicateId {
                kind: RecordKind::FollowUp,
                id: follow_up.id().as_uuid(),
            });
        }
        let record = self.live_record_mut(follow_up.client())?;
        let owner = record.client.id();
        let mut follow_up = follow_up;
        follow_up.set_client(owner);
        let id = follow_up.id();
        record.follow_ups.push(follow_up);
        self.follow_ups.insert(id, owner);
        Ok(())
    }

    /// Marks a follow-up task done.
    ///
    /// # Errors
    ///
    /// [`RegistryError::UnknownRecord`] for an unknown task,
    /// [`RegistryError::FollowUpDone`] when it is already done.
    pub fn complete_follow_up(
        &mut self,
        id: FollowUpId,
        at: DateTime<Utc>,
    ) -> Result<(), RegistryError> {
        let unknown = RegistryError::UnknownRecord {
            kind: RecordKind::FollowUp,
            id: id.as_uuid(),
        };
        let owner = *self.follow_ups.get(&id).ok_or(unknown.clone())?;
        let task = self
            .records
            .get_mut(&owner)
            .and_then(|record| record.follow_ups.iter_mut().find(|task| task.id() == id))
            .ok_or(unknown)?;
        if task.done_at().is_some() {
            return Err(RegistryError::FollowUpDone { id: id.as_uuid() });
        }
        task.complete(at);
        Ok(())
    }

    /// Lists open follow-up tasks due before `today`, oldest due date first.
    pub fn overdue_follow_ups(&self, today: NaiveDate) -> Vec<&FollowUp> {
        let mut overdue: Vec<&FollowUp> = self
            .records
            .values()
            .flat_map(|record| record.follow_ups.iter())
            .filter(|task| task.is_overdue(today))
            .collect();
        overdue.sort_by_key(|task| (task.due(), task.id()));
        overdue
    }

    /// Returns a client's timeline: registration, changes, needs, contacts, follow-ups and
    /// consents in time order (ties keep that order).
    ///
    /// # Errors
    ///
    /// [`RegistryError::UnknownRecord`] for an unknown client.
    pub fn timeline(&self, client: ClientId) -> Result<Vec<TimelineEntry<'_>>, RegistryError> {
        let record = self.record(client)?;
        let mut entries = vec![TimelineEntry::Registered {
            at: record.client.registered_at(),
        }];
        entries.extend(
            record
                .history
                .iter()
                .map(|change| TimelineEntry::Changed { change }),
        );
        entries.extend(
            record
                .needs
                .iter()
                .map(|need| TimelineEntry::NeedRecorded { need }),
        );
        entries.extend(
            record
                .interactions
                .iter()
                .map(|interaction| TimelineEntry::Interaction { interaction }),
        );
        entries.extend(
            record
                .follow_ups
                .iter()
                .map(|follow_up| TimelineEntry::FollowUpDue { follow_up }),
        );
        for consent in &record.consents {
            entries.push(TimelineEntry::ConsentGranted { consent });
            if consent.withdrawn_at().is_some() {
                entries.push(TimelineEntry::ConsentWithdrawn { consent });
            }
        }
        entries.sort_by_key(TimelineEntry::at);
        Ok(entries)
    }

    /// Records a consent (or another legal basis) of a client.
    ///
    /// # Errors
    ///
    /// [`RegistryError::UnknownRecord`], [`RegistryError::Erased`].
    pub fn grant_consent(
        &mut self,
        client: ClientId,
        consent: Consent,
    ) -> Result<(), RegistryError> {
        self.live_record_mut(client)?.consents.push(consent);
        Ok(())
    }

    /// Withdraws every active consent of a client for a purpose at `at` (GDPR art. 7(3)).
    ///
    /// # Errors
    ///
    /// [`ClientsError::Registry`] for an unknown client;
    /// [`PrivacyError::NoActiveConsent`] when none is active at `at`;
    /// [`PrivacyError::AlreadyWithdrawn`] when one active at `at` already carries a later
    /// withdrawal (recorded out of time order). Nothing is changed when an error is returned.
    pub fn withdraw_consent(
        &mut self,
        client: ClientId,
        purpose: Purpose,
        at: DateTime<Utc>,
    ) -> Result<(), ClientsError> {
        let record = self.record_mut(client)?;
        let active = |consent: &Consent| consent.purpose() == purpose && consent.is_active_at(at);
        if !record.consents.iter().any(active) {
            return Err(PrivacyError::NoActiveConsent {
                purpose: purpose.as_str(),
            }
            .into());
        }
        // Check every consent before changing any, so a refusal leaves all as they were.
        if record
            .consents
            .iter()
            .any(|consent| active(consent) && consent.withdrawn_at().is_some())
        {
            return Err(PrivacyError::AlreadyWithdrawn.into());
        }
        for consent in record.consents.iter_mut().filter(|consent| active(consent)) {
            // Active at `at` and not withdrawn: granted at or before `at`, so this succeeds.
            let withdrawn = consent.withdraw(at);
            debug_assert!(withdrawn.is_ok(), "checked above: {withdrawn:?}");
        }
        Ok(())
    }

    /// Returns a client's consents, in the order recorded.
    ///
    /// # Errors
    ///
    /// [`RegistryError::UnknownRecord`] for an unknown client.
    pub fn consents_of(&self, client: ClientId) -> Result<&[Consent], RegistryError> {
        Ok(&self.record(client)?.consents)
    }

    /// Tells whether a client may be contacted through `channel` for `purpose` at `at`: the
    /// client is neither erased nor closed, the channel serves the purpose
    /// ([`Purpose::covers`]) and a consent for the purpose is active at `at`.
    ///
    /// # Errors
    ///
    /// [`RegistryError::UnknownRecord`] for an unknown client.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{Channel, ClientDetails, ClientId, ClientRegistry, Consent, LegalBasis, Person, Purpose};
    /// use chrono::{TimeZone, Utc};
    /// use uuid::Uuid;
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let mut registry = ClientRegistry::new();
    /// let id = registry.register(ClientId::new(Uuid::from_u128(1)),
    ///     ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
    /// registry.grant_consent(id, Consent::new(Purpose::MarketingEmail, LegalBasis::Consent, at))?;
    /// assert!(registry.may_contact(id, Channel::Email, Purpose::MarketingEmail, at)?.is_allowed());
    /// assert!(!registry.may_contact(id, Channel::Phone, Purpose::MarketingEmail, at)?.is_allowed());
    /// assert!(!registry.may_contact(id, Channel::Phone, Purpose::PhoneCalls, at)?.is_allowed());
    /// # Ok::<(), apkalpe_clients::ClientsError>(())
    /// ```
    pub fn may_contact(
        &self,
        client: ClientId,
        channel: Channel,
        purpose: Purpose,
        at: DateTime<Utc>,
    ) -> Result<ContactDecision, RegistryError> {
        let record = self.record(client)?;
        Ok(decide(
            &record.client,
            &record.consents,
            channel,
            purpose,
            at,
        ))
    }

    /// Returns everything held about a client as one document (GDPR art. 15), stamped with
    /// the moment it was made (`generated_at`: the caller's clock, as everything in this
    /// crate): the client, the birth date its personal code carries, consents, needs,
    /// interactions, follow-ups, the change history and, after erasure, the erasure report.
    /// Serialise it with serde (schema `apkalpe.clients.access_export/1`, see
    /// `docs/model/clients.md`).
    ///
    /// # Errors
    ///
    /// [`RegistryError::UnknownRecord`] for an unknown client.
    pub fn access_export(
        &self,
        client: ClientId,
        generated_at: DateTime<Utc>,
    ) -> Result<AccessExport<'_>, RegistryError> {
        let record = self.record(client)?;
        Ok(AccessExport {
            schema: Cow::Borrowed(ACCESS_EXPORT_SCHEMA),
            generated_at,
            client: Cow::Borrowed(&record.client),
            birth_date: record
                .client
                .person()
                .and_then(|person| person.birth_date()),
            consents: Cow::Borrowed(&record.consents),
            needs: Cow::Borrowed(&record.needs),
            interactions: Cow::Borrowed(&record.interactions),
            follow_ups: Cow::Borrowed(&record.follow_ups),
            history: Cow::Borrowed(&record.history),
            erasure: record.erasure.as_ref().map(Cow::Borrowed),
        })
    }

    /// Erases a natural person's personal data (GDPR art. 17), except the fields a retention
    /// hold applying on `today` keeps (art. 17(3)(b)). Erased names become `[erased]`; erased
    /// identifiers, addresses, contacts and tags are removed; erased free texts are replaced
    /// by `[erased]` or dropped, in the history too. Active consents are withdrawn at `at`, the
    /// status becomes closed, and the client takes no new data. Returns what was erased and
    /// what was kept, and why.
    ///
    /// # Errors
    ///
    /// [`RegistryError::UnknownRecord`]; [`PrivacyError::NotANaturalPerson`] for an
    /// organisation; [`PrivacyError::AlreadyErased`].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person, PersonalField, RetentionHold};
    /// use apkalpe_core::{EmailAddress, PersonalCode};
    /// use chrono::{NaiveDate, TimeZone, Utc};
    /// use uuid::Uuid;
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let mut registry = ClientRegistry::new();
    /// let id = registry.register(ClientId::new(Uuid::from_u128(1)), ClientDetails::person(
    ///     Person::try_new("Anna", "Bērziņa")?.with_personal_code(PersonalCode::try_new("161175-19997")?))
    ///     .with_email(EmailAddress::try_new("anna@example.lv")?), at)?.id();
    /// let hold = RetentionHold::try_new("accounting documents", NaiveDate::from_ymd_opt(2031, 12, 31).unwrap(),
    ///     [PersonalField::Name, PersonalField::PersonalCode])?;
    /// let report = registry.erase(id, &[hold], at.date_naive(), at)?;
    /// assert!(report.is_erased(PersonalField::Emails));
    /// assert!(!report.is_erased(PersonalField::Name));
    /// let json = registry.access_export(id, at)?.to_json().unwrap();
    /// assert!(!json.contains("anna@example.lv") && json.contains("Bērziņa"));
    /// # Ok::<(), apkalpe_clients::ClientsError>(())
    /// ```
    pub fn erase(
        &mut self,
        client: ClientId,
        holds: &[RetentionHold],
        today: NaiveDate,
        at: DateTime<Utc>,
    ) -> Result<ErasureReport, ClientsError> {
        let id = self.resolve(client);
        let record = self.record(id)?;
        if record.client.is_erased() {
            return Err(PrivacyError::AlreadyErased.into());
        }
        if record.client.person().is_none() {
            return Err(PrivacyError::NotANaturalPerson.into());
        }
        let report = ErasureReport::plan(id, holds, today, at);
        let Some(mut record) = self.records.remove(&id) else {
            return Err(RegistryError::UnknownRecord {
                kind: RecordKind::Client,
                id: id.as_uuid(),
            }
            .into());
        };
        self.unindex(&record);
        erase_record(&mut record, &report, at);
        record.erasure = Some(report.clone());
        self.index(&mut record);
        self.records.insert(id, record);
        Ok(report)
    }
}

/// Applies an erasure plan to a record.
fn erase_record(record: &mut ClientEntry, report: &ErasureReport, at: DateTime<Utc>) {
    let client = &mut record.client;
    let mut changes = Vec::new();
    if report.is_erased(PersonalField::Name)
        && let Ok(marker) = PartyName::try_new(ERASED)
    {
        changes.push(ClientChange::GivenName(marker.clone()));
        changes.push(ClientChange::FamilyName(marker));
    }
    if report.is_erased(PersonalField::PersonalCode) {
        changes.push(ClientChange::PersonalCode(None));
    }
    if report.is_erased(PersonalField::Addresses) {
        changes.push(ClientChange::Addresses(Vec::new()));
    }
    if report.is_erased(PersonalField::Emails) {
        changes.push(ClientChange::Emails(Vec::new()));
    }
    if report.is_erased(PersonalField::Phones) {
        changes.push(ClientChange::Phones(Vec::new()));
    }
    if report.is_erased(PersonalField::Tags) {
        changes.push(ClientChange::Tags(std::collections::BTreeSet::new()));
    }
    changes.push(ClientChange::Status(ClientStatus::Closed));
    for change in changes {
        // Every change here is a person's field or a common one, and the client is a person.
        let applied = change.apply(client);
        debug_assert!(applied.is_ok(), "erasure change refused: {applied:?}");
    }
    client.mark_erased(at);
    for change in &mut record.history {
        let erase = match PersonalField::of(change.field) {
            Some(field) => report.is_erased(field),
            None => false,
        };
        if erase {
            change.old = change.old.as_ref().map(|_| ERASED.to_owned());
            change.new = change.new.as_ref().map(|_| ERASED.to_owned());
        }
    }
    if report.is_erased(PersonalField::FreeTexts) {
        record.needs.iter_mut().for_each(Need::erase_texts);
        record
            .interactions
            .iter_mut()
            .for_each(Interaction::erase_texts);
        record.follow_ups.iter_mut().for_each(FollowUp::erase_texts);
    }
    for consent in &mut record.consents {
        // A consent already withdrawn keeps its withdrawal, even one recorded for a time after
        // the erasure: contact is refused to an erased client whatever its consents say.
        if consent.is_active_at(at) && consent.withdrawn_at().is_none() {
            // Granted at or before `at` and not withdrawn, so withdrawing cannot fail.
            let withdrawn = consent.withdraw(at);
            debug_assert!(withdrawn.is_ok());
        }
    }
}

/// Whether two names have the same folded words, in any order.
fn same_words(a: &[String], b: &[String]) -> bool {
    let mut a: Vec<&String> = a.iter().collect();
    let mut b: Vec<&String> = b.iter().collect();
    a.sort();
    b.sort();
    a == b
}

/// Fills the kept client's empty fields and lists from the absorbed client.
fn fill_from(kept: &mut Client, absorbed: &Client) {
    let mut changes = Vec::new();
    match (kept.identity(), absorbed.identity()) {
        (Identity::Person(person), Identity::Person(other))
            if person.personal_code().is_none() && other.personal_code().is_some() =>
        {
            changes.push(ClientChange::PersonalCode(other.personal_code().copied()));
        }
        (Identity::Organisation(organisation), Identity::Organisation(other)) => {
            if organisation.legal_form().is_none() && other.legal_form().is_some() {
                changes.push(ClientChange::LegalForm(other.legal_form().cloned()));
            }
            if organisation.registration_number().is_none() && other.registration_number().is_some()
            {
                changes.push(ClientChange::RegistrationNumber(
                    other.registration_number().copied(),
                ));
            }
            if organisation.vat_number().is_none() && other.vat_number().is_some() {
                changes.push(ClientChange::VatNumber(other.vat_number().copied()));
            }
        }
        _ => {}
    }
    let mut addresses = kept.addresses().to_vec();
    for address in absorbed.addresses() {
        if !addresses.contains(address) {
            addresses.push(address.clone());
        }
    }
    changes.push(ClientChange::Addresses(addresses));
    changes.push(ClientChange::Emails(
        kept.emails()
            .iter()
            .chain(absorbed.emails())
            .cloned()
            .collect(),
    ));
    changes.push(ClientChange::Phones(
        kept.phones()
            .iter()
            .chain(absorbed.phones())
            .cloned()
            .collect(),
    ));
    changes.push(ClientChange::Tags(
        kept.tags().iter().chain(absorbed.tags()).cloned().collect(),
    ));
    if kept.segment().is_none() {
        changes.push(ClientChange::Segment(absorbed.segment().cloned()));
    }
    for change in changes {
        // Both clients are of the same kind, so every change applies.
        let applied = change.apply(kept);
        debug_assert!(applied.is_ok(), "merge change refused: {applied:?}");
    }
}

/// Lists the fields that differ between two versions of a client.
fn diff(old: &Client, new: &Client, by: &StaffMember, at: DateTime<Utc>) -> Vec<FieldChange> {
    let before: HashMap<ClientField, Option<String>> = old.field_values().into_iter().collect();
    new.field_values()
        .into_iter()
        .filter_map(|(field, value)| {
            let old_value = before.get(&field).cloned().flatten();
            (old_value != value).then(|| FieldChange {
                field,
                old: old_value,
                new: value,
                by: by.clone(),
                at,
            })
        })
        .collect()
}

/// One client's entry in a [`ClientRegistry`]'s saved form: exactly what the registry writes
/// for that client in its `clients` list. See [`ClientRegistry::saved_client`].
#[derive(Debug, Clone, Copy)]
pub struct SavedClient<'a>(&'a ClientEntry);

impl Serialize for SavedClient<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

/// The merges of a [`ClientRegistry`] in its saved form (`merged_into`: absorbed id → kept
/// id). See [`ClientRegistry::saved_merges`].
#[derive(Debug, Clone, Copy)]
pub struct SavedMerges<'a>(&'a HashMap<ClientId, ClientId>);

impl Serialize for SavedMerges<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let merged: BTreeMap<&ClientId, &ClientId> = self.0.iter().collect();
        merged.serialize(serializer)
    }
}

impl ClientRegistry {
    /// Returns one client's entry in the registry's saved form, for a store that keeps a
    /// large registry client by client and writes only the clients that changed: the saved
    /// registry is `{"clients": [entries in id order], "merged_into": merges}`, and reading it
    /// back runs every check, as [`ClientRegistry`]'s own JSON does. `None` for an id the
    /// registry does not hold (a client merged into another is held by the kept one).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person};
    /// use chrono::TimeZone;
    ///
    /// let at = chrono::Utc.with_ymd_and_hms(2026, 11, 27, 8, 0, 0).unwrap();
    /// let mut registry = ClientRegistry::new();
    /// for (n, (given, family)) in [("Anna", "Bērziņa"), ("Jānis", "Ozols")].iter().enumerate() {
    ///     let details = ClientDetails::person(Person::try_new(given, family)?);
    ///     registry.register(ClientId::from_u128(n as u128 + 1), details, at)?;
    /// }
    /// // Kept client by client, and put together again:
    /// let rows: Vec<String> = registry
    ///     .clients()
    ///     .map(|c| serde_json::to_string(&registry.saved_client(c.id()).unwrap()).unwrap())
    ///     .collect();
    /// let merges = serde_json::to_string(&registry.saved_merges())?;
    /// let json = format!(r#"{{"clients":[{}],"merged_into":{merges}}}"#, rows.join(","));
    /// assert_eq!(json, serde_json::to_string(&registry)?);
    /// let restored: ClientRegistry = serde_json::from_str(&json)?;
    /// assert_eq!(restored.len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn saved_client(&self, id: ClientId) -> Option<SavedClient<'_>> {
        self.records.get(&id).map(|entry| SavedClient(entry))
    }

    /// Returns the registry's merges in its saved form (`merged_into`); see
    /// [`ClientRegistry::saved_client`].
    pub fn saved_merges(&self) -> SavedMerges<'_> {
        SavedMerges(&self.merged_into)
    }
}

impl Serialize for ClientRegistry {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        /// The records, in id order, without their search caches.
        struct Entries<'a>(&'a BTreeMap<ClientId, Box<ClientEntry>>);

        impl Serialize for Entries<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_seq(self.0.values())
            }
        }

        let merged: BTreeMap<&ClientId, &ClientId> = self.merged_into.iter().collect();
        let mut state = serializer.serialize_struct("ClientRegistry", 2)?;
        state.serialize_field("clients", &Entries(&self.records))?;
        state.serialize_field("merged_into", &merged)?;
        state.end()
    }
}

/// The saved form of a [`ClientRegistry`], before its checks.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClientRegistryRecord {
    #[serde(default)]
    clients: Vec<ClientEntryRecord>,
    #[serde(default, deserialize_with = "merged_map")]
    merged_into: BTreeMap<ClientId, ClientId>,
}

/// Reads `merged_into`, refusing a key given twice (a plain map would keep the last).
fn merged_map<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<BTreeMap<ClientId, ClientId>, D::Error> {
    struct Visitor;

    impl<'de> serde::de::Visitor<'de> for Visitor {
        type Value = BTreeMap<ClientId, ClientId>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a map from merged client ids to the ids they were merged into")
        }

        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            let mut merged = BTreeMap::new();
            while let Some((absorbed, kept)) = map.next_entry::<ClientId, ClientId>()? {
                if merged.insert(absorbed, kept).is_some() {
                    return Err(serde::de::Error::custom(RestoreError::duplicate(
                        "ClientRegistry",
                        format!("merged_into.{absorbed}"),
                        absorbed,
                    )));
                }
            }
            Ok(merged)
        }
    }

    deserializer.deserialize_map(Visitor)
}

impl TryFrom<ClientRegistryRecord> for ClientRegistry {
    type Error = RestoreError;

    /// Restores every record, then rebuilds the indexes in bulk: O(n log n) in the number of
    /// clients and records.
    fn try_from(saved: ClientRegistryRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "ClientRegistry";
        let mut entries: Vec<(usize, Box<ClientEntry>)> = Vec::with_capacity(saved.clients.len());
        for (position, record) in saved.clients.into_iter().enumerate() {
            let entry = record
                .restore(WHAT)
                .map_err(|error| error.within(format_args!("clients[{position}]")))?;
            entries.push((position, Box::new(entry)));
        }
        // Stable: saved in id order, this is one pass; a repeat is reported at its later place.
        entries.sort_by_key(|(_, entry)| entry.client.id());
        for pair in entries.windows(2) {
            if let [(_, first), (position, second)] = pair
                && first.client.id() == second.client.id()
            {
                return Err(RestoreError::duplicate(
                    WHAT,
                    format!("clients[{position}].client.id"),
                    second.client.id(),
                ));
            }
        }
        let mut registry = ClientRegistry::new();
        let mut counts = [0_usize; 3];
        for (_, entry) in &entries {
            counts[0] = counts[0].saturating_add(entry.needs.len());
            counts[1] = counts[1].saturating_add(entry.interactions.len());
            counts[2] = counts[2].saturating_add(entry.follow_ups.len());
        }
        let [needs, interactions, follow_ups] = counts;
        registry.needs.reserve(needs);
        registry.interactions.reserve(interactions);
        registry.follow_ups.reserve(follow_ups);
        registry.by_identifier.reserve(entries.len());
        registry.by_name_contact.reserve(entries.len());
        // Search postings, filled in id order so each list is already sorted.
        let mut postings: HashMap<String, Vec<ClientId>> = HashMap::new();
        for (position, entry) in &mut entries {
            let id = entry.client.id();
            let at = |field: String| format!("clients[{position}].{field}");
            let keys = Keys::of_record(entry);
            for key in keys.identifiers {
                match registry.by_identifier.entry(key) {
                    hash_map::Entry::Occupied(_) => {
                        return Err(RestoreError::duplicate(
                            WHAT,
                            at(format!("client.identity.{}", key.name())),
                            key,
                        ));
                    }
                    hash_map::Entry::Vacant(slot) => {
                        slot.insert(id);
                    }
                }
            }
            for contact in keys.contacts {
                registry.add_contact(contact, id);
            }
            for token in &keys.tokens {
                match postings.get_mut(token) {
                    Some(ids) => ids.push(id),
                    None => {
                        postings.insert(token.clone(), vec![id]);
                    }
                }
            }
            entry.sort_key = keys.tokens.join(" ");
            entry.tokens = keys.tokens;
            for (index, need) in entry.needs.iter().enumerate() {
                if registry.needs.insert(need.id(), id).is_some() {
                    return Err(RestoreError::duplicate(
                        WHAT,
                        at(format!("needs[{index}].id")),
                        need.id(),
                    ));
                }
            }
            for (index, interaction) in entry.interactions.iter().enumerate() {
                if registry.interactions.insert(interaction.id(), id).is_some() {
                    return Err(RestoreError::duplicate(
                        WHAT,
                        at(format!("interactions[{index}].id")),
                        interaction.id(),
                    ));
                }
            }
            for (index, follow_up) in entry.follow_ups.iter().enumerate() {
                if registry.follow_ups.insert(follow_up.id(), id).is_some() {
                    return Err(RestoreError::duplicate(
                        WHAT,
                        at(format!("follow_ups[{index}].id")),
                        follow_up.id(),
                    ));
                }
            }
            for (index, absorbed) in entry.client.merged_from().iter().enumerate() {
                if saved.merged_into.get(absorbed) != Some(&id) {
                    return Err(RestoreError::inconsistent(
                        WHAT,
                        at(format!("client.merged_from[{index}]")),
                        format_args!("merged_into does not resolve {absorbed} to this client"),
                    ));
                }
            }
        }
        registry.tokens = postings
            .into_iter()
            .map(|(token, ids)| (token, ids.into_iter().collect()))
            .collect();
        registry.records = entries
            .into_iter()
            .map(|(_, entry)| (entry.client.id(), entry))
            .collect();
        for (absorbed, kept) in &saved.merged_into {
            if registry.records.contains_key(absorbed) {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    format!("merged_into.{absorbed}"),
                    "a merged client is no longer in the registry",
                )
                .with_latvian_reason("apvienots klients vairs nav reģistrā"));
            }
            if !registry.records.contains_key(kept) {
                return Err(RestoreError::missing(
                    WHAT,
                    format!("merged_into.{absorbed}"),
                    format_args!("resolves to {kept}, which is not a client in the registry"),
                ));
            }
        }
        registry.merged_into = saved.merged_into.into_iter().collect();
        Ok(registry)
    }
}
