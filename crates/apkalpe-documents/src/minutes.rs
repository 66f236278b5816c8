//! Minutes of meetings (*sapulču protokoli*): attendees, agenda, decisions with a
//! responsible person and deadline, numbered per year.

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use apkalpe_core::{NumberPattern, NumberSeries, NumberSeriesError, YearReset};
#[cfg(feature = "serde")]
use chrono::Datelike;
use chrono::NaiveDate;

#[cfg(feature = "serde")]
use crate::text::check_saved;
use crate::text::{Lines, TextProblem, clean};

/// The numbering pattern of a minutes book.
const MINUTES_PATTERN: &str = "{year}/{seq}";

/// The id of a minutes book's number series.
const MINUTES_SERIES: &str = "minutes";

/// A decision taken at a meeting.
///
/// Saved as `{"agenda_item": 1, "text": "…", "responsible": "…", "deadline": null}`;
/// deserialising re-runs the text checks of [`Decision::try_new`] (the agenda item is
/// checked by the [`Minutes`]) and refuses a failing value with a [`RestoreError`].
///
/// # Examples
///
/// ```
/// # use apkalpe_documents::*;
/// # use chrono::NaiveDate;
/// # let mut book = MinutesBook::new()?;
/// # let date = NaiveDate::from_ymd_opt(2026, 3, 5).ok_or("date")?;
/// # let decision = Decision::try_new(1, "Atbildēt uz visām sūdzībām 10 darbdienās.", "K. Kalna", NaiveDate::from_ymd_opt(2026, 3, 31))?;
/// # let meeting = Meeting {
/// #     title: "Klientu apkalpošanas nodaļas sanāksme".into(),
/// #     date,
/// #     place: "Rīga".into(),
/// #     chair: "A. Liepa".into(),
/// #     secretary: "K. Kalna".into(),
/// #     attendees: vec!["A. Liepa".into(), "K. Kalna".into(), "P. Bērziņš".into()],
/// #     agenda: vec!["Sūdzību pārskats par februāri".into()],
/// #     decisions: vec![decision.clone()],
/// # };
/// # let minutes = book.record(meeting.clone())?;
/// # let _ = (&minutes,);
/// assert_eq!((decision.agenda_item(), decision.responsible()), (1, "K. Kalna"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "DecisionRecord"))]
pub struct Decision {
    agenda_item: usize,
    text: String,
    responsible: String,
    deadline: Option<NaiveDate>,
}

/// The saved form of a [`Decision`], read before its checks.
#[cfg(feature = "serde")]
#[derive(Debug, Clone, serde::Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct DecisionRecord {
    agenda_item: usize,
    text: String,
    responsible: String,
    deadline: Option<NaiveDate>,
}

#[cfg(feature = "serde")]
impl TryFrom<DecisionRecord> for Decision {
    type Error = RestoreError;

    fn try_from(record: DecisionRecord) -> Result<Self, Self::Error> {
        check_saved("Decision", "text", &record.text, |v| {
            check("decision", v, 2_000)
        })?;
        check_saved("Decision", "responsible", &record.responsible, |v| {
            check("responsible", v, 200)
        })?;
        Ok(Decision {
            agenda_item: record.agenda_item,
            text: record.text,
            responsible: record.responsible,
            deadline: record.deadline,
        })
    }
}

