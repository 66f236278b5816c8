//! Obligations to keep a record: what is kept, why, for how long and from when.

use std::collections::BTreeSet;
use std::fmt;

use chrono::NaiveDate;

use super::{CountingRule, RetentionError, RetentionPeriod};
use crate::{Language, LocalizedText, TextRule, TokenLetters, TokenRule};

/// The longest record label, in characters.
const MAX_RECORD_CHARS: usize = 200;
/// The longest legal basis, in characters.
const MAX_BASIS_CHARS: usize = 300;
/// The rule of a part's name.
const PART_RULE: TokenRule = TokenRule::new(32, TokenLetters::AsciiLowercase, "_");

/// The event a retention period is counted from.
///
/// The common events are variants, with their words in Latvian and English; any other event
/// is [`RetentionEvent::Custom`], written as the words that follow "no" / "from"
/// ("personas dzimšanas" / "the person's birth").
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Language, LocalizedText, RetentionEvent};
///
/// assert_eq!(RetentionEvent::ContractEnded.words(Language::Latvian), "līguma beigām");
/// assert_eq!(RetentionEvent::ContractEnded.words(Language::English), "the end of the contract");
/// let audit = RetentionEvent::Custom(
///     LocalizedText::new(Language::Latvian, "revīzijas beigām")
///         .with(Language::English, "the end of the audit"),
/// );
/// assert_eq!(audit.words(Language::English), "the end of the audit");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum RetentionEvent {
    /// The date of the record itself: the issue date of an invoice, the date of a letter.
    RecordDate,
    /// The closing of the case in current records (*lietas slēgšana*).
    CaseClosed,
    /// The end of a contract.
    ContractEnded,
    /// The end of the relationship with the client (the last service or contact).
    RelationshipEnded,
    /// The transaction no longer needs tracing: paid, with no claim left (the Accounting
    /// Law keeps supporting documents at least until then).
    TransactionClosed,
    /// The reorganisation or end of the business (annual reports).
    BusinessEnded,
    /// The person's birth (personnel files: 90 years).
    Birth,
    /// Any other event, as the words that follow "no" / "from".
    Custom(LocalizedText),
}

impl RetentionEvent {
    /// Returns the words for the event that follow "no" (Latvian) or "from" (English and,
    /// for now, German and Russian).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Language, RetentionEvent};
    ///
    /// assert_eq!(RetentionEvent::Birth.words(Language::Latvian), "personas dzimšanas");
    /// assert_eq!(RetentionEvent::CaseClosed.words(Language::English), "the closing of the case");
    /// ```
    pub fn words(&self, language: Language) -> &str {
        let latvian = language == Language::Latvian;
        match self {
            RetentionEvent::RecordDate if latvian => "dokumenta datuma",
            RetentionEvent::RecordDate => "the date of the record",
            RetentionEvent::CaseClosed if latvian => "lietas slēgšanas",
            RetentionEvent::CaseClosed => "the closing of the case",
            RetentionEvent::ContractEnded if latvian => "līguma beigām",
            RetentionEvent::ContractEnded => "the end of the contract",
            RetentionEvent::RelationshipEnded if latvian => "sadarbības ar klientu beigām",
            RetentionEvent::RelationshipEnded => "the end of the client relationship",
            RetentionEvent::TransactionClosed if latvian => "darījuma pabeigšanas",
            RetentionEvent::TransactionClosed => "the closing of the transaction",
            RetentionEvent::BusinessEnded if latvian => {
                "uzņēmuma reorganizācijas vai darbības izbeigšanas"
            }
            RetentionEvent::BusinessEnded => "the reorganisation or end of the business",
            RetentionEvent::Birth if latvian => "personas dzimšanas",
            RetentionEvent::Birth => "the person's birth",
            RetentionEvent::Custom(text) if latvian => text.get(Language::Latvian),
            RetentionEvent::Custom(text) => text.get(Language::English),
        }
    }
}

