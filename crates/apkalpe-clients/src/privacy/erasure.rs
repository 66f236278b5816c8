//! Erasure (GDPR art. 17) weighed against retention holds (art. 17(3)(b)): the personal
//! fields, the holds, and the report of what was erased and what was kept.

use std::collections::BTreeSet;

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use chrono::{DateTime, NaiveDate, Utc};
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::client::{ClientField, ClientId};
use crate::error::ParseTextError;
#[cfg(feature = "serde")]
use crate::restore::text;
use crate::text::check_text;

/// Groups of personal data that erasure handles, and retention holds name.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::PersonalField;
///
/// assert_eq!(PersonalField::ALL.len(), 7);
/// assert_eq!(PersonalField::Addresses.as_str(), "addresses");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum PersonalField {
    /// Given and family names.
    Name,
    /// The personal code (and the birth date it carries).
    PersonalCode,
    /// Postal addresses.
    Addresses,
    /// E-mail addresses.
    Emails,
    /// Phone numbers.
    Phones,
    /// Tags.
    Tags,
    /// Free texts: interaction subjects and summaries, need features and notes, follow-up
    /// descriptions, and the old and new values of these fields in the change history.
    FreeTexts,
}

impl PersonalField {
    /// Returns the snake_case name.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::PersonalField;
    ///
    /// assert_eq!(PersonalField::FreeTexts.as_str(), "free_texts");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            PersonalField::Name => "name",
            PersonalField::PersonalCode => "personal_code",
            PersonalField::Addresses => "addresses",
            PersonalField::Emails => "emails",
            PersonalField::Phones => "phones",
            PersonalField::Tags => "tags",
            PersonalField::FreeTexts => "free_texts",
        }
    }

    /// Every personal field, in order.
    pub const ALL: [PersonalField; 7] = [
        PersonalField::Name,
        PersonalField::PersonalCode,
        PersonalField::Addresses,
        PersonalField::Emails,
        PersonalField::Phones,
        PersonalField::Tags,
        PersonalField::FreeTexts,
    ];

    /// Returns the personal field a client field belongs to, if any.
    pub(crate) fn of(field: ClientField) -> Option<PersonalField> {
        match field {
            ClientField::GivenName | ClientField::FamilyName => Some(PersonalField::Name),
            ClientField::PersonalCode => Some(PersonalField::PersonalCode),
            ClientField::Addresses => Some(PersonalField::Addresses),
            ClientField::Emails => Some(PersonalField::Emails),
            ClientField::Phones => Some(PersonalField::Phones),
            ClientField::Tags => Some(PersonalField::Tags),
            ClientField::MergedFrom => Some(PersonalField::Name),
            _ => None,
        }
    }
}

/// A reason to keep some personal data past an erasure request, until a date: "accounting
/// documents until 2031-12-31" keeps the name, personal code and address printed on invoices.
///
/// In core's one retention model (decision 0008) a hold is a
/// [`RetentionObligation`](apkalpe_core::RetentionObligation) scoped to the
/// [`RecordPart`](apkalpe_core::RecordPart)s of its fields:
/// [`RetentionHold::obligation`] states one, [`RetentionHold::facts`] gathers several, so a
/// program can add the other crates' facts and ask
/// [`RetentionFacts::decide`](apkalpe_core::RetentionFacts::decide) once.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{PersonalField, RetentionHold};
/// use chrono::NaiveDate;
///
/// let hold = RetentionHold::try_new(
///     "accounting documents (Grāmatvedības likums art. 28)",
///     NaiveDate::from_ymd_opt(2031, 12, 31).unwrap(),
///     [PersonalField::Name, PersonalField::PersonalCode, PersonalField::Addresses],
/// )?;
/// assert!(hold.applies_on(NaiveDate::from_ymd_opt(2031, 12, 31).unwrap()));
/// assert!(!hold.applies_on(NaiveDate::from_ymd_opt(2032, 1, 1).unwrap()));
/// # Ok::<(), apkalpe_clients::ParseTextError>(())
/// ```
///
/// Deserialised through the checks of [`RetentionHold::try_new`] (the reason's text rule).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "RetentionHoldRecord"))]
pub struct RetentionHold {
    pub(super) reason: String,
    pub(super) until: NaiveDate,
    pub(super) fields: BTreeSet<PersonalField>,
}