impl Decision {
    /// Creates a decision on agenda item `agenda_item` (from 1), with its text, the person
    /// responsible and an optional deadline.
    ///
    /// # Errors
    ///
    /// [`MinutesError::Text`] for a blank or too long text (2 000) or responsible (200).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let mut book = MinutesBook::new()?;
    /// # let date = NaiveDate::from_ymd_opt(2026, 3, 5).ok_or("date")?;
    /// # let decision = Decision::try_new(1, "Atbildēt uz visām sūdzībām 10 darbdienās.", "K. Kalna", NaiveDate::from_ymd_opt(2026, 3, 31))?;
    /// # let meeting = Meeting {
    /// #     title: "Klientu apkalpošanas nodaļas sanāksme".into(),
    /// #     date,
    /// #     place: "Rīga".into(),
    /// #     chair: "A. Liepa".into(),
    /// #     secretary: "K. Kalna".into(),
    /// #     attendees: vec!["A. Liepa".into(), "K. Kalna".into(), "P. Bērziņš".into()],
    /// #     agenda: vec!["Sūdzību pārskats par februāri".into()],
    /// #     decisions: vec![decision.clone()],
    /// # };
    /// # let minutes = book.record(meeting.clone())?;
    /// # let _ = (&minutes,);
    /// assert_eq!(Decision::try_new(1, " ", "K. Kalna", None).unwrap_err().code(), "minutes.blank");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_new(
        agenda_item: usize,
        text: &str,
        responsible: &str,
        deadline: Option<NaiveDate>,
    ) -> Result<Self, MinutesError> {
        Ok(Decision {
            agenda_item,
            text: check("decision", text, 2_000)?,
            responsible: check("responsible", responsible, 200)?,
            deadline,
        })
    }

    /// Returns the agenda item (from 1).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let mut book = MinutesBook::new()?;
    /// # let date = NaiveDate::from_ymd_opt(2026, 3, 5).ok_or("date")?;
    /// # let decision = Decision::try_new(1, "Atbildēt uz visām sūdzībām 10 darbdienās.", "K. Kalna", NaiveDate::from_ymd_opt(2026, 3, 31))?;
    /// # let meeting = Meeting {
    /// #     title: "Klientu apkalpošanas nodaļas sanāksme".into(),
    /// #     date,
    /// #     place: "Rīga".into(),
    /// #     chair: "A. Liepa".into(),
    /// #     secretary: "K. Kalna".into(),
    /// #     attendees: vec!["A. Liepa".into(), "K. Kalna".into(), "P. Bērziņš".into()],
    /// #     agenda: vec!["Sūdzību pārskats par februāri".into()],
    /// #     decisions: vec![decision.clone()],
    /// # };
    /// # let minutes = book.record(meeting.clone())?;
    /// # let _ = (&minutes,);
    /// assert_eq!(decision.agenda_item(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn agenda_item(&self) -> usize {
        self.agenda_item
    }

    /// Returns the text.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let mut book = MinutesBook::new()?;
    /// # let date = NaiveDate::from_ymd_opt(2026, 3, 5).ok_or("date")?;
    /// # let decision = Decision::try_new(1, "Atbildēt uz visām sūdzībām 10 darbdienās.", "K. Kalna", NaiveDate::from_ymd_opt(2026, 3, 31))?;
    /// # let meeting = Meeting {
    /// #     title: "Klientu apkalpošanas nodaļas sanāksme".into(),
    /// #     date,
    /// #     place: "Rīga".into(),
    /// #     chair: "A. Liepa".into(),
    /// #     secretary: "K. Kalna".into(),
    /// #     attendees: vec!["A. Liepa".into(), "K. Kalna".into(), "P. Bērziņš".into()],
    /// #     agenda: vec!["Sūdzību pārskats par februāri".into()],
    /// #     decisions: vec![decision.clone()],
    /// # };
    /// # let minutes = book.record(meeting.clone())?;
    /// # let _ = (&minutes,);
    /// assert_eq!(decision.text(), "Atbildēt uz visām sūdzībām 10 darbdienās.");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Returns who is responsible.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let mut book = MinutesBook::new()?;
    /// # let date = NaiveDate::from_ymd_opt(2026, 3, 5).ok_or("date")?;
    /// # let decision = Decision::try_new(1, "Atbildēt uz visām sūdzībām 10 darbdienās.", "K. Kalna", NaiveDate::from_ymd_opt(2026, 3, 31))?;
    /// # let meeting = Meeting {
    /// #     title: "Klientu apkalpošanas nodaļas sanāksme".into(),
    /// #     date,
    /// #     place: "Rīga".into(),
    /// #     chair: "A. Liepa".into(),
    /// #     secretary: "K. Kalna".into(),
    /// #     attendees: vec!["A. Liepa".into(), "K. Kalna".into(), "P. Bērziņš".into()],
    /// #     agenda: vec!["Sūdzību pārskats par februāri".into()],
    /// #     decisions: vec![decision.clone()],
    /// # };
    /// # let minutes = book.record(meeting.clone())?;
    /// # let _ = (&minutes,);
    /// assert_eq!(decision.responsible(), "K. Kalna");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn responsible(&self) -> &str {
        &self.responsible
    }

    /// Returns the deadline.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let mut book = MinutesBook::new()?;
    /// # let date = NaiveDate::from_ymd_opt(2026, 3, 5).ok_or("date")?;
    /// # let decision = Decision::try_new(1, "Atbildēt uz visām sūdzībām 10 darbdienās.", "K. Kalna", NaiveDate::from_ymd_opt(2026, 3, 31))?;
    /// # let meeting = Meeting {
    /// #     title: "Klientu apkalpošanas nodaļas sanāksme".into(),
    /// #     date,
    /// #     place: "Rīga".into(),
    /// #     chair: "A. Liepa".into(),
    /// #     secretary: "K. Kalna".into(),
    /// #     attendees: vec!["A. Liepa".into(), "K. Kalna".into(), "P. Bērziņš".into()],
    /// #     agenda: vec!["Sūdzību pārskats par februāri".into()],
    /// #     decisions: vec![decision.clone()],
    /// # };
    /// # let minutes = book.record(meeting.clone())?;
    /// # let _ = (&minutes,);
    /// assert_eq!(decision.deadline(), NaiveDate::from_ymd_opt(2026, 3, 31));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn deadline(&self) -> Option<NaiveDate> {
        self.deadline
    }
}