/// When a retention period starts: its event, the event's date once it has happened, and the
/// counting rule.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{CountingRule, RetentionEvent, RetentionStart};
/// use chrono::NaiveDate;
///
/// let closed = NaiveDate::from_ymd_opt(2026, 5, 10).ok_or("date")?;
/// let start = RetentionStart::on(RetentionEvent::CaseClosed, closed, CountingRule::FromFirstJanuaryAfter);
/// assert_eq!(start.date(), Some(closed));
/// let open = RetentionStart::pending(RetentionEvent::ContractEnded, CountingRule::FromDate);
/// assert_eq!(open.date(), None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct RetentionStart {
    event: RetentionEvent,
    date: Option<NaiveDate>,
    counting: CountingRule,
}

impl RetentionStart {
    /// A start whose event happened on `date`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountingRule, RetentionEvent, RetentionStart};
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let start = RetentionStart::on(RetentionEvent::RecordDate, day(2026, 3, 2)?, CountingRule::FromFirstJanuaryAfter);
    /// assert_eq!(start.date(), Some(day(2026, 3, 2)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn on(event: RetentionEvent, date: NaiveDate, counting: CountingRule) -> Self {
        RetentionStart {
            event,
            date: Some(date),
            counting,
        }
    }

    /// A start whose event has not happened yet: the record is kept, with no end date,
    /// until the event's date is known.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountingRule, RetentionEvent, RetentionStart};
    ///
    /// let start = RetentionStart::pending(RetentionEvent::BusinessEnded, CountingRule::FromDate);
    /// assert_eq!(start.date(), None);
    /// assert_eq!(start.event(), &RetentionEvent::BusinessEnded);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn pending(event: RetentionEvent, counting: CountingRule) -> Self {
        RetentionStart {
            event,
            date: None,
            counting,
        }
    }

    /// Returns the event.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountingRule, RetentionEvent, RetentionStart};
    ///
    /// let start = RetentionStart::pending(RetentionEvent::ContractEnded, CountingRule::FromDate);
    /// assert_eq!(start.event(), &RetentionEvent::ContractEnded);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn event(&self) -> &RetentionEvent {
        &self.event
    }

    /// Returns the event's date, `None` while it has not happened.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountingRule, RetentionEvent, RetentionStart};
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let start = RetentionStart::on(RetentionEvent::CaseClosed, day(2026, 6, 30)?, CountingRule::FromFirstJanuaryAfter);
    /// assert_eq!(start.date(), Some(day(2026, 6, 30)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn date(&self) -> Option<NaiveDate> {
        self.date
    }

    /// Returns the counting rule.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountingRule, RetentionEvent, RetentionStart};
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let start = RetentionStart::on(RetentionEvent::CaseClosed, day(2026, 6, 30)?, CountingRule::FromFirstJanuaryAfter);
    /// assert_eq!(start.counting(), CountingRule::FromFirstJanuaryAfter);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn counting(&self) -> CountingRule {
        self.counting
    }
}

/// A named part of a record that an obligation or hold keeps: a field or group of fields of
/// a client's personal data (`name`, `addresses`, `personal_code`), or a part of a document.
///
/// 1 to 32 characters of `a–z`, `0–9` and `_`. The names are the caller's: the clients crate
/// names its personal fields, a document its parts.
///
/// # Examples
///
/// ```
/// use apkalpe_core::RecordPart;
///
/// let part = RecordPart::try_new("personal_code")?;
/// assert_eq!(part.as_str(), "personal_code");
/// assert_eq!(RecordPart::try_new("Personal code").unwrap_err().code(), "retention.part");
/// # Ok::<(), apkalpe_core::RetentionError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "String", into = "String"))]
pub struct RecordPart(String);

impl RecordPart {
    /// Checks a part's name.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{RecordPart};
    ///
    /// assert_eq!(RecordPart::try_new("addresses")?.as_str(), "addresses");
    /// assert_eq!(RecordPart::try_new("e-mail").unwrap_err().code(), "retention.part");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`RetentionError::Part`] for a blank name, one longer than 32 characters, or a
    /// character other than `a–z`, `0–9` and `_`.
    pub fn try_new(name: &str) -> Result<Self, RetentionError> {
        PART_RULE
            .check(name)
            .map(RecordPart)
            .map_err(|source| RetentionError::Part { source })
    }

