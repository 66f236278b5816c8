//! Gapless document number series (*dokumentu numerācija*).
//!
//! A VAT invoice carries "a sequential number in one or more series that uniquely identifies
//! the invoice" (PVN likums art. 125(1) item 2, `docs/sources.md` §3a), and cash
//! receipt and payment orders (KIO / KIzO) are numbered in separate sequential series (§10).
//! Peer systems lose numbers to drafts and re-use them after deletions (`peer-lessons.md`
//! item 1), so here a number exists only once it is issued, each series counts on its own,
//! and a spoilt number is voided (*anulēts*) with a reason instead of being freed.

mod pattern;
#[cfg(test)]
mod tests;

use std::fmt;

use chrono::{Datelike, NaiveDate};
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

#[cfg(feature = "serde")]
use crate::RestoreError;
use crate::{Language, LocalizedError};

pub use encapsulate::DocumentNumber;
pub use pattern::{NumberPattern, ParseNumberPatternError};

/// The longest series id, in characters.
const MAX_ID_CHARS: usize = 64;

/// The longest void reason, in characters.
const MAX_REASON_CHARS: usize = 500;

/// The first and last year a series can number (`{year}` renders four digits).
const YEARS: std::ops::RangeInclusive<i32> = 1..=9999;

mod encapsulate {
    #[cfg(feature = "serde")]
    use serde::{Deserialize, Serialize};

    use super::NumberPattern;
    #[cfg(feature = "serde")]
    use super::{NumberSeriesError, YEARS, check_id};
    #[cfg(feature = "serde")]
    use crate::RestoreError;

    /// A document number issued by a [`NumberSeries`](crate::NumberSeries): the series id,
    /// the year, the sequence within the series and the rendered text (`INV2026-00001`).
    ///
    /// The only way to make one is [`NumberSeries::issue`](crate::NumberSeries::issue): there
    /// is no public constructor. Serialised as `{"series", "year", "sequence", "text"}`, so a
    /// saved document keeps its number; deserialising checks what every issued number has
    /// (a valid series id, a year in 1–9999, a sequence from 1, a text without control
    /// characters that shows the sequence) and refuses anything else with a
    /// [`RestoreError`]. Whether the series really issued a restored number is the series'
    /// answer: [`NumberSeries::has_issued`](crate::NumberSeries::has_issued).
    ///
    /// `Display` writes the rendered text.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{NumberSeries, YearReset};
    /// use chrono::NaiveDate;
    ///
    /// let mut invoices = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// let date = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("bad date")?;
    /// let number = invoices.issue(date)?;
    /// assert_eq!(number.to_string(), "INV2026-00001");
    /// assert_eq!((number.series_id(), number.year(), number.sequence()), ("invoices", 2026, 1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[derive(Debug, Clone, PartialEq, Eq, Hash)]
    #[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
    #[cfg_attr(feature = "serde", serde(try_from = "DocumentNumberRecord"))]
    pub struct DocumentNumber {
        series: String,
        year: i32,
        sequence: u32,
        text: String,
    }

    /// The saved form of a [`DocumentNumber`], as read back.
    #[cfg(feature = "serde")]
    #[derive(Deserialize)]
    #[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
    struct DocumentNumberRecord {
        series: String,
        year: i32,
        sequence: u32,
        text: String,
    }

    #[cfg(feature = "serde")]
    impl TryFrom<DocumentNumberRecord> for DocumentNumber {
        type Error = RestoreError;