/// A meeting to be minuted.
///
/// A plain record the caller fills in (every field public, checked by
/// [`MinutesBook::record`]), so it deserialises field by field (each decision through its own
/// checks); unknown fields are refused.
///
/// # Examples
///
/// ```
/// # use apkalpe_documents::*;
/// # use chrono::NaiveDate;
/// # let mut book = MinutesBook::new()?;
/// # let date = NaiveDate::from_ymd_opt(2026, 3, 5).ok_or("date")?;
/// # let decision = Decision::try_new(1, "Atbildēt uz visām sūdzībām 10 darbdienās.", "K. Kalna", NaiveDate::from_ymd_opt(2026, 3, 31))?;
/// # let meeting = Meeting {
/// #     title: "Klientu apkalpošanas nodaļas sanāksme".into(),
/// #     date,
/// #     place: "Rīga".into(),
/// #     chair: "A. Liepa".into(),
/// #     secretary: "K. Kalna".into(),
/// #     attendees: vec!["A. Liepa".into(), "K. Kalna".into(), "P. Bērziņš".into()],
/// #     agenda: vec!["Sūdzību pārskats par februāri".into()],
/// #     decisions: vec![decision.clone()],
/// # };
/// # let minutes = book.record(meeting.clone())?;
/// # let _ = (&minutes,);
/// assert_eq!(minutes.meeting().chair, "A. Liepa");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Meeting {
    /// The meeting's name ("Klientu apkalpošanas nodaļas sanāksme").
    pub title: String,
    /// The date.
    pub date: NaiveDate,
    /// The place.
    pub place: String,
    /// The chair (*sēdes vadītājs*).
    pub chair: String,
    /// The keeper of the minutes (*protokolētājs*).
    pub secretary: String,
    /// Who attended.
    pub attendees: Vec<String>,
    /// The agenda items, in order.
    pub agenda: Vec<String>,
    /// The decisions.
    pub decisions: Vec<Decision>,
}