/// The saved form of a [`RetentionHold`], before its checks.
#[derive(Debug)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[cfg(feature = "serde")]
struct RetentionHoldRecord {
    reason: String,
    until: NaiveDate,
    fields: BTreeSet<PersonalField>,
}

#[cfg(feature = "serde")]
impl TryFrom<RetentionHoldRecord> for RetentionHold {
    type Error = RestoreError;

    fn try_from(record: RetentionHoldRecord) -> Result<Self, Self::Error> {
        Ok(RetentionHold {
            reason: text("RetentionHold", "reason", &record.reason, 200, false)?,
            until: record.until,
            fields: record.fields,
        })
    }
}

impl RetentionHold {
    /// Creates a hold with a reason of 1–200 characters.
    ///
    /// # Errors
    ///
    /// [`ParseTextError`] for a blank or too long reason.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{PersonalField, RetentionHold};
    /// use chrono::NaiveDate;
    ///
    /// let until = NaiveDate::from_ymd_opt(2031, 12, 31).ok_or("date")?;
    /// let hold = RetentionHold::try_new("accounting documents", until, [PersonalField::Name])?;
    /// assert_eq!(hold.until(), until);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_new(
        reason: &str,
        until: NaiveDate,
        fields: impl IntoIterator<Item = PersonalField>,
    ) -> Result<Self, ParseTextError> {
        Ok(RetentionHold {
            reason: check_text("reason", reason, 200, false)?,
            until,
            fields: fields.into_iter().collect(),
        })
    }

    /// Tells whether the hold still applies on `date` (through its `until` date inclusive).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{PersonalField, RetentionHold};
    /// use chrono::NaiveDate;
    ///
    /// let until = NaiveDate::from_ymd_opt(2031, 12, 31).ok_or("date")?;
    /// let hold = RetentionHold::try_new("accounting documents", until, [PersonalField::Name])?;
    /// assert!(hold.applies_on(until));
    /// assert!(!hold.applies_on(until.succ_opt().ok_or("date")?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn applies_on(&self, date: NaiveDate) -> bool {
        date <= self.until
    }

    /// Returns the reason.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{PersonalField, RetentionHold};
    /// use chrono::NaiveDate;
    ///
    /// let until = NaiveDate::from_ymd_opt(2031, 12, 31).ok_or("date")?;
    /// let hold = RetentionHold::try_new("accounting documents", until, [PersonalField::Name])?;
    /// assert_eq!(hold.reason(), "accounting documents");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// Returns the last day of the hold.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{PersonalField, RetentionHold};
    /// use chrono::NaiveDate;
    ///
    /// let until = NaiveDate::from_ymd_opt(2031, 12, 31).ok_or("date")?;
    /// let hold = RetentionHold::try_new("accounting documents", until, [PersonalField::Name])?;
    /// assert_eq!(hold.until(), until);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn until(&self) -> NaiveDate {
        self.until
    }

    /// Returns the fields it keeps.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{PersonalField, RetentionHold};
    /// use chrono::NaiveDate;
    ///
    /// let until = NaiveDate::from_ymd_opt(2031, 12, 31).ok_or("date")?;
    /// let hold = RetentionHold::try_new("accounting documents", until, [PersonalField::Name])?;
    /// assert!(hold.fields().contains(&PersonalField::Name));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn fields(&self) -> &BTreeSet<PersonalField> {
        &self.fields
    }
}