        fn try_from(record: DocumentNumberRecord) -> Result<Self, Self::Error> {
            const WHAT: &str = "DocumentNumber";
            check_id(&record.series)
                .map_err(|error| RestoreError::invalid(WHAT, "series", error))?;
            if !YEARS.contains(&record.year) {
                return Err(RestoreError::invalid(
                    WHAT,
                    "year",
                    NumberSeriesError::YearOutOfRange {
                        series: record.series,
                        year: record.year,
                    },
                ));
            }
            if record.sequence == 0 {
                return Err(
                    RestoreError::inconsistent(WHAT, "sequence", "sequences start at 1")
                        .with_latvian_reason("kārtas numuri sākas ar 1"),
                );
            }
            // `{seq}` renders the sequence in decimal, maybe padded with zeros, so the digits
            // always appear in the text.
            if record.text.chars().any(char::is_control)
                || !record.text.contains(&record.sequence.to_string())
            {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    "text",
                    format!(
                        "the text of number {} must show it and hold no control characters",
                        record.sequence
                    ),
                )
                .with_latvian_reason(format!(
                    "numura {} tekstā jābūt šim numuram, un tajā nedrīkst būt vadības rakstzīmju",
                    record.sequence
                )));
            }
            Ok(DocumentNumber {
                series: record.series,
                year: record.year,
                sequence: record.sequence,
                text: record.text,
            })
        }
    }

    impl DocumentNumber {
        /// Renders the number. Only the number series module calls this, for numbers the
        /// series has issued; the text always equals the pattern's rendering.
        pub(super) fn from_issued(
            series: &str,
            pattern: &NumberPattern,
            year: i32,
            sequence: u32,
        ) -> Self {
            DocumentNumber {
                series: series.to_owned(),
                year,
                sequence,
                text: pattern.render(year, sequence),
            }
        }

        /// Returns the id of the series that issued the number.
        pub fn series_id(&self) -> &str {
            &self.series
        }

        /// Returns the year the number belongs to (the year of the issue date).
        pub fn year(&self) -> i32 {
            self.year
        }

        /// Returns the sequence within the series (within the year for a series that
        /// restarts each year); the first number is 1.
        pub fn sequence(&self) -> u32 {
            self.sequence
        }

        /// Returns the rendered text, as printed on the document.
        pub fn as_str(&self) -> &str {
            &self.text
        }
    }
}

impl fmt::Display for DocumentNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a series restarts its sequence at 1 in a new year.
///
/// Serialised as `"each_year"` or `"never"`.
///
/// # Examples
///
/// ```
/// # #[cfg(feature = "serde")] {
/// use apkalpe_core::YearReset;
///
/// assert_eq!(serde_json::to_string(&YearReset::EachYear)?, "\"each_year\"");
/// # }
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum YearReset {
    /// The first number issued with a date in a new year has sequence 1. The pattern must
    /// show the year, or numbers would repeat.
    EachYear,
    /// The sequence runs on across years; the year in the pattern (if any) changes.
    Never,
}

/// The numbers a series issued in one calendar year: `first_sequence..=last_sequence`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct Period {
    year: i32,
    first_sequence: u32,
    last_sequence: u32,
}

impl Period {
    fn contains(&self, year: i32, sequence: u32) -> bool {
        self.year == year && (self.first_sequence..=self.last_sequence).contains(&sequence)
    }
}

/// A voided (*anulēts*) number: issued, then spoilt, and never reused.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{NumberSeries, YearReset};
/// use chrono::NaiveDate;
///
/// let mut orders = NumberSeries::try_new("kio", "KIO-{seq}".parse()?, YearReset::Never)?;
/// let date = NaiveDate::from_ymd_opt(2026, 5, 4).ok_or("bad date")?;
/// let spoilt = orders.issue(date)?;
/// let voided = orders.void(&spoilt, "printed on the wrong form")?;
/// assert_eq!(voided.number().as_str(), "KIO-1");
/// assert_eq!(voided.reason(), "printed on the wrong form");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Saved as `{"number": {…}, "reason": "…"}`; deserialising checks the number as
/// [`DocumentNumber`] does and the reason as [`NumberSeries::void`] does (1 to 500 characters,
/// not blank), refusing anything else with a [`RestoreError`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "VoidedNumberRecord"))]
pub struct VoidedNumber {
    number: DocumentNumber,
    reason: String,
}

/// The saved form of a [`VoidedNumber`], as read back.
#[cfg(feature = "serde")]
#[derive(Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct VoidedNumberRecord {
    number: DocumentNumber,
    reason: String,
}

#[cfg(feature = "serde")]
impl TryFrom<VoidedNumberRecord> for VoidedNumber {
    type Error = RestoreError;

    fn try_from(record: VoidedNumberRecord) -> Result<Self, Self::Error> {
        if !is_valid_reason(&record.reason) {
            return Err(RestoreError::invalid(
                "VoidedNumber",
                "reason",
                NumberSeriesError::InvalidVoidReason {
                    series: record.number.series_id().to_owned(),
                    number: record.number.as_str().to_owned(),
                },
            ));
        }
        Ok(VoidedNumber {
            number: record.number,
            reason: record.reason,
        })
    }
}