/// The error returned for minutes.
///
/// # Examples
///
/// ```
/// # use apkalpe_documents::*;
/// # use chrono::NaiveDate;
/// # let mut book = MinutesBook::new()?;
/// # let date = NaiveDate::from_ymd_opt(2026, 3, 5).ok_or("date")?;
/// # let decision = Decision::try_new(1, "Atbildēt uz visām sūdzībām 10 darbdienās.", "K. Kalna", NaiveDate::from_ymd_opt(2026, 3, 31))?;
/// # let meeting = Meeting {
/// #     title: "Klientu apkalpošanas nodaļas sanāksme".into(),
/// #     date,
/// #     place: "Rīga".into(),
/// #     chair: "A. Liepa".into(),
/// #     secretary: "K. Kalna".into(),
/// #     attendees: vec!["A. Liepa".into(), "K. Kalna".into(), "P. Bērziņš".into()],
/// #     agenda: vec!["Sūdzību pārskats par februāri".into()],
/// #     decisions: vec![decision.clone()],
/// # };
/// # let minutes = book.record(meeting.clone())?;
/// # let _ = (&minutes,);
/// let empty = Meeting { attendees: vec![], ..meeting };
/// assert_eq!(book.record(empty).unwrap_err().code(), "minutes.empty");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MinutesError {
    /// A text field breaks a text rule.
    #[error("{field} {problem}")]
    Text {
        /// The field.
        field: &'static str,
        /// What is wrong.
        problem: TextProblem,
    },
    /// No attendees or no agenda.
    #[error("minutes need at least one {what}")]
    Empty {
        /// `attendee` or `agenda item`.
        what: &'static str,
    },
    /// A decision names an agenda item that does not exist.
    #[error("decision on agenda item {item}, the agenda has {items}")]
    UnknownAgendaItem {
        /// The item given.
        item: usize,
        /// The number of items.
        items: usize,
    },
    /// The numbering refused.
    #[error(transparent)]
    NumberSeries(#[from] NumberSeriesError),
    /// A bug: an internal invariant broke.
    #[error("internal error {code}")]
    Internal {
        /// Which invariant.
        code: &'static str,
    },
}

impl MinutesError {
    /// Returns the stable code (`minutes.blank`, `minutes.too_long`,
    /// `minutes.control_character`, `minutes.empty`, `minutes.unknown_agenda_item`,
    /// `minutes.internal`, or the number series' code).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let mut book = MinutesBook::new()?;
    /// # let date = NaiveDate::from_ymd_opt(2026, 3, 5).ok_or("date")?;
    /// # let decision = Decision::try_new(1, "Atbildēt uz visām sūdzībām 10 darbdienās.", "K. Kalna", NaiveDate::from_ymd_opt(2026, 3, 31))?;
    /// # let meeting = Meeting {
    /// #     title: "Klientu apkalpošanas nodaļas sanāksme".into(),
    /// #     date,
    /// #     place: "Rīga".into(),
    /// #     chair: "A. Liepa".into(),
    /// #     secretary: "K. Kalna".into(),
    /// #     attendees: vec!["A. Liepa".into(), "K. Kalna".into(), "P. Bērziņš".into()],
    /// #     agenda: vec!["Sūdzību pārskats par februāri".into()],
    /// #     decisions: vec![decision.clone()],
    /// # };
    /// # let minutes = book.record(meeting.clone())?;
    /// # let _ = (&minutes,);
    /// let wrong = Meeting { decisions: vec![Decision::try_new(3, "Lēmums", "A. Liepa", None)?], ..meeting };
    /// assert_eq!(book.record(wrong).unwrap_err().code(), "minutes.unknown_agenda_item");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            MinutesError::Text { problem, .. } => match problem {
                TextProblem::Blank => "minutes.blank",
                TextProblem::TooLong { .. } => "minutes.too_long",
                TextProblem::ControlCharacter => "minutes.control_character",
            },
            MinutesError::Empty { .. } => "minutes.empty",
            MinutesError::UnknownAgendaItem { .. } => "minutes.unknown_agenda_item",
            MinutesError::NumberSeries(error) => error.code(),
            MinutesError::Internal { .. } => "minutes.internal",
        }
    }
}

fn check(field: &'static str, value: &str, max: usize) -> Result<String, MinutesError> {
    clean(value, max, Lines::Multi).map_err(|problem| MinutesError::Text { field, problem })
}

