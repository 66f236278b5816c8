//! The data-subject access export (GDPR art. 15).

use std::borrow::Cow;

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use chrono::{DateTime, NaiveDate, Utc};
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use super::{Consent, ErasureReport};
#[cfg(feature = "serde")]
use super::{ConsentRecord, ErasureReportRecord};
#[cfg(feature = "serde")]
use crate::client::ClientRecord;
use crate::client::{Client, FieldChange};
use crate::interaction::{FollowUp, Interaction};
#[cfg(feature = "serde")]
use crate::interaction::{FollowUpRecord, InteractionRecord};
use crate::need::Need;
#[cfg(feature = "serde")]
use crate::need::NeedRecord;
#[cfg(feature = "serde")]
use crate::restore::unique;

/// The schema name written in every [`AccessExport`].
pub const ACCESS_EXPORT_SCHEMA: &str = "apkalpe.clients.access_export/1";

/// Everything the registry holds about one client, as one JSON document (GDPR art. 15).
///
/// Built by [`ClientRegistry::access_export`](crate::ClientRegistry::access_export) and
/// serialised with serde. The schema (`apkalpe.clients.access_export/1`) is documented field by
/// field in `docs/model/clients.md` and covered by a snapshot test; it changes only with a new
/// schema name.
///
/// # Saved form
///
/// An export read back (`AccessExport<'static>`, owning its data) is checked as the registry
/// checks a client's records: the schema name, each record's own rules, every need,
/// interaction and follow-up belonging to the client, the interactions in time order, the birth
/// date being the one the personal code carries, and an erased client carrying none of the
/// values its erasure report says were erased.
///
/// ```
/// use apkalpe_clients::{AccessExport, ClientDetails, ClientId, ClientRegistry, Person};
/// use chrono::{TimeZone, Utc};
///
/// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
/// let mut registry = ClientRegistry::new();
/// let id = registry.register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
/// let json = registry.access_export(id, at)?.to_json()?;
/// let read: AccessExport<'static> = serde_json::from_str(&json)?;
/// assert_eq!(read, registry.access_export(id, at)?);
/// let edited = json.replace("access_export/1", "access_export/9");
/// assert!(serde_json::from_str::<AccessExport<'static>>(&edited).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "AccessExportRecord"))]
pub struct AccessExport<'a> {
    pub(crate) schema: Cow<'static, str>,
    pub(crate) generated_at: DateTime<Utc>,
    pub(crate) client: Cow<'a, Client>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub(crate) birth_date: Option<NaiveDate>,
    pub(crate) consents: Cow<'a, [Consent]>,
    pub(crate) needs: Cow<'a, [Need]>,
    pub(crate) interactions: Cow<'a, [Interaction]>,
    pub(crate) follow_ups: Cow<'a, [FollowUp]>,
    pub(crate) history: Cow<'a, [FieldChange]>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub(crate) erasure: Option<Cow<'a, ErasureReport>>,
}

/// The saved form of an [`AccessExport`], before its checks.
#[derive(Debug)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[cfg(feature = "serde")]
struct AccessExportRecord {
    schema: String,
    generated_at: DateTime<Utc>,
    client: ClientRecord,
    #[cfg_attr(feature = "serde", serde(default))]
    birth_date: Option<NaiveDate>,
    consents: Vec<ConsentRecord>,
    needs: Vec<NeedRecord>,
    interactions: Vec<InteractionRecord>,
    follow_ups: Vec<FollowUpRecord>,
    history: Vec<FieldChange>,
    #[cfg_attr(feature = "serde", serde(default))]
    erasure: Option<ErasureReportRecord>,
}

#[cfg(feature = "serde")]
impl TryFrom<AccessExportRecord> for AccessExport<'_> {
    type Error = RestoreError;

    fn try_from(record: AccessExportRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "AccessExport";
        if record.schema != ACCESS_EXPORT_SCHEMA {
            return Err(RestoreError::inconsistent(
                WHAT,
                "schema",
                format_args!("expected {ACCESS_EXPORT_SCHEMA}, found {}", record.schema),
            )
            .with_latvian_reason(format_args!(
                "vajadzēja {ACCESS_EXPORT_SCHEMA}, bet ir {}",
                record.schema
            )));
        }
        let entry = crate::registry::ClientEntryRecord {
            client: record.client,
            history: record.history,
            needs: record.needs,
            interactions: record.interactions,
            follow_ups: record.follow_ups,
            consents: record.consents,
            erasure: record.erasure,
        }
        .restore(WHAT)?;
        let ids = |ids: Vec<uuid::Uuid>| ids;
        unique(
            WHAT,
            "needs",
            &ids(entry.needs.iter().map(|need| need.id().as_uuid()).collect()),
        )?;
        unique(
            WHAT,
            "interactions",
            &ids(entry
                .interactions
                .iter()
                .map(|item| item.id().as_uuid())
                .collect()),
        )?;
        unique(
            WHAT,
            "follow_ups",
            &ids(entry
                .follow_ups
                .iter()
                .map(|item| item.id().as_uuid())
                .collect()),
        )?;
        let birth_date = entry.client.person().and_then(|person| person.birth_date());
        if record.birth_date != birth_date {
            return Err(RestoreError::inconsistent(
                WHAT,
                "birth_date",
                "the birth date is the one the personal code carries",
            )
            .with_latvian_reason("dzimšanas datumam jābūt tam, ko satur personas kods"));
        }
        Ok(AccessExport {
            schema: Cow::Borrowed(ACCESS_EXPORT_SCHEMA),
            generated_at: record.generated_at,
            client: Cow::Owned(entry.client),
            birth_date,
            consents: Cow::Owned(entry.consents),
            needs: Cow::Owned(entry.needs),
            interactions: Cow::Owned(entry.interactions),
            follow_ups: Cow::Owned(entry.follow_ups),
            history: Cow::Owned(entry.history),
            erasure: entry.erasure.map(Cow::Owned),
        })
    }
}

impl AccessExport<'_> {
    /// Returns the client.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person};
    /// use chrono::{TimeZone, Utc};
    ///
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let mut registry = ClientRegistry::new();
    /// let id = registry.register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
    /// assert_eq!(registry.access_export(id, at)?.client().display_name(), "Anna Bērziņa");
    /// # Ok::<(), apkalpe_clients::ClientsError>(())
    /// ```
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Returns when the export was made: the `now` given to
    /// [`ClientRegistry::access_export`](crate::ClientRegistry::access_export), never the
    /// client's registration time.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person};
    /// use chrono::{TimeZone, Utc};
    ///
    /// let registered = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let now = Utc.with_ymd_and_hms(2026, 12, 1, 14, 30, 0).unwrap();
    /// let mut registry = ClientRegistry::new();
    /// let id = registry.register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), registered)?.id();
    /// assert_eq!(registry.access_export(id, now)?.generated_at(), now);
    /// # Ok::<(), apkalpe_clients::ClientsError>(())
    /// ```
    pub fn generated_at(&self) -> DateTime<Utc> {
        self.generated_at
    }

    /// Returns the export as pretty-printed JSON.
    ///
    /// # Errors
    ///
    /// Never in practice: every value serialises. A serde_json failure is passed on.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person};
    /// # use chrono::{TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let mut registry = ClientRegistry::new();
    /// # let id = registry.register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
    /// let json = registry.access_export(id, at)?.to_json()?;
    /// assert!(json.contains("\"schema\": \"apkalpe.clients.access_export/1\""));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[cfg(feature = "serde")]
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string_pretty(self)
    }
}