    /// Returns the name.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{RecordPart};
    ///
    /// assert_eq!(RecordPart::try_new(" name ")?.as_str(), "name");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for RecordPart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for RecordPart {
    type Error = RetentionError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        RecordPart::try_new(&value)
    }
}

impl From<RecordPart> for String {
    fn from(part: RecordPart) -> Self {
        part.0
    }
}

/// What an obligation or a hold keeps: the whole record, or some of its parts.
///
/// Serialised as `"whole"` or a list of part names, and deserialised through
/// [`RetentionScope::try_parts`].
///
/// # Examples
///
/// ```
/// use apkalpe_core::{RecordPart, RetentionScope};
///
/// let printed = RetentionScope::try_parts(["name", "addresses"])?;
/// assert!(printed.covers(&RecordPart::try_new("name")?));
/// assert!(!printed.covers(&RecordPart::try_new("phones")?));
/// assert!(RetentionScope::whole().covers(&RecordPart::try_new("phones")?));
/// assert_eq!(RetentionScope::try_parts(Vec::<&str>::new()).unwrap_err().code(), "retention.scope_empty");
/// # Ok::<(), apkalpe_core::RetentionError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "ScopeRecord"))]
#[cfg_attr(feature = "serde", serde(into = "ScopeRecord"))]
pub struct RetentionScope(Option<BTreeSet<RecordPart>>);

impl RetentionScope {
    /// The whole record.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{RecordPart, RetentionScope};
    ///
    /// let scope = RetentionScope::whole();
    /// assert!(scope.is_whole());
    /// assert!(scope.covers(&RecordPart::try_new("anything")?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn whole() -> Self {
        RetentionScope(None)
    }

    /// Some parts of the record, named as [`RecordPart`]s.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{RetentionScope};
    ///
    /// let scope = RetentionScope::try_parts(["name", "addresses", "name"])?;
    /// assert_eq!(scope.parts().map(|parts| parts.len()), Some(2));
    /// assert_eq!(RetentionScope::try_parts(["Name"]).unwrap_err().code(), "retention.part");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`RetentionError::Part`] for an invalid name; [`RetentionError::ScopeEmpty`] for no
    /// name at all.
    pub fn try_parts<I, S>(parts: I) -> Result<Self, RetentionError>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let parts = parts
            .into_iter()
            .map(|part| RecordPart::try_new(part.as_ref()))
            .collect::<Result<BTreeSet<_>, _>>()?;
        if parts.is_empty() {
            return Err(RetentionError::ScopeEmpty);
        }
        Ok(RetentionScope(Some(parts)))
    }

    /// Tells whether the scope is the whole record.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{RetentionScope};
    ///
    /// assert!(RetentionScope::whole().is_whole());
    /// assert!(!RetentionScope::try_parts(["name"])?.is_whole());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_whole(&self) -> bool {
        self.0.is_none()
    }

    /// Returns the parts, `None` for the whole record.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{RetentionScope};
    ///
    /// assert_eq!(RetentionScope::whole().parts(), None);
    /// let names: Vec<String> = RetentionScope::try_parts(["phones", "emails"])?
    ///     .parts()
    ///     .into_iter()
    ///     .flatten()
    ///     .map(|part| part.to_string())
    ///     .collect();
    /// assert_eq!(names, ["emails", "phones"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parts(&self) -> Option<&BTreeSet<RecordPart>> {
        self.0.as_ref()
    }

    /// Tells whether the scope keeps `part`: the whole record keeps every part.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{RecordPart, RetentionScope};
    ///
    /// let printed = RetentionScope::try_parts(["name", "addresses"])?;
    /// assert!(printed.covers(&RecordPart::try_new("addresses")?));
    /// assert!(!printed.covers(&RecordPart::try_new("tags")?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn covers(&self, part: &RecordPart) -> bool {
        self.0.as_ref().is_none_or(|parts| parts.contains(part))
    }
}