/// A field kept at erasure, and the holds that keep it.
///
/// Deserialising refuses a kept field without a hold (`restore.missing`).
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person};
/// use chrono::{TimeZone, Utc};
///
/// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
/// let mut registry = ClientRegistry::new();
/// use apkalpe_clients::{PersonalField, RetentionHold};
/// let id = registry.register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
/// let until = chrono::NaiveDate::from_ymd_opt(2031, 12, 31).ok_or("date")?;
/// let report = registry.erase(id, &[RetentionHold::try_new("invoices", until, [PersonalField::Name])?], at.date_naive(), at)?;
/// let kept = &report.kept()[0];
/// assert_eq!((kept.field(), kept.holds()[0].until()), (PersonalField::Name, until));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "KeptFieldRecord"))]
pub struct KeptField {
    pub(super) field: PersonalField,
    pub(super) holds: Vec<HoldNote>,
}

/// The saved form of a [`KeptField`], before its checks.
#[derive(Debug)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[cfg(feature = "serde")]
struct KeptFieldRecord {
    field: PersonalField,
    holds: Vec<HoldNote>,
}

#[cfg(feature = "serde")]
impl TryFrom<KeptFieldRecord> for KeptField {
    type Error = RestoreError;

    fn try_from(record: KeptFieldRecord) -> Result<Self, Self::Error> {
        if record.holds.is_empty() {
            return Err(RestoreError::missing(
                "KeptField",
                "holds",
                "a field is kept only by a retention hold",
            )
            .with_latvian_reason("lauku saglabā tikai glabāšanas pamats"));
        }
        Ok(KeptField {
            field: record.field,
            holds: record.holds,
        })
    }
}

impl KeptField {
    /// Returns the field.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person, PersonalField, RetentionHold};
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let mut registry = ClientRegistry::new();
    /// # let id = registry.register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
    /// let until = NaiveDate::from_ymd_opt(2031, 12, 31).ok_or("date")?;
    /// let hold = RetentionHold::try_new("accounting documents", until, [PersonalField::Name])?;
    /// let report = registry.erase(id, &[hold], at.date_naive(), at)?;
    /// assert_eq!(report.kept()[0].field(), PersonalField::Name);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn field(&self) -> PersonalField {
        self.field
    }

    /// Returns the holds that keep it.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person, PersonalField, RetentionHold};
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let mut registry = ClientRegistry::new();
    /// # let id = registry.register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
    /// let until = NaiveDate::from_ymd_opt(2031, 12, 31).ok_or("date")?;
    /// let hold = RetentionHold::try_new("accounting documents", until, [PersonalField::Name])?;
    /// let report = registry.erase(id, &[hold], at.date_naive(), at)?;
    /// assert_eq!(report.kept()[0].holds().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn holds(&self) -> &[HoldNote] {
        &self.holds
    }
}

/// The reason and end date of a hold, as the erasure report cites it.
///
/// Deserialised through the reason's text rule, as the hold it cites.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person};
/// use chrono::{TimeZone, Utc};
///
/// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
/// let mut registry = ClientRegistry::new();
/// use apkalpe_clients::{PersonalField, RetentionHold};
/// let id = registry.register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
/// let until = chrono::NaiveDate::from_ymd_opt(2031, 12, 31).ok_or("date")?;
/// let report = registry.erase(id, &[RetentionHold::try_new("invoices", until, [PersonalField::Name])?], at.date_naive(), at)?;
/// assert_eq!(report.kept()[0].holds()[0].reason(), "invoices");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "HoldNoteRecord"))]
pub struct HoldNote {
    pub(super) reason: String,
    pub(super) until: NaiveDate,
}

/// The saved form of a [`HoldNote`], before its checks.
#[derive(Debug)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[cfg(feature = "serde")]
struct HoldNoteRecord {
    reason: String,
    until: NaiveDate,
}

#[cfg(feature = "serde")]
impl TryFrom<HoldNoteRecord> for HoldNote {
    type Error = RestoreError;