/// Checks a meeting as [`MinutesBook::record`] does and returns it with its texts trimmed.
fn checked(meeting: Meeting) -> Result<Meeting, MinutesError> {
    let meeting = Meeting {
        title: check("title", &meeting.title, 300)?,
        place: check("place", &meeting.place, 200)?,
        chair: check("chair", &meeting.chair, 200)?,
        secretary: check("secretary", &meeting.secretary, 200)?,
        attendees: meeting
            .attendees
            .iter()
            .map(|a| check("attendee", a, 200))
            .collect::<Result<_, _>>()?,
        agenda: meeting
            .agenda
            .iter()
            .map(|a| check("agenda item", a, 500))
            .collect::<Result<_, _>>()?,
        ..meeting
    };
    if meeting.attendees.is_empty() {
        return Err(MinutesError::Empty { what: "attendee" });
    }
    if meeting.agenda.is_empty() {
        return Err(MinutesError::Empty {
            what: "agenda item",
        });
    }
    let items = meeting.agenda.len();
    if let Some(bad) = meeting
        .decisions
        .iter()
        .find(|d| d.agenda_item == 0 || d.agenda_item > items)
    {
        return Err(MinutesError::UnknownAgendaItem {
            item: bad.agenda_item,
            items,
        });
    }
    Ok(meeting)
}

/// Numbered minutes.
///
/// Saved as `{"number": "2026/3", "meeting": {…}}`; deserialising re-runs the checks of
/// [`MinutesBook::record`] on the meeting (texts, attendees and agenda present, decisions
/// on existing agenda items) and checks that the number is `{year}/{seq}` of the meeting's
/// year; a failing value is refused with a [`RestoreError`].
///
/// # Examples
///
/// ```
/// # use apkalpe_documents::*;
/// # use chrono::NaiveDate;
/// # let mut book = MinutesBook::new()?;
/// # let date = NaiveDate::from_ymd_opt(2026, 3, 5).ok_or("date")?;
/// # let decision = Decision::try_new(1, "Atbildēt uz visām sūdzībām 10 darbdienās.", "K. Kalna", NaiveDate::from_ymd_opt(2026, 3, 31))?;
/// # let meeting = Meeting {
/// #     title: "Klientu apkalpošanas nodaļas sanāksme".into(),
/// #     date,
/// #     place: "Rīga".into(),
/// #     chair: "A. Liepa".into(),
/// #     secretary: "K. Kalna".into(),
/// #     attendees: vec!["A. Liepa".into(), "K. Kalna".into(), "P. Bērziņš".into()],
/// #     agenda: vec!["Sūdzību pārskats par februāri".into()],
/// #     decisions: vec![decision.clone()],
/// # };
/// # let minutes = book.record(meeting.clone())?;
/// # let _ = (&minutes,);
/// assert_eq!(minutes.number(), "2026/1");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "MinutesRecord"))]
pub struct Minutes {
    number: String,
    meeting: Meeting,
}

/// The saved form of [`Minutes`], read before its checks.
#[cfg(feature = "serde")]
#[derive(Debug, Clone, serde::Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct MinutesRecord {
    number: String,
    meeting: Meeting,
}

#[cfg(feature = "serde")]
impl TryFrom<MinutesRecord> for Minutes {
    type Error = RestoreError;

    fn try_from(record: MinutesRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "Minutes";
        let meeting = checked(record.meeting.clone()).map_err(|error| {
            let field = match &error {
                MinutesError::Text {
                    field: "attendee", ..
                }
                | MinutesError::Empty { what: "attendee" } => "meeting.attendees",
                MinutesError::Text {
                    field: "agenda item",
                    ..
                }
                | MinutesError::Empty { .. } => "meeting.agenda",
                MinutesError::Text { field: "title", .. } => "meeting.title",
                MinutesError::Text { field: "place", .. } => "meeting.place",
                MinutesError::Text { field: "chair", .. } => "meeting.chair",
                MinutesError::Text {
                    field: "secretary", ..
                } => "meeting.secretary",
                MinutesError::UnknownAgendaItem { .. } => "meeting.decisions",
                _ => "meeting",
            };
            RestoreError::invalid(WHAT, field, error)
        })?;
        if meeting != record.meeting {
            return Err(RestoreError::inconsistent(
                WHAT,
                "meeting",
                "has surrounding whitespace, which recording trims",
            )
            .with_latvian_reason("sākumā vai beigās ir atstarpes, kuras protokolējot noņem"));
        }
        let year = meeting.date.year();
        let sequence = record
            .number
            .strip_prefix(&format!("{year}/"))
            .and_then(|sequence| sequence.parse::<u32>().ok())
            .filter(|sequence| *sequence >= 1);
        if sequence
            .map(|sequence| format!("{year}/{sequence}"))
            .as_deref()
            != Some(&record.number)
        {
            return Err(RestoreError::inconsistent(
                WHAT,
                "number",
                format_args!("minutes of a meeting in {year} are numbered {year}/1, {year}/2, …"),
            )
            .with_latvian_reason(format_args!(
                "{year}. gada sēžu protokolus numurē {year}/1, {year}/2, …"
            )));
        }
        Ok(Minutes {
            number: record.number,
            meeting,
        })
    }
}