impl VoidedNumber {
    /// Returns the voided number.
    pub fn number(&self) -> &DocumentNumber {
        &self.number
    }

    /// Returns why it was voided, as given.
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

/// The error returned by [`NumberSeries`] operations and by deserialising a series.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum NumberSeriesError {
    /// The series id is blank, longer than 64 characters, has surrounding whitespace or a
    /// control character.
    #[error(
        "series id must be 1 to 64 characters without control characters or surrounding spaces, found {found:?}"
    )]
    InvalidId {
        /// The id, cut to 16 characters.
        found: String,
    },
    /// A series that restarts each year has a pattern without `{year}` or `{yy}`.
    #[error("series {series} restarts each year, so its pattern {pattern} must show the year")]
    PatternWithoutYear {
        /// The series id.
        series: String,
        /// The pattern's template.
        pattern: String,
    },
    /// The date is in a year before the series' current year: a series never goes back.
    #[error("series {series} is numbering year {current_year}, cannot issue for {year}")]
    DateBeforeCurrentYear {
        /// The series id.
        series: String,
        /// The year of the date given.
        year: i32,
        /// The year of the last issued number.
        current_year: i32,
    },
    /// The year is outside 1–9999.
    #[error("series {series} cannot number year {year}: years run from 1 to 9999")]
    YearOutOfRange {
        /// The series id.
        series: String,
        /// The year of the date given.
        year: i32,
    },
    /// A series that restarts each year and shows the year as `{yy}` only would repeat its
    /// numbers after a century.
    #[error(
        "series {series} shows two-digit years and started in {first_year}, so {year} would repeat its numbers"
    )]
    ShortYearWrapped {
        /// The series id.
        series: String,
        /// The year of the date given.
        year: i32,
        /// The year of the series' first number.
        first_year: i32,
    },
    /// The next sequence would not fit the pattern's width (or `u32`).
    #[error("series {series} has no numbers left after {max} in {year}")]
    SequenceExhausted {
        /// The series id.
        series: String,
        /// The year being numbered.
        year: i32,
        /// The largest sequence the pattern can show.
        max: u32,
    },
    /// The number was issued by another series.
    #[error("number {number} belongs to series {number_series}, not {series}")]
    ForeignNumber {
        /// This series' id.
        series: String,
        /// The id of the series the number names.
        number_series: String,
        /// The number's text.
        number: String,
    },
    /// The number has the series' id but this series has not issued it (it came from a
    /// diverged copy of the series).
    #[error("series {series} has not issued number {number}")]
    NotIssued {
        /// The series id.
        series: String,
        /// The number's text.
        number: String,
    },
    /// The number is already voided.
    #[error("number {number} of series {series} is already voided")]
    AlreadyVoided {
        /// The series id.
        series: String,
        /// The number's text.
        number: String,
    },
    /// The void reason is blank or longer than 500 characters.
    #[error("voiding number {number} of series {series} needs a reason of 1 to 500 characters")]
    InvalidVoidReason {
        /// The series id.
        series: String,
        /// The number's text.
        number: String,
    },
    /// A deserialised series state breaks an invariant.
    #[error("series {series} state is inconsistent: {problem}")]
    InvalidState {
        /// The series id.
        series: String,
        /// Which invariant is broken, as a fixed phrase.
        problem: &'static str,
    },
}

impl NumberSeriesError {
    /// Returns the stable error code.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{NumberSeries, YearReset};
    ///
    /// let error = NumberSeries::try_new("kio", "KIO-{seq}".parse()?, YearReset::EachYear).unwrap_err();
    /// assert_eq!(error.code(), "number_series.pattern_without_year");
    /// # Ok::<(), apkalpe_core::ParseNumberPatternError>(())
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            NumberSeriesError::InvalidId { .. } => "number_series.invalid_id",
            NumberSeriesError::PatternWithoutYear { .. } => "number_series.pattern_without_year",
            NumberSeriesError::DateBeforeCurrentYear { .. } => {
                "number_series.date_before_current_year"
            }
            NumberSeriesError::YearOutOfRange { .. } => "number_series.year_out_of_range",
            NumberSeriesError::ShortYearWrapped { .. } => "number_series.short_year_wrapped",
            NumberSeriesError::SequenceExhausted { .. } => "number_series.sequence_exhausted",
            NumberSeriesError::ForeignNumber { .. } => "number_series.foreign_number",
            NumberSeriesError::NotIssued { .. } => "number_series.not_issued",
            NumberSeriesError::AlreadyVoided { .. } => "number_series.already_voided",
            NumberSeriesError::InvalidVoidReason { .. } => "number_series.invalid_void_reason",
            NumberSeriesError::InvalidState { .. } => "number_series.invalid_state",
        }
    }
}