    fn try_from(record: HoldNoteRecord) -> Result<Self, Self::Error> {
        Ok(HoldNote {
            reason: text("HoldNote", "reason", &record.reason, 200, false)?,
            until: record.until,
        })
    }
}

impl HoldNote {
    /// Returns the reason.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person, PersonalField, RetentionHold};
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let mut registry = ClientRegistry::new();
    /// # let id = registry.register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
    /// let until = NaiveDate::from_ymd_opt(2031, 12, 31).ok_or("date")?;
    /// let hold = RetentionHold::try_new("accounting documents", until, [PersonalField::Name])?;
    /// let report = registry.erase(id, &[hold], at.date_naive(), at)?;
    /// assert_eq!(report.kept()[0].holds()[0].reason(), "accounting documents");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// Returns the last day of the hold.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person, PersonalField, RetentionHold};
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let mut registry = ClientRegistry::new();
    /// # let id = registry.register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
    /// let until = NaiveDate::from_ymd_opt(2031, 12, 31).ok_or("date")?;
    /// let hold = RetentionHold::try_new("accounting documents", until, [PersonalField::Name])?;
    /// let report = registry.erase(id, &[hold], at.date_naive(), at)?;
    /// assert_eq!(report.kept()[0].holds()[0].until(), until);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn until(&self) -> NaiveDate {
        self.until
    }
}

/// What an erasure did: the fields erased, the fields kept and why.
///
/// Deserialising refuses a report that names a field twice, as erased or kept
/// (`restore.duplicate`).
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person};
/// use chrono::{TimeZone, Utc};
///
/// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
/// let mut registry = ClientRegistry::new();
/// use apkalpe_clients::PersonalField;
/// let id = registry.register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
/// let report = registry.erase(id, &[], at.date_naive(), at)?;
/// assert_eq!(report.erased(), PersonalField::ALL);
/// assert!(report.kept().is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "ErasureReportRecord"))]
pub struct ErasureReport {
    pub(super) client: ClientId,
    pub(super) erased_at: DateTime<Utc>,
    pub(super) erased: Vec<PersonalField>,
    pub(super) kept: Vec<KeptField>,
}

/// The saved form of an [`ErasureReport`], before its checks.
#[derive(Debug)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[cfg(feature = "serde")]
pub(crate) struct ErasureReportRecord {
    client: ClientId,
    erased_at: DateTime<Utc>,
    erased: Vec<PersonalField>,
    kept: Vec<KeptField>,
}

#[cfg(feature = "serde")]
impl ErasureReportRecord {
    /// Checks that no field is named twice. A report may name fewer fields than
    /// [`PersonalField::ALL`]: one written before a field was added names only the older ones.
    pub(crate) fn restore(self) -> Result<ErasureReport, RestoreError> {
        let mut seen = BTreeSet::new();
        for (position, field) in self.erased.iter().enumerate() {
            if !seen.insert(*field) {
                return Err(RestoreError::duplicate(
                    "ErasureReport",
                    format!("erased[{position}]"),
                    field.as_str(),
                ));
            }
        }
        for (position, kept) in self.kept.iter().enumerate() {
            if !seen.insert(kept.field) {
                return Err(RestoreError::duplicate(
                    "ErasureReport",
                    format!("kept[{position}].field"),
                    kept.field.as_str(),
                ));
            }
        }
        Ok(ErasureReport {
            client: self.client,
            erased_at: self.erased_at,
            erased: self.erased,
            kept: self.kept,
        })
    }
}

#[cfg(feature = "serde")]
impl TryFrom<ErasureReportRecord> for ErasureReport {
    type Error = RestoreError;

    fn try_from(record: ErasureReportRecord) -> Result<Self, Self::Error> {
        record.restore()
    }
}