impl Minutes {
    /// Returns the number ("2026/3": year and sequence).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let mut book = MinutesBook::new()?;
    /// # let date = NaiveDate::from_ymd_opt(2026, 3, 5).ok_or("date")?;
    /// # let decision = Decision::try_new(1, "Atbildēt uz visām sūdzībām 10 darbdienās.", "K. Kalna", NaiveDate::from_ymd_opt(2026, 3, 31))?;
    /// # let meeting = Meeting {
    /// #     title: "Klientu apkalpošanas nodaļas sanāksme".into(),
    /// #     date,
    /// #     place: "Rīga".into(),
    /// #     chair: "A. Liepa".into(),
    /// #     secretary: "K. Kalna".into(),
    /// #     attendees: vec!["A. Liepa".into(), "K. Kalna".into(), "P. Bērziņš".into()],
    /// #     agenda: vec!["Sūdzību pārskats par februāri".into()],
    /// #     decisions: vec![decision.clone()],
    /// # };
    /// # let minutes = book.record(meeting.clone())?;
    /// # let _ = (&minutes,);
    /// assert_eq!(minutes.number(), "2026/1");
    /// assert_eq!(book.record(meeting)?.number(), "2026/2");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn number(&self) -> &str {
        &self.number
    }

    /// Returns the meeting.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let mut book = MinutesBook::new()?;
    /// # let date = NaiveDate::from_ymd_opt(2026, 3, 5).ok_or("date")?;
    /// # let decision = Decision::try_new(1, "Atbildēt uz visām sūdzībām 10 darbdienās.", "K. Kalna", NaiveDate::from_ymd_opt(2026, 3, 31))?;
    /// # let meeting = Meeting {
    /// #     title: "Klientu apkalpošanas nodaļas sanāksme".into(),
    /// #     date,
    /// #     place: "Rīga".into(),
    /// #     chair: "A. Liepa".into(),
    /// #     secretary: "K. Kalna".into(),
    /// #     attendees: vec!["A. Liepa".into(), "K. Kalna".into(), "P. Bērziņš".into()],
    /// #     agenda: vec!["Sūdzību pārskats par februāri".into()],
    /// #     decisions: vec![decision.clone()],
    /// # };
    /// # let minutes = book.record(meeting.clone())?;
    /// # let _ = (&minutes,);
    /// assert_eq!(minutes.meeting().title, "Klientu apkalpošanas nodaļas sanāksme");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn meeting(&self) -> &Meeting {
        &self.meeting
    }

    /// Renders the minutes in Latvian as plain text.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let mut book = MinutesBook::new()?;
    /// # let date = NaiveDate::from_ymd_opt(2026, 3, 5).ok_or("date")?;
    /// # let decision = Decision::try_new(1, "Atbildēt uz visām sūdzībām 10 darbdienās.", "K. Kalna", NaiveDate::from_ymd_opt(2026, 3, 31))?;
    /// # let meeting = Meeting {
    /// #     title: "Klientu apkalpošanas nodaļas sanāksme".into(),
    /// #     date,
    /// #     place: "Rīga".into(),
    /// #     chair: "A. Liepa".into(),
    /// #     secretary: "K. Kalna".into(),
    /// #     attendees: vec!["A. Liepa".into(), "K. Kalna".into(), "P. Bērziņš".into()],
    /// #     agenda: vec!["Sūdzību pārskats par februāri".into()],
    /// #     decisions: vec![decision.clone()],
    /// # };
    /// # let minutes = book.record(meeting.clone())?;
    /// # let _ = (&minutes,);
    /// assert!(minutes.render_text().starts_with("PROTOKOLS Nr. 2026/1\n"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn render_text(&self) -> String {
        let m = &self.meeting;
        let mut text = format!("PROTOKOLS Nr. {}\n{}\n\n", self.number, m.title);
        text.push_str(&format!("{}, {}\n\n", m.place, m.date));
        text.push_str(&format!(
            "Sēdi vada: {}\nProtokolē: {}\n",
            m.chair, m.secretary
        ));
        text.push_str(&format!(
            "Piedalās: {}\n\nDarba kārtība:\n",
            m.attendees.join(", ")
        ));
        for (number, item) in m.agenda.iter().enumerate() {
            text.push_str(&format!("{}. {item}\n", number.saturating_add(1)));
        }
        text.push_str("\nNolemj:\n");
        for decision in &m.decisions {
            text.push_str(&format!(
                "{}. {} Atbildīgais: {}.",
                decision.agenda_item, decision.text, decision.responsible
            ));
            if let Some(deadline) = decision.deadline {
                text.push_str(&format!(" Termiņš: {deadline}."));
            }
            text.push('\n');
        }
        text.push_str(&format!(
            "\nSēdes vadītājs {}\nProtokolētājs {}\n",
            m.chair, m.secretary
        ));
        text
    }
}