/// The saved form of a [`RetentionScope`].
#[cfg(feature = "serde")]
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(untagged)]
enum ScopeRecord {
    /// `"whole"`.
    Whole(String),
    /// The part names.
    Parts(Vec<String>),
}

#[cfg(feature = "serde")]
impl TryFrom<ScopeRecord> for RetentionScope {
    type Error = crate::RestoreError;

    fn try_from(record: ScopeRecord) -> Result<Self, Self::Error> {
        match record {
            ScopeRecord::Whole(word) if word == "whole" => Ok(RetentionScope::whole()),
            ScopeRecord::Whole(word) => Err(crate::RestoreError::invalid(
                "RetentionScope",
                "",
                RetentionError::Part {
                    source: PART_RULE
                        .check(&word)
                        .err()
                        .unwrap_or(crate::TextRuleError::Blank),
                },
            )
            .with_latvian_reason(format!("{word:?} nav \"whole\" vai daļu saraksts"))),
            ScopeRecord::Parts(parts) => RetentionScope::try_parts(parts)
                .map_err(|error| crate::RestoreError::invalid("RetentionScope", "", error)),
        }
    }
}

#[cfg(feature = "serde")]
impl From<RetentionScope> for ScopeRecord {
    fn from(scope: RetentionScope) -> Self {
        match scope.0 {
            None => ScopeRecord::Whole("whole".to_owned()),
            Some(parts) => ScopeRecord::Parts(parts.into_iter().map(String::from).collect()),
        }
    }
}

/// One obligation to keep a record (*glabāšanas pienākums*): what is kept (`record`, a label
/// such as "invoice INV-2026-17"), why (`basis`, the legal act or policy), for how long
/// ([`RetentionPeriod`]), from when ([`RetentionStart`]), and which parts
/// ([`RetentionScope`], the whole record unless narrowed).
///
/// Every crate describes its records with these: accounting passes the Accounting Law's
/// periods for its documents, documents the file plan's period of a case, clients the
/// purposes of personal data. [`RetentionFacts::decide`](crate::RetentionFacts::decide)
/// weighs them together.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{
///     CountingRule, RetentionEvent, RetentionObligation, RetentionPeriod, RetentionScope,
///     RetentionStart,
/// };
/// use chrono::NaiveDate;
///
/// let issued = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
/// let invoice = RetentionObligation::try_new(
///     "invoice INV-2026-17",
///     "Grāmatvedības likums, 28. pants",
///     RetentionPeriod::Years(5),
///     RetentionStart::on(RetentionEvent::RecordDate, issued, CountingRule::FromFirstJanuaryAfter),
/// )?
/// .with_scope(RetentionScope::try_parts(["name", "addresses"])?);
/// assert_eq!(invoice.ends_on()?, NaiveDate::from_ymd_opt(2031, 12, 31));
/// assert_eq!(invoice.record(), "invoice INV-2026-17");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Saved form
///
/// `{"record", "basis", "period": "5 gadi", "start": {"event", "date", "counting"}, "scope":
/// "whole" | ["name", …]}`; deserialising re-runs the checks of
/// [`RetentionObligation::try_new`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "ObligationRecord"))]
pub struct RetentionObligation {
    record: String,
    basis: String,
    period: RetentionPeriod,
    start: RetentionStart,
    scope: RetentionScope,
}

/// The saved form of a [`RetentionObligation`], read before its checks.
#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ObligationRecord {
    record: String,
    basis: String,
    period: RetentionPeriod,
    start: RetentionStart,
    scope: RetentionScope,
}

#[cfg(feature = "serde")]
impl TryFrom<ObligationRecord> for RetentionObligation {
    type Error = crate::RestoreError;

    fn try_from(saved: ObligationRecord) -> Result<Self, Self::Error> {
        let obligation =
            RetentionObligation::try_new(&saved.record, &saved.basis, saved.period, saved.start)
                .map_err(|error| {
                    let field = match &error {
                        RetentionError::Text { field, .. } => *field,
                        _ => "",
                    };
                    crate::RestoreError::invalid("RetentionObligation", field, error)
                })?;
        Ok(obligation.with_scope(saved.scope))
    }
}