impl LocalizedError for NumberSeriesError {
    fn code(&self) -> &'static str {
        NumberSeriesError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            NumberSeriesError::InvalidId { found } => write!(
                f,
                "sērijas identifikatoram jābūt 1–64 rakstzīmes garam, bez vadības rakstzīmēm un bez atstarpēm sākumā vai beigās, norādīts {found:?}"
            ),
            NumberSeriesError::PatternWithoutYear { series, pattern } => write!(
                f,
                "sērija {series} katru gadu sākas no jauna, tāpēc tās veidnē {pattern} jābūt gadam"
            ),
            NumberSeriesError::DateBeforeCurrentYear {
                series,
                year,
                current_year,
            } => write!(
                f,
                "sērija {series} numurē {current_year}. gadu, tajā nevar izsniegt numuru {year}. gadam"
            ),
            NumberSeriesError::YearOutOfRange { series, year } => write!(
                f,
                "sērija {series} nevar numurēt {year}. gadu: gadiem jābūt no 1 līdz 9999"
            ),
            NumberSeriesError::ShortYearWrapped {
                series,
                year,
                first_year,
            } => write!(
                f,
                "sērija {series} rāda gadu ar diviem cipariem un sākās {first_year}. gadā, tāpēc {year}. gadā tās numuri atkārtotos"
            ),
            NumberSeriesError::SequenceExhausted { series, year, max } => write!(
                f,
                "sērijai {series} {year}. gadā pēc numura {max} vairs nav brīvu numuru"
            ),
            NumberSeriesError::ForeignNumber {
                series,
                number_series,
                number,
            } => write!(
                f,
                "numurs {number} pieder sērijai {number_series}, nevis {series}"
            ),
            NumberSeriesError::NotIssued { series, number } => {
                write!(f, "sērija {series} nav izsniegusi numuru {number}")
            }
            NumberSeriesError::AlreadyVoided { series, number } => {
                write!(f, "sērijas {series} numurs {number} jau ir anulēts")
            }
            NumberSeriesError::InvalidVoidReason { series, number } => write!(
                f,
                "sērijas {series} numura {number} anulēšanai vajadzīgs iemesls no 1 līdz 500 rakstzīmēm"
            ),
            NumberSeriesError::InvalidState { series, problem } => {
                let problem = match *problem {
                    "a period's year is outside 1 to 9999" => {
                        "perioda gads nav robežās no 1 līdz 9999"
                    }
                    "a period's sequences are not 1 <= first <= last <= the pattern's maximum" => {
                        "perioda kārtas numuri neatbilst nosacījumam 1 <= pirmais <= pēdējais <= veidnes lielākais numurs"
                    }
                    "period years are not increasing" => "periodu gadi nepieaug",
                    "a period does not continue the sequence without a gap" => {
                        "periods neturpina numerāciju bez robiem"
                    }
                    "two-digit years repeat within the series" => {
                        "divciparu gadi sērijā atkārtojas"
                    }
                    "a voided number's text does not match the pattern" => {
                        "anulētā numura teksts neatbilst veidnei"
                    }
                    "a voided number was never issued" => "anulētais numurs nekad nav izsniegts",
                    "a number is voided twice" => "numurs ir anulēts divreiz",
                    "a void reason is blank or above 500 characters" => {
                        "anulēšanas iemesls ir tukšs vai garāks par 500 rakstzīmēm"
                    }
                    "voided list empty after push" => {
                        "iekšēja kļūda: anulēto numuru saraksts pēc pievienošanas ir tukšs"
                    }
                    other => other,
                };
                write!(f, "sērijas {series} stāvoklis ir pretrunīgs: {problem}")
            }
        }
    }
}