/// The book of minutes: numbers minutes gaplessly per year ("2026/1", "2026/2"…).
///
/// # Examples
///
/// ```
/// use apkalpe_documents::{Decision, Meeting, MinutesBook};
/// use chrono::NaiveDate;
///
/// let mut book = MinutesBook::new()?;
/// let date = NaiveDate::from_ymd_opt(2026, 3, 5).ok_or("date")?;
/// let minutes = book.record(Meeting {
///     title: "Klientu apkalpošanas nodaļas sanāksme".into(),
///     date,
///     place: "Rīga".into(),
///     chair: "A. Liepa".into(),
///     secretary: "K. Kalna".into(),
///     attendees: vec!["A. Liepa".into(), "K. Kalna".into(), "P. Bērziņš".into()],
///     agenda: vec!["Sūdzību pārskats par februāri".into()],
///     decisions: vec![Decision::try_new(1, "Atbildēt uz visām sūdzībām 10 darbdienās.", "K. Kalna", NaiveDate::from_ymd_opt(2026, 3, 31))?],
/// })?;
/// assert_eq!(minutes.number(), "2026/1");
/// assert!(minutes.render_text().starts_with("PROTOKOLS Nr. 2026/1\n"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Saved form
///
/// `{"series": {…}}`, the book's number series as `apkalpe-core` saves it (its years and
/// last sequences). Deserialising restores the series through its own checks and checks it
/// is a minutes series: id `minutes`, pattern `{year}/{seq}`, restarting each year, no
/// voided numbers. A failing value is refused with a [`RestoreError`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "MinutesBookRecord"))]
pub struct MinutesBook {
    series: NumberSeries,
}

/// The saved form of a [`MinutesBook`], read before its checks.
#[cfg(feature = "serde")]
#[derive(Debug, Clone, serde::Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct MinutesBookRecord {
    series: NumberSeries,
}

#[cfg(feature = "serde")]
impl TryFrom<MinutesBookRecord> for MinutesBook {
    type Error = RestoreError;

    fn try_from(record: MinutesBookRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "MinutesBook";
        let series = record.series;
        let problem = if series.id() != MINUTES_SERIES {
            Some((
                "series.id",
                "a minutes book's series is `minutes`",
                "protokolu grāmatas numerācijas sērija ir `minutes`",
            ))
        } else if series.pattern().to_string() != MINUTES_PATTERN {
            Some((
                "series.pattern",
                "a minutes book numbers {year}/{seq}",
                "protokolu grāmata numurē pēc veidnes {year}/{seq}",
            ))
        } else if series.year_reset() != YearReset::EachYear {
            Some((
                "series.year_reset",
                "a minutes book restarts each year",
                "protokolu grāmata numerāciju sāk no jauna katru gadu",
            ))
        } else if !series.voided().is_empty() {
            Some((
                "series.voided",
                "a minutes book voids no numbers",
                "protokolu grāmata neanulē nevienu numuru",
            ))
        } else {
            None
        };
        if let Some((field, reason, latvian)) = problem {
            return Err(
                RestoreError::inconsistent(WHAT, field, reason).with_latvian_reason(latvian)
            );
        }
        Ok(MinutesBook { series })
    }
}