/// Checks a single-line text field of 1 to `max` characters.
pub(super) fn text(field: &'static str, value: &str, max: usize) -> Result<String, RetentionError> {
    TextRule::single_line(max)
        .check(value)
        .map(str::to_owned)
        .map_err(|source| RetentionError::Text { field, source })
}

impl RetentionObligation {
    /// Creates an obligation that keeps the whole record; narrow it with
    /// [`RetentionObligation::with_scope`]. `record` names what is kept (1 to 200
    /// characters), `basis` why (1 to 300 characters), both trimmed.
    ///
    /// # Errors
    ///
    /// [`RetentionError::Text`] for a blank, too long or multi-line `record` or `basis`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{
    ///     CountingRule, RetentionEvent, RetentionObligation, RetentionPeriod, RetentionStart,
    /// };
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let invoice = RetentionObligation::try_new(
    ///     "invoice INV-2026-17",
    ///     "Grāmatvedības likums, 28. pants",
    ///     RetentionPeriod::Years(5),
    ///     RetentionStart::on(RetentionEvent::RecordDate, day(2026, 3, 2)?, CountingRule::FromFirstJanuaryAfter),
    /// )?;
    /// assert_eq!(invoice.period(), RetentionPeriod::Years(5));
    /// let blank = RetentionObligation::try_new("invoice", " ", RetentionPeriod::Years(5), RetentionStart::pending(RetentionEvent::RecordDate, CountingRule::FromDate));
    /// assert_eq!(blank.unwrap_err().code(), "retention.blank");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_new(
        record: &str,
        basis: &str,
        period: RetentionPeriod,
        start: RetentionStart,
    ) -> Result<Self, RetentionError> {
        Ok(RetentionObligation {
            record: text("record", record, MAX_RECORD_CHARS)?,
            basis: text("basis", basis, MAX_BASIS_CHARS)?,
            period,
            start,
            scope: RetentionScope::whole(),
        })
    }

    /// Returns the obligation keeping only `scope`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{
    ///     CountingRule, RetentionEvent, RetentionObligation, RetentionPeriod, RetentionScope,
    ///     RetentionStart,
    /// };
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let invoice = RetentionObligation::try_new(
    ///     "invoice INV-2026-17",
    ///     "Grāmatvedības likums, 28. pants",
    ///     RetentionPeriod::Years(5),
    ///     RetentionStart::on(RetentionEvent::RecordDate, day(2026, 3, 2)?, CountingRule::FromFirstJanuaryAfter),
    /// )?;
    /// let invoice = invoice.with_scope(RetentionScope::try_parts(["name", "addresses"])?);
    /// assert!(!invoice.scope().is_whole());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_scope(mut self, scope: RetentionScope) -> Self {
        self.scope = scope;
        self
    }