/// A gapless series of document numbers (*numerācijas sērija*): invoices, KIO, KIzO, each its
/// own series.
///
/// - A number exists only once [`NumberSeries::issue`] returns it; sequences run 1, 2, 3…
///   with no gaps and no repeats.
/// - The series follows the calendar year of the dates it is given. The year moves forward
///   only when a date in a later year arrives; a date in an earlier year is refused (dates
///   earlier within the current year are accepted: the series guards the numbers, not the
///   order of dates). With [`YearReset::EachYear`] the new year starts at 1.
/// - A spoilt number is voided with [`NumberSeries::void`]: it stays issued, is listed by
///   [`NumberSeries::voided`] and is never issued again.
/// - Rendered numbers never repeat within a series: `{seq}` occurs once and every other token
///   has a fixed width, and a series that restarts each year must show the year
///   ([`NumberSeriesError::PatternWithoutYear`]; with `{yy}` only, for at most a century).
///
/// The state is `Serialize` + `Deserialize`; deserialising checks every invariant above, so
/// a stored series continues exactly where it stopped. The series is a value: the caller
/// stores it after each issue, and two copies that both issue diverge (keep one writer).
///
/// # Legal basis
///
/// PVN likums art. 125(1) item 2 (`docs/sources.md` §3a row 2); MK noteikumi Nr. 625
/// on KIO / KIzO numbering (§10).
///
/// # Examples
///
/// ```
/// use apkalpe_core::{NumberSeries, YearReset};
/// use chrono::NaiveDate;
///
/// let mut invoices = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("bad date");
///
/// assert_eq!(invoices.issue(day(2026, 12, 30)?)?.as_str(), "INV2026-00001");
/// let spoilt = invoices.issue(day(2026, 12, 31)?)?;
/// invoices.void(&spoilt, "customer cancelled before delivery")?;
/// assert_eq!(invoices.issue(day(2027, 1, 2)?)?.as_str(), "INV2027-00001");
///
/// let late = invoices.issue(day(2026, 12, 31)?).unwrap_err();
/// assert_eq!(late.code(), "number_series.date_before_current_year");
/// assert_eq!(invoices.voided().len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "NumberSeriesState"))]
#[cfg_attr(feature = "serde", serde(into = "NumberSeriesState"))]
pub struct NumberSeries {
    id: String,
    pattern: NumberPattern,
    reset: YearReset,
    /// One entry per year in which numbers were issued, years increasing.
    periods: Vec<Period>,
    voided: Vec<VoidedNumber>,
}

/// Checks a series id.
fn check_id(id: &str) -> Result<(), NumberSeriesError> {
    let length = id.chars().count();
    if length == 0 || length > MAX_ID_CHARS || id.trim() != id || id.chars().any(char::is_control) {
        return Err(NumberSeriesError::InvalidId {
            found: id.chars().take(16).collect(),
        });
    }
    Ok(())
}

/// Tells whether a void reason is acceptable.
fn is_valid_reason(reason: &str) -> bool {
    !reason.trim().is_empty() && reason.chars().count() <= MAX_REASON_CHARS
}

