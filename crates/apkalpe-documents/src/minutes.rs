//! Minutes of meetings (*sapulču protokoli*): attendees, agenda, decisions with a
//! responsible person and deadline, numbered per year.

use apkalpe_core::{NumberPattern, NumberSeries, NumberSeriesError, YearReset};
use chrono::NaiveDate;
use serde::Serialize;

use crate::text::{Lines, TextProblem, clean};

/// A decision taken at a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Decision {
    agenda_item: usize,
    text: String,
    responsible: String,
    deadline: Option<NaiveDate>,
}

impl Decision {
    /// Creates a decision on agenda item `agenda_item` (from 1), with its text, the person
    /// responsible and an optional deadline.
    ///
    /// # Errors
    ///
    /// [`MinutesError::Text`] for a blank or too long text (2 000) or responsible (200).
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
    pub fn agenda_item(&self) -> usize {
        self.agenda_item
    }

    /// Returns the text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Returns who is responsible.
    pub fn responsible(&self) -> &str {
        &self.responsible
    }

    /// Returns the deadline.
    pub fn deadline(&self) -> Option<NaiveDate> {
        self.deadline
    }
}

/// A meeting to be minuted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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

/// Numbered minutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Minutes {
    number: String,
    meeting: Meeting,
}

impl Minutes {
    /// Returns the number ("2026/3": year and sequence).
    pub fn number(&self) -> &str {
        &self.number
    }

    /// Returns the meeting.
    pub fn meeting(&self) -> &Meeting {
        &self.meeting
    }

    /// Renders the minutes in Latvian as plain text.
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MinutesBook {
    series: NumberSeries,
}

impl MinutesBook {
    /// Creates an empty book.
    ///
    /// # Errors
    ///
    /// [`MinutesError::Internal`] never in practice (the pattern is fixed).
    pub fn new() -> Result<Self, MinutesError> {
        let pattern = NumberPattern::try_new("{year}/{seq}").map_err(|_| {
            debug_assert!(false, "the fixed minutes pattern parses");
            MinutesError::Internal {
                code: "minutes.pattern",
            }
        })?;
        Ok(MinutesBook {
            series: NumberSeries::try_new("minutes", pattern, YearReset::EachYear)?,
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
    pub fn record(&mut self, meeting: Meeting) -> Result<Minutes, MinutesError> {
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
        let number = self.series.issue(meeting.date)?;
        Ok(Minutes {
            number: number.to_string(),
            meeting,
        })
    }
}