impl MinutesBook {
    /// Creates an empty book.
    ///
    /// # Errors
    ///
    /// [`MinutesError::Internal`] never in practice (the pattern is fixed).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let mut book = MinutesBook::new()?;
    /// # let date = NaiveDate::from_ymd_opt(2026, 3, 5).ok_or("date")?;
    /// # let decision = Decision::try_new(1, "Atbildēt uz visām sūdzībām 10 darbdienās.", "K. Kalna", NaiveDate::from_ymd_opt(2026, 3, 31))?;
    /// # let meeting = Meeting {
    /// #     title: "Klientu apkalpošanas nodaļas sanāksme".into(),
    /// #     date,
    /// #     place: "Rīga".into(),
    /// #     chair: "A. Liepa".into(),
    /// #     secretary: "K. Kalna".into(),
    /// #     attendees: vec!["A. Liepa".into(), "K. Kalna".into(), "P. Bērziņš".into()],
    /// #     agenda: vec!["Sūdzību pārskats par februāri".into()],
    /// #     decisions: vec![decision.clone()],
    /// # };
    /// # let minutes = book.record(meeting.clone())?;
    /// # let _ = (&minutes,);
    /// let fresh = MinutesBook::new()?;
    /// assert_eq!(fresh, MinutesBook::new()?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new() -> Result<Self, MinutesError> {
        let pattern = NumberPattern::try_new(MINUTES_PATTERN).map_err(|_| {
            debug_assert!(false, "the fixed minutes pattern parses");
            MinutesError::Internal {
                code: "minutes.pattern",
            }
        })?;
        Ok(MinutesBook {
            series: NumberSeries::try_new(MINUTES_SERIES, pattern, YearReset::EachYear)?,
        })
    }

    /// Checks the meeting and gives the minutes the next number of the meeting's year.
    ///
    /// # Errors
    ///
    /// [`MinutesError::Text`] for a blank title, place, chair, secretary, attendee or agenda
    /// item; [`MinutesError::Empty`] without attendees or agenda;
    /// [`MinutesError::UnknownAgendaItem`]; [`MinutesError::NumberSeries`] for a meeting in a
    /// year before the book's current year.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let mut book = MinutesBook::new()?;
    /// # let date = NaiveDate::from_ymd_opt(2026, 3, 5).ok_or("date")?;
    /// # let decision = Decision::try_new(1, "Atbildēt uz visām sūdzībām 10 darbdienās.", "K. Kalna", NaiveDate::from_ymd_opt(2026, 3, 31))?;
    /// # let meeting = Meeting {
    /// #     title: "Klientu apkalpošanas nodaļas sanāksme".into(),
    /// #     date,
    /// #     place: "Rīga".into(),
    /// #     chair: "A. Liepa".into(),
    /// #     secretary: "K. Kalna".into(),
    /// #     attendees: vec!["A. Liepa".into(), "K. Kalna".into(), "P. Bērziņš".into()],
    /// #     agenda: vec!["Sūdzību pārskats par februāri".into()],
    /// #     decisions: vec![decision.clone()],
    /// # };
    /// # let minutes = book.record(meeting.clone())?;
    /// # let _ = (&minutes,);
    /// let second = book.record(meeting)?;
    /// assert_eq!(second.number(), "2026/2");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn record(&mut self, meeting: Meeting) -> Result<Minutes, MinutesError> {
        let meeting = checked(meeting)?;
        let number = self.series.issue(meeting.date)?;
        Ok(Minutes {
            number: number.to_string(),
            meeting,
        })
    }
}