impl NumberSeries {
    /// Creates a series that has issued nothing yet.
    ///
    /// # Errors
    ///
    /// - [`NumberSeriesError::InvalidId`] for a blank id, one above 64 characters, with
    ///   surrounding whitespace or a control character;
    /// - [`NumberSeriesError::PatternWithoutYear`] for [`YearReset::EachYear`] with a pattern
    ///   that does not show the year.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{NumberSeries, YearReset};
    ///
    /// let series = NumberSeries::try_new("kizo", "KIzO-{seq:4}".parse()?, YearReset::Never)?;
    /// assert_eq!(series.id(), "kizo");
    /// assert!(series.last_issued().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_new(
        id: &str,
        pattern: NumberPattern,
        reset: YearReset,
    ) -> Result<Self, NumberSeriesError> {
        check_id(id)?;
        if reset == YearReset::EachYear && !pattern.has_year() {
            return Err(NumberSeriesError::PatternWithoutYear {
                series: id.to_owned(),
                pattern: pattern.to_string(),
            });
        }
        Ok(NumberSeries {
            id: id.to_owned(),
            pattern,
            reset,
            periods: Vec::new(),
            voided: Vec::new(),
        })
    }

    /// Creates a series that continues numbering taken over from another system: in
    /// `year`, numbers up to `last_sequence` are taken, and the next issue gives
    /// `last_sequence + 1` (or 1 in a later year with [`YearReset::EachYear`]).
    ///
    /// Of the numbers issued before the take-over only the last is known, so only it can be
    /// voided through this series.
    ///
    /// # Errors
    ///
    /// As [`NumberSeries::try_new`], plus [`NumberSeriesError::YearOutOfRange`] for a year
    /// outside 1–9999 and [`NumberSeriesError::SequenceExhausted`] when `last_sequence` does
    /// not fit the pattern (the error's `max` says the limit). A `last_sequence` of 0 means
    /// nothing was taken and gives a fresh series.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{NumberSeries, YearReset};
    /// use chrono::NaiveDate;
    ///
    /// let mut invoices = NumberSeries::try_continue_from(
    ///     "invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear, 2026, 57,
    /// )?;
    /// let date = NaiveDate::from_ymd_opt(2026, 6, 1).ok_or("bad date")?;
    /// assert_eq!(invoices.issue(date)?.as_str(), "INV2026-00058");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_continue_from(
        id: &str,
        pattern: NumberPattern,
        reset: YearReset,
        year: i32,
        last_sequence: u32,
    ) -> Result<Self, NumberSeriesError> {
        let mut series = NumberSeries::try_new(id, pattern, reset)?;
        if !YEARS.contains(&year) {
            return Err(NumberSeriesError::YearOutOfRange {
                series: series.id,
                year,
            });
        }
        if last_sequence == 0 {
            // Nothing was taken: the series starts at 1.
            return Ok(series);
        }
        if last_sequence > series.pattern.max_sequence() {
            return Err(NumberSeriesError::SequenceExhausted {
                series: series.id,
                year,
                max: series.pattern.max_sequence(),
            });
        }
        // Only the last number is known, so the period holds just it: earlier ones cannot be
        // voided here, and a later `Never` period continues right after it.
        series.periods.push(Period {
            year,
            first_sequence: last_sequence,
            last_sequence,
        });
        Ok(series)
    }

    /// Returns the series id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Returns the pattern numbers are rendered from.
    pub fn pattern(&self) -> &NumberPattern {
        &self.pattern
    }

    /// Returns whether the sequence restarts each year.
    pub fn year_reset(&self) -> YearReset {
        self.reset
    }

    /// Returns the last number issued (voided or not), or `None` before the first issue.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{NumberSeries, YearReset};
    /// use chrono::NaiveDate;
    ///
    /// let mut series = NumberSeries::try_new("kio", "KIO {yy}/{seq}".parse()?, YearReset::EachYear)?;
    /// series.issue(NaiveDate::from_ymd_opt(2026, 1, 5).ok_or("bad date")?)?;
    /// assert_eq!(series.last_issued().map(|n| n.to_string()), Some("KIO 26/1".to_owned()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn last_issued(&self) -> Option<DocumentNumber> {
        self.periods.last().map(|period| {
            DocumentNumber::from_issued(&self.id, &self.pattern, period.year, period.last_sequence)
        })
    }

    /// Returns the voided numbers, in the order they were voided.
    pub fn voided(&self) -> &[VoidedNumber] {
        &self.voided
    }

    /// Tells whether `number` is voided in this series.
    pub fn is_voided(&self, number: &DocumentNumber) -> bool {
        self.voided.iter().any(|voided| voided.number == *number)
    }

    /// Tells whether this series has issued `number` (voided or not).
    pub fn has_issued(&self, number: &DocumentNumber) -> bool {
        number.series_id() == self.id
            && self
                .periods
                .iter()
                .any(|period| period.contains(number.year(), number.sequence()))
    }

    /// Issues the next number for a document dated `date`.
    ///
    /// Works out the next (year, sequence) first and changes the series only when it
    /// succeeds, so a refused issue leaves the series as it was.
    ///
    /// # Errors
    ///
    /// - [`NumberSeriesError::DateBeforeCurrentYear`] when `date` is in a year before the
    ///   last issued number's year;
    /// - [`NumberSeriesError::YearOutOfRange`] for a year outside 1–9999;
    /// - [`NumberSeriesError::ShortYearWrapped`] when a series that restarts each year and
    ///   shows only `{yy}` reaches the same two digits a century after its first year;
    /// - [`NumberSeriesError::SequenceExhausted`] when the next sequence does not fit the
    ///   pattern's `{seq:N}` width or `u32`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{NumberSeries, YearReset};
    /// use chrono::NaiveDate;
    ///
    /// let mut orders = NumberSeries::try_new("kio", "KIO-{seq:1}".parse()?, YearReset::Never)?;
    /// let date = NaiveDate::from_ymd_opt(2026, 2, 2).ok_or("bad date")?;
    /// for _ in 1..=9 {
    ///     orders.issue(date)?;
    /// }
    /// assert_eq!(orders.issue(date).unwrap_err().code(), "number_series.sequence_exhausted");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn issue(&mut self, date: NaiveDate) -> Result<DocumentNumber, NumberSeriesError> {
        let year = date.year();
        if !YEARS.contains(&year) {
            return Err(NumberSeriesError::YearOutOfRange {
                series: self.id.clone(),
                year,
            });
        }
        let exhausted = || NumberSeriesError::SequenceExhausted {
            series: self.id.clone(),
            year,
            max: self.pattern.max_sequence(),
        };
        let next = match self.periods.last() {
            None => Period {
                year,
                first_sequence: 1,
                last_sequence: 1,
            },
            Some(current) if year < current.year => {
                return Err(NumberSeriesError::DateBeforeCurrentYear {
                    series: self.id.clone(),
                    year,
                    current_year: current.year,
                });
            }
            Some(current) if year == current.year => {
                let sequence = current.last_sequence.checked_add(1).ok_or_else(exhausted)?;
                Period {
                    last_sequence: sequence,
                    ..*current
                }
            }
            Some(current) => {
                let sequence = match self.reset {
                    YearReset::EachYear => 1,
                    YearReset::Never => {
                        current.last_sequence.checked_add(1).ok_or_else(exhausted)?
                    }
                };
                Period {
                    year,
                    first_sequence: sequence,
                    last_sequence: sequence,
                }
            }
        };
        if next.last_sequence > self.pattern.max_sequence() {
            return Err(exhausted());
        }
        self.check_short_year(year)?;
        match self.periods.last_mut() {
            Some(current) if current.year == next.year => *current = next,
            _ => self.periods.push(next),
        }
        Ok(DocumentNumber::from_issued(
            &self.id,
            &self.pattern,
            next.year,
            next.last_sequence,
        ))
    }

    /// Refuses a year whose `{yy}` rendering would repeat an earlier year's numbers.
    fn check_short_year(&self, year: i32) -> Result<(), NumberSeriesError> {
        if self.reset != YearReset::EachYear || !self.pattern.has_only_short_year() {
            return Ok(());
        }
        let Some(first) = self.periods.first() else {
            return Ok(());
        };
        match year.checked_sub(first.year) {
            Some(distance) if distance < 100 => Ok(()),
            _ => Err(NumberSeriesError::ShortYearWrapped {
                series: self.id.clone(),
                year,
                first_year: first.year,
            }),
        }
    }

    /// Voids an issued number with a reason. The number stays issued and is never issued
    /// again; the document it was on is kept with its "voided" mark (*anulēts*).
    ///
    /// Returns the record added to [`NumberSeries::voided`].
    ///
    /// # Errors
    ///
    /// - [`NumberSeriesError::ForeignNumber`] for a number of another series;
    /// - [`NumberSeriesError::NotIssued`] for a number this series has not issued (from a
    ///   diverged copy of the series, or from before a take-over);
    /// - [`NumberSeriesError::AlreadyVoided`] for a number voided before;
    /// - [`NumberSeriesError::InvalidVoidReason`] for a blank reason or one above 500
    ///   characters.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{NumberSeries, YearReset};
    /// use chrono::NaiveDate;
    ///
    /// let mut invoices = NumberSeries::try_new("invoices", "{year}/{seq}".parse()?, YearReset::EachYear)?;
    /// let date = NaiveDate::from_ymd_opt(2026, 4, 1).ok_or("bad date")?;
    /// let number = invoices.issue(date)?;
    /// invoices.void(&number, "duplicate of 2026/0")?;
    /// let again = invoices.void(&number, "twice").unwrap_err();
    /// assert_eq!(again.code(), "number_series.already_voided");
    /// assert_eq!(invoices.issue(date)?.as_str(), "2026/2");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn void(
        &mut self,
        number: &DocumentNumber,
        reason: &str,
    ) -> Result<&VoidedNumber, NumberSeriesError> {
        if number.series_id() != self.id {
            return Err(NumberSeriesError::ForeignNumber {
                series: self.id.clone(),
                number_series: number.series_id().to_owned(),
                number: number.as_str().to_owned(),
            });
        }
        if !self.has_issued(number) {
            return Err(NumberSeriesError::NotIssued {
                series: self.id.clone(),
                number: number.as_str().to_owned(),
            });
        }
        if self.is_voided(number) {
            return Err(NumberSeriesError::AlreadyVoided {
                series: self.id.clone(),
                number: number.as_str().to_owned(),
            });
        }
        if !is_valid_reason(reason) {
            return Err(NumberSeriesError::InvalidVoidReason {
                series: self.id.clone(),
                number: number.as_str().to_owned(),
            });
        }
        self.voided.push(VoidedNumber {
            number: number.clone(),
            reason: reason.to_owned(),
        });
        self.voided.last().ok_or(NumberSeriesError::InvalidState {
            series: self.id.clone(),
            problem: "voided list empty after push",
        })
    }
}

