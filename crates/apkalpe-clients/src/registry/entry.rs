//! Everything held about one client, and the checks of its saved form.

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::client::{Client, FieldChange};
use crate::interaction::{FollowUp, Interaction};
use crate::need::Need;
use crate::privacy::{Consent, ErasureReport};
#[cfg(feature = "serde")]
use crate::{
    client::{ClientField, ClientId, ClientRecord},
    interaction::{ERASED, FollowUpRecord, InteractionRecord},
    need::NeedRecord,
    privacy::{ConsentRecord, ErasureReportRecord, PersonalField},
};

/// Everything held about one client. Saved as `{"client", "history", "needs",
/// "interactions", "follow_ups", "consents", "erasure"}`, empty lists and no erasure left out;
/// the search caches are rebuilt on restore.
#[derive(Debug, Clone)]
#[cfg_attr(feature = "serde", derive(Serialize))]
pub(crate) struct ClientEntry {
    pub(crate) client: Client,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Vec::is_empty"))]
    pub(crate) history: Vec<FieldChange>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Vec::is_empty"))]
    pub(crate) needs: Vec<Need>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Vec::is_empty"))]
    pub(crate) interactions: Vec<Interaction>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Vec::is_empty"))]
    pub(crate) follow_ups: Vec<FollowUp>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Vec::is_empty"))]
    pub(crate) consents: Vec<Consent>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub(crate) erasure: Option<ErasureReport>,
    /// Folded name tokens, for search.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub(super) tokens: Vec<String>,
    /// The tokens joined by spaces: the order of search results.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub(super) sort_key: String,
}

/// The saved form of a [`ClientEntry`], before its checks (also the body of a saved
/// [`AccessExport`]).
#[derive(Debug)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[cfg(feature = "serde")]
pub(crate) struct ClientEntryRecord {
    pub(crate) client: ClientRecord,
    #[cfg_attr(feature = "serde", serde(default))]
    pub(crate) history: Vec<FieldChange>,
    #[cfg_attr(feature = "serde", serde(default))]
    pub(crate) needs: Vec<NeedRecord>,
    #[cfg_attr(feature = "serde", serde(default))]
    pub(crate) interactions: Vec<InteractionRecord>,
    #[cfg_attr(feature = "serde", serde(default))]
    pub(crate) follow_ups: Vec<FollowUpRecord>,
    #[cfg_attr(feature = "serde", serde(default))]
    pub(crate) consents: Vec<ConsentRecord>,
    #[cfg_attr(feature = "serde", serde(default))]
    pub(crate) erasure: Option<ErasureReportRecord>,
}

#[cfg(feature = "serde")]
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
            .with_latvian_reason(format_args!(
                "pieder klientam {owner}, nevis klientam {id}, pie kura tas glabājas"
            ))
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
#[cfg(feature = "serde")]
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
            )
            .with_latvian_reason(format_args!(
                "lauka {} izmaiņa neatbilst klientam, kas ir {}{}",
                field.as_str(),
                crate::error::client_kind(client.identity().kind()),
                if field == ClientField::MergedFrom {
                    " un kam nav merged_from"
                } else {
                    ""
                }
            )));
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
            )
            .with_latvian_reason(format_args!(
                "lauka {} pēdējā izmaiņa nedod tā pašreizējo vērtību",
                field.as_str()
            )));
        }
    }
    Ok(())
}

/// Checks that the erasure report and the client's erasure time agree, and that the records
/// hold none of the values the report says were erased.
#[cfg(feature = "serde")]
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
        .with_latvian_reason(format_args!(
            "{} ir dzēsts, tomēr vērtība ir saglabāta",
            group.as_str()
        ))
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

#[cfg(test)]
mod tests {
    /// Restoring is what these tests check.
    #[cfg(feature = "serde")]
    mod restore {
        use super::super::*;
        use crate::{
            ClientChange, ClientDetails, ClientRegistry, ClientStatus, Person, StaffMember,
        };
        use apkalpe_core::{Language, LocalizedError};
        use chrono::{TimeZone, Utc};
        use serde_json::json;

        /// Decision 0007: a history change that does not fit the client is refused in Latvian
        /// with the kind of client in Latvian, through the same saved entry the registry's
        /// `Deserialize` reads (whose English text it gives).
        #[test]
        fn restore_failures_read_in_latvian() {
            let at = |hour| Utc.with_ymd_and_hms(2026, 11, 2, hour, 0, 0).unwrap();
            let id = ClientId::new(uuid::Uuid::from_u128(1));
            let mut registry = ClientRegistry::new();
            let person = Person::try_new("Anna", "Bērziņa").unwrap();
            registry
                .register(id, ClientDetails::person(person), at(9))
                .unwrap();
            registry
                .update(
                    id,
                    vec![ClientChange::Status(ClientStatus::Active)],
                    &StaffMember::try_new("Ilze Kalniņa").unwrap(),
                    at(10),
                )
                .unwrap();
            let saved = serde_json::to_value(&registry).unwrap();
            let cases = [
                (
                    "vat_number",
                    "a change of vat_number does not fit a client of kind person",
                    "restore.inconsistent: nevar atjaunot ClientRegistry: history[0].field: \
                     lauka vat_number izmaiņa neatbilst klientam, kas ir fiziska persona",
                ),
                (
                    "merged_from",
                    "a change of merged_from does not fit a client of kind person that has no \
                     merged_from",
                    "restore.inconsistent: nevar atjaunot ClientRegistry: history[0].field: \
                     lauka merged_from izmaiņa neatbilst klientam, kas ir fiziska persona un kam \
                     nav merged_from",
                ),
            ];
            for (field, english, latvian) in cases {
                let mut edited = saved.clone();
                edited["clients"][0]["history"][0]["field"] = json!(field);
                let public = serde_json::from_value::<ClientRegistry>(edited.clone())
                    .unwrap_err()
                    .to_string();
                assert!(public.ends_with(english), "{public}");
                let entry: ClientEntryRecord =
                    serde_json::from_value(edited["clients"][0].clone()).unwrap();
                let error = entry.restore("ClientRegistry").unwrap_err();
                assert_eq!(error.clone().within("clients[0]").to_string(), public);
                let message = error.message_in(Language::Latvian);
                assert_eq!(message, latvian);
                assert!(!message.contains(english), "{message}");
            }
        }
    }
}