impl ErasureReport {
    /// Splits the personal fields into erased and kept, given the holds that apply on `today`.
    pub(crate) fn plan(
        client: ClientId,
        holds: &[RetentionHold],
        today: NaiveDate,
        erased_at: DateTime<Utc>,
    ) -> Self {
        let mut erased = Vec::new();
        let mut kept = Vec::new();
        for field in PersonalField::ALL {
            let notes: Vec<HoldNote> = holds
                .iter()
                .filter(|hold| hold.applies_on(today) && hold.fields.contains(&field))
                .map(|hold| HoldNote {
                    reason: hold.reason.clone(),
                    until: hold.until,
                })
                .collect();
            if notes.is_empty() {
                erased.push(field);
            } else {
                kept.push(KeptField {
                    field,
                    holds: notes,
                });
            }
        }
        ErasureReport {
            client,
            erased_at,
            erased,
            kept,
        }
    }

    /// Returns the client.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person, PersonalField, RetentionHold};
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let mut registry = ClientRegistry::new();
    /// # let id = registry.register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
    /// let until = NaiveDate::from_ymd_opt(2031, 12, 31).ok_or("date")?;
    /// let hold = RetentionHold::try_new("accounting documents", until, [PersonalField::Name])?;
    /// let report = registry.erase(id, &[hold], at.date_naive(), at)?;
    /// assert_eq!(report.client(), id);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn client(&self) -> ClientId {
        self.client
    }

    /// Returns when the erasure was done.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person, PersonalField, RetentionHold};
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let mut registry = ClientRegistry::new();
    /// # let id = registry.register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
    /// let until = NaiveDate::from_ymd_opt(2031, 12, 31).ok_or("date")?;
    /// let hold = RetentionHold::try_new("accounting documents", until, [PersonalField::Name])?;
    /// let report = registry.erase(id, &[hold], at.date_naive(), at)?;
    /// assert_eq!(report.erased_at(), at);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn erased_at(&self) -> DateTime<Utc> {
        self.erased_at
    }

    /// Returns the fields erased.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person, PersonalField, RetentionHold};
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let mut registry = ClientRegistry::new();
    /// # let id = registry.register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
    /// let until = NaiveDate::from_ymd_opt(2031, 12, 31).ok_or("date")?;
    /// let hold = RetentionHold::try_new("accounting documents", until, [PersonalField::Name])?;
    /// let report = registry.erase(id, &[hold], at.date_naive(), at)?;
    /// assert!(report.erased().contains(&PersonalField::Phones));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn erased(&self) -> &[PersonalField] {
        &self.erased
    }

    /// Returns the fields kept, with the holds that keep them.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person, PersonalField, RetentionHold};
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let mut registry = ClientRegistry::new();
    /// # let id = registry.register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
    /// let until = NaiveDate::from_ymd_opt(2031, 12, 31).ok_or("date")?;
    /// let hold = RetentionHold::try_new("accounting documents", until, [PersonalField::Name])?;
    /// let report = registry.erase(id, &[hold], at.date_naive(), at)?;
    /// assert_eq!(report.kept().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn kept(&self) -> &[KeptField] {
        &self.kept
    }

    /// Tells whether the field was erased.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{ClientDetails, ClientId, ClientRegistry, Person, PersonalField, RetentionHold};
    /// # use chrono::{NaiveDate, TimeZone, Utc};
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let mut registry = ClientRegistry::new();
    /// # let id = registry.register(ClientId::from_u128(1), ClientDetails::person(Person::try_new("Anna", "Bērziņa")?), at)?.id();
    /// let until = NaiveDate::from_ymd_opt(2031, 12, 31).ok_or("date")?;
    /// let hold = RetentionHold::try_new("accounting documents", until, [PersonalField::Name])?;
    /// let report = registry.erase(id, &[hold], at.date_naive(), at)?;
    /// assert!(report.is_erased(PersonalField::Emails));
    /// assert!(!report.is_erased(PersonalField::Name));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_erased(&self, field: PersonalField) -> bool {
        self.erased.contains(&field)
    }
}