/// The serialised shape of a voided number.
#[derive(Debug, Clone)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct VoidedState {
    year: i32,
    sequence: u32,
    text: String,
    reason: String,
}

/// The serialised shape of [`NumberSeries`].
#[derive(Debug, Clone)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct NumberSeriesState {
    id: String,
    pattern: NumberPattern,
    year_reset: YearReset,
    periods: Vec<Period>,
    voided: Vec<VoidedState>,
}

impl From<NumberSeries> for NumberSeriesState {
    fn from(series: NumberSeries) -> Self {
        NumberSeriesState {
            id: series.id,
            pattern: series.pattern,
            year_reset: series.reset,
            periods: series.periods,
            voided: series
                .voided
                .into_iter()
                .map(|voided| VoidedState {
                    year: voided.number.year(),
                    sequence: voided.number.sequence(),
                    text: voided.number.as_str().to_owned(),
                    reason: voided.reason,
                })
                .collect(),
        }
    }
}

impl TryFrom<NumberSeriesState> for NumberSeries {
    type Error = NumberSeriesError;

    fn try_from(state: NumberSeriesState) -> Result<Self, Self::Error> {
        let mut series = NumberSeries::try_new(&state.id, state.pattern, state.year_reset)?;
        let invalid = |problem: &'static str| NumberSeriesError::InvalidState {
            series: state.id.clone(),
            problem,
        };
        let max = series.pattern.max_sequence();
        let mut previous: Option<Period> = None;
        for period in state.periods {
            if !YEARS.contains(&period.year) {
                return Err(invalid("a period's year is outside 1 to 9999"));
            }
            if period.first_sequence == 0
                || period.first_sequence > period.last_sequence
                || period.last_sequence > max
            {
                return Err(invalid(
                    "a period's sequences are not 1 <= first <= last <= the pattern's maximum",
                ));
            }
            if let Some(before) = previous {
                if period.year <= before.year {
                    return Err(invalid("period years are not increasing"));
                }
                let expected_first = match series.reset {
                    YearReset::EachYear => Some(1),
                    YearReset::Never => before.last_sequence.checked_add(1),
                };
                if Some(period.first_sequence) != expected_first {
                    return Err(invalid(
                        "a period does not continue the sequence without a gap",
                    ));
                }
            }
            // The first period may start above 1: a take-over (`try_continue_from`).
            if let Some(first) = series.periods.first()
                && series.reset == YearReset::EachYear
                && series.pattern.has_only_short_year()
                && period
                    .year
                    .checked_sub(first.year)
                    .is_none_or(|distance| distance >= 100)
            {
                return Err(invalid("two-digit years repeat within the series"));
            }
            series.periods.push(period);
            previous = Some(period);
        }
        for voided in state.voided {
            let number = DocumentNumber::from_issued(
                &series.id,
                &series.pattern,
                voided.year,
                voided.sequence,
            );
            if number.as_str() != voided.text {
                return Err(invalid("a voided number's text does not match the pattern"));
            }
            if !series.has_issued(&number) {
                return Err(invalid("a voided number was never issued"));
            }
            if series.is_voided(&number) {
                return Err(invalid("a number is voided twice"));
            }
            if !is_valid_reason(&voided.reason) {
                return Err(invalid("a void reason is blank or above 500 characters"));
            }
            series.voided.push(VoidedNumber {
                number,
                reason: voided.reason,
            });
        }
        Ok(series)
    }
}