    /// Returns the obligation with the start's event now known to have happened on `date`
    /// (the contract ended, the case was closed).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountingRule, RetentionEvent, RetentionObligation, RetentionPeriod, RetentionStart};
    /// use chrono::NaiveDate;
    ///
    /// let contract = RetentionObligation::try_new(
    ///     "contract L-2026-3",
    ///     "Civillikums, 1895. pants (prasījuma noilgums)",
    ///     RetentionPeriod::Years(10),
    ///     RetentionStart::pending(RetentionEvent::ContractEnded, CountingRule::FromDate),
    /// )?;
    /// assert_eq!(contract.ends_on()?, None);
    /// let ended = contract.with_event_on(NaiveDate::from_ymd_opt(2027, 6, 30).ok_or("date")?);
    /// assert_eq!(ended.ends_on()?, NaiveDate::from_ymd_opt(2037, 6, 30));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_event_on(mut self, date: NaiveDate) -> Self {
        self.start.date = Some(date);
        self
    }

    /// Returns the label of what is kept.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{
    ///     CountingRule, RetentionEvent, RetentionObligation, RetentionPeriod, RetentionStart,
    /// };
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let invoice = RetentionObligation::try_new(
    ///     "invoice INV-2026-17",
    ///     "Grāmatvedības likums, 28. pants",
    ///     RetentionPeriod::Years(5),
    ///     RetentionStart::on(RetentionEvent::RecordDate, day(2026, 3, 2)?, CountingRule::FromFirstJanuaryAfter),
    /// )?;
    /// assert_eq!(invoice.record(), "invoice INV-2026-17");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn record(&self) -> &str {
        &self.record
    }

    /// Returns the legal basis.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{
    ///     CountingRule, RetentionEvent, RetentionObligation, RetentionPeriod, RetentionStart,
    /// };
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let invoice = RetentionObligation::try_new(
    ///     "invoice INV-2026-17",
    ///     "Grāmatvedības likums, 28. pants",
    ///     RetentionPeriod::Years(5),
    ///     RetentionStart::on(RetentionEvent::RecordDate, day(2026, 3, 2)?, CountingRule::FromFirstJanuaryAfter),
    /// )?;
    /// assert_eq!(invoice.basis(), "Grāmatvedības likums, 28. pants");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn basis(&self) -> &str {
        &self.basis
    }

    /// Returns the period.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{
    ///     CountingRule, RetentionEvent, RetentionObligation, RetentionPeriod, RetentionStart,
    /// };
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let invoice = RetentionObligation::try_new(
    ///     "invoice INV-2026-17",
    ///     "Grāmatvedības likums, 28. pants",
    ///     RetentionPeriod::Years(5),
    ///     RetentionStart::on(RetentionEvent::RecordDate, day(2026, 3, 2)?, CountingRule::FromFirstJanuaryAfter),
    /// )?;
    /// assert_eq!(invoice.period().to_string(), "5 gadi");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn period(&self) -> RetentionPeriod {
        self.period
    }

    /// Returns the start.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{
    ///     CountingRule, RetentionEvent, RetentionObligation, RetentionPeriod, RetentionStart,
    /// };
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let invoice = RetentionObligation::try_new(
    ///     "invoice INV-2026-17",
    ///     "Grāmatvedības likums, 28. pants",
    ///     RetentionPeriod::Years(5),
    ///     RetentionStart::on(RetentionEvent::RecordDate, day(2026, 3, 2)?, CountingRule::FromFirstJanuaryAfter),
    /// )?;
    /// assert_eq!(invoice.start().event(), &RetentionEvent::RecordDate);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn start(&self) -> &RetentionStart {
        &self.start
    }

    /// Returns what it keeps.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{
    ///     CountingRule, RetentionEvent, RetentionObligation, RetentionPeriod, RetentionStart,
    /// };
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let invoice = RetentionObligation::try_new(
    ///     "invoice INV-2026-17",
    ///     "Grāmatvedības likums, 28. pants",
    ///     RetentionPeriod::Years(5),
    ///     RetentionStart::on(RetentionEvent::RecordDate, day(2026, 3, 2)?, CountingRule::FromFirstJanuaryAfter),
    /// )?;
    /// assert!(invoice.scope().is_whole());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn scope(&self) -> &RetentionScope {
        &self.scope
    }

    /// Returns the last day the record must be kept: `None` for a permanent period or a
    /// start whose event has not happened.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{
    ///     CountingRule, RetentionEvent, RetentionObligation, RetentionPeriod, RetentionStart,
    /// };
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let invoice = RetentionObligation::try_new(
    ///     "invoice INV-2026-17",
    ///     "Grāmatvedības likums, 28. pants",
    ///     RetentionPeriod::Years(5),
    ///     RetentionStart::on(RetentionEvent::RecordDate, day(2026, 3, 2)?, CountingRule::FromFirstJanuaryAfter),
    /// )?;
    /// assert_eq!(invoice.ends_on()?, Some(day(2031, 12, 31)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`RetentionError::DateOutOfRange`] when the end cannot be represented.
    pub fn ends_on(&self) -> Result<Option<NaiveDate>, RetentionError> {
        match self.start.date {
            None => Ok(None),
            Some(date) => self.period.ends_on(date, self.start.counting),
        }
    }
}
