//! The VAT rate class of goods or a service over time: a dated schedule (*PVN likmes grupa
//! pa periodiem*).
//!
//! The law moves goods between rate classes on dates: bread, milk, fresh poultry and eggs are
//! in the 12 % class from 2026-07-01 to 2027-06-30 only; fresh fruit and vegetables went from
//! 5 % to 12 % in 2024; books in a language outside the law's list left the 5 % class on
//! 2026-01-01. A [`VatClassSchedule`] says which class applies on each date; the
//! [`VatRateTable`](crate::VatRateTable) says what each class's rate is on that date. A quote,
//! a sale or an invoice takes the class in force on the supply date.
//!
//! # Legal basis
//!
//! `docs/sources.md` §2: the temporary 12 % for staple foods \[V1\]\[V2\], the history of the
//! fresh-produce rate \[V4\], the language condition of the 5 % book and press rate from
//! 2026 \[V3\]\[V6\]\[V8\].

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

#[cfg(feature = "serde")]
use crate::RestoreError;
use crate::{VatError, VatRateClass};

/// One period of a [`VatClassSchedule`]: a class from a date (or from the start, for the
/// first period of a schedule that has one) until the next period.
///
/// A plain record the caller fills in; [`VatClassSchedule::try_new`] checks the periods
/// together (order, only the first without a start).
///
/// # Examples
///
/// ```
/// use apkalpe_core::{VatClassPeriod, VatClassSchedule, VatRateClass};
///
/// let schedule = VatClassSchedule::try_new(vec![VatClassPeriod { from: None, class: VatRateClass::Standard }])?;
/// assert!(schedule.is_constant());
/// # Ok::<(), apkalpe_core::VatError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct VatClassPeriod {
    /// The first day of the period; `None` for a first period with no known start.
    #[cfg_attr(feature = "serde", serde(default))]
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub from: Option<NaiveDate>,
    /// The class.
    pub class: VatRateClass,
}

/// Whether a book's or periodical's publication language qualifies it for the 5 % rate from
/// 2026 (the law's list: Latvian, Latgalian, Livonian, or an official language of a member
/// state of the EU or the EEA, of Switzerland, of an EU candidate state or of an OECD member
/// state; `docs/sources.md` §2 \[V3\]\[V6\]\[V8\]).
///
/// The caller decides, per publication: the list of states changes (new candidates, new
/// members), so it is not coded here.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{PublicationLanguage, VatClassSchedule, VatRateClass};
/// use chrono::NaiveDate;
///
/// let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
/// let latvian = VatClassSchedule::latvian_book(PublicationLanguage::Qualifying);
/// let other = VatClassSchedule::latvian_book(PublicationLanguage::Other);
/// assert_eq!(latvian.class_on(day)?, VatRateClass::SecondReduced);
/// assert_eq!(other.class_on(day)?, VatRateClass::Standard);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum PublicationLanguage {
    /// Published in a language on the law's list: stays at 5 %.
    Qualifying,
    /// Published in another language: 21 % from 2026-01-01.
    Other,
}

/// The VAT rate class of a product over time: which [`VatRateClass`] applies on each date.
///
/// Built from periods, each starting on a date, in strictly increasing order; the first may
/// have no start (it then applies to every date before the second). A date before a dated
/// first period has no class: [`VatClassSchedule::class_on`] refuses it rather than guess,
/// as [`VatRateTable::rate`](crate::VatRateTable::rate) refuses a date before its first row.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{VatClassSchedule, VatRateClass, VatRateTable};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let milk = VatClassSchedule::latvian_staple_food();
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert_eq!(milk.class_on(day(2026, 6, 30))?, VatRateClass::Standard);
/// assert_eq!(milk.class_on(day(2026, 7, 1))?, VatRateClass::Reduced);
/// assert_eq!(milk.class_on(day(2027, 7, 1))?, VatRateClass::Standard);
///
/// let table = VatRateTable::latvia();
/// assert_eq!(table.entry_for(&milk, day(2026, 12, 1))?.rate.percent(), dec!(12));
/// assert_eq!(milk.to_string(), "standard; reduced from 2026-07-01; standard from 2027-07-01");
/// assert_eq!(milk.to_string().parse::<VatClassSchedule>()?, milk);
/// # Ok::<(), apkalpe_core::VatError>(())
/// ```
///
/// # Saved form
///
/// A schedule of one undated period is saved as the class alone (`"standard"`), the form a
/// product's `vat_class` always had, so old files read unchanged; any other as the list of
/// its periods: `[{"class": "standard"}, {"from": "2026-07-01", "class": "reduced"}, …]`.
/// Reading either form goes through [`VatClassSchedule::try_new`]; a refused list is a
/// [`RestoreError`] naming the period.
///
/// ```
/// # #[cfg(feature = "serde")] {
/// use apkalpe_core::{VatClassSchedule, VatRateClass};
///
/// let plain: VatClassSchedule = serde_json::from_str(r#""reduced""#)?;
/// assert_eq!(plain, VatClassSchedule::constant(VatRateClass::Reduced));
/// assert_eq!(serde_json::to_string(&plain)?, r#""reduced""#);
/// let dated = VatClassSchedule::latvian_staple_food();
/// let json = serde_json::to_string(&dated)?;
/// assert!(json.starts_with(r#"[{"class":"standard"},{"from":"2026-07-01","class":"reduced"}"#));
/// assert_eq!(serde_json::from_str::<VatClassSchedule>(&json)?, dated);
/// assert!(serde_json::from_str::<VatClassSchedule>(r#"[]"#).is_err());
/// # }
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "ScheduleRecord"))]
#[cfg_attr(feature = "serde", serde(into = "ScheduleRecord"))]
pub struct VatClassSchedule {
    // Non-empty; only the first may have no start; starts strictly increasing.
    periods: Vec<VatClassPeriod>,
}

/// The saved forms of a [`VatClassSchedule`].
#[cfg(feature = "serde")]
#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "serde", serde(untagged))]
enum ScheduleRecord {
    Constant(VatRateClass),
    Periods(Vec<VatClassPeriod>),
}

#[cfg(feature = "serde")]
impl TryFrom<ScheduleRecord> for VatClassSchedule {
    type Error = RestoreError;

    fn try_from(record: ScheduleRecord) -> Result<Self, Self::Error> {
        match record {
            ScheduleRecord::Constant(class) => Ok(VatClassSchedule::constant(class)),
            ScheduleRecord::Periods(periods) => {
                VatClassSchedule::try_new(periods).map_err(|error| {
                    let field = match error {
                        VatError::ScheduleOrder { position } => format!("[{position}].from"),
                        _ => "[]".to_owned(),
                    };
                    RestoreError::invalid("VatClassSchedule", field, error)
                })
            }
        }
    }
}

#[cfg(feature = "serde")]
impl From<VatClassSchedule> for ScheduleRecord {
    fn from(schedule: VatClassSchedule) -> Self {
        match schedule.periods.as_slice() {
            [VatClassPeriod { from: None, class }] => ScheduleRecord::Constant(*class),
            _ => ScheduleRecord::Periods(schedule.periods),
        }
    }
}

fn ymd(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

fn period(from: Option<NaiveDate>, class: VatRateClass) -> VatClassPeriod {
    VatClassPeriod { from, class }
}

impl VatClassSchedule {
    /// A class that never changes: what a product with one `vat_class` has.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{VatClassSchedule, VatRateClass};
    /// use chrono::NaiveDate;
    ///
    /// let schedule = VatClassSchedule::constant(VatRateClass::Zero);
    /// assert_eq!(schedule.class_on(NaiveDate::MIN)?, VatRateClass::Zero);
    /// # Ok::<(), apkalpe_core::VatError>(())
    /// ```
    pub fn constant(class: VatRateClass) -> Self {
        VatClassSchedule {
            periods: vec![period(None, class)],
        }
    }

    /// Creates a schedule from its periods.
    ///
    /// # Errors
    ///
    /// - [`VatError::ScheduleEmpty`] for no periods.
    /// - [`VatError::ScheduleOrder`] when a period other than the first has no start, or a
    ///   start is not after the one before.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{VatClassPeriod, VatClassSchedule, VatRateClass};
    /// use chrono::NaiveDate;
    ///
    /// let from = NaiveDate::from_ymd_opt(2030, 1, 1);
    /// let schedule = VatClassSchedule::try_new(vec![
    ///     VatClassPeriod { from: None, class: VatRateClass::Reduced },
    ///     VatClassPeriod { from, class: VatRateClass::Standard },
    /// ])?;
    /// assert_eq!(schedule.periods().len(), 2);
    /// let backwards = VatClassSchedule::try_new(vec![
    ///     VatClassPeriod { from, class: VatRateClass::Reduced },
    ///     VatClassPeriod { from: None, class: VatRateClass::Standard },
    /// ]);
    /// assert_eq!(backwards.unwrap_err().code(), "vat.schedule_order");
    /// # Ok::<(), apkalpe_core::VatError>(())
    /// ```
    pub fn try_new(periods: Vec<VatClassPeriod>) -> Result<Self, VatError> {
        let mut previous: Option<Option<NaiveDate>> = None;
        for (position, current) in periods.iter().enumerate() {
            if let Some(before) = previous {
                let ordered = match (before, current.from) {
                    (_, None) => false,
                    (None, Some(_)) => true,
                    (Some(before), Some(from)) => before < from,
                };
                if !ordered {
                    return Err(VatError::ScheduleOrder { position });
                }
            }
            previous = Some(current.from);
        }
        if periods.is_empty() {
            return Err(VatError::ScheduleEmpty);
        }
        Ok(VatClassSchedule { periods })
    }

    /// Returns the schedule with a change of class on `from` added: every period starting
    /// on or after `from` is replaced (a later law overrides what an earlier one planned).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{VatClassSchedule, VatRateClass};
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// // The pilot for bread is made permanent in this example's future.
    /// let bread = VatClassSchedule::latvian_staple_food().with_change(day(2026, 7, 1), VatRateClass::Reduced);
    /// assert_eq!(bread.class_on(day(2030, 1, 1))?, VatRateClass::Reduced);
    /// assert_eq!(bread.class_on(day(2026, 6, 30))?, VatRateClass::Standard);
    /// # Ok::<(), apkalpe_core::VatError>(())
    /// ```
    #[must_use]
    pub fn with_change(mut self, from: NaiveDate, class: VatRateClass) -> Self {
        self.periods
            .retain(|period| period.from.is_none_or(|start| start < from));
        self.periods.push(period(Some(from), class));
        self
    }

    /// Returns the periods, earliest first.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::VatClassSchedule;
    ///
    /// assert_eq!(VatClassSchedule::latvian_staple_food().periods().len(), 3);
    /// ```
    pub fn periods(&self) -> &[VatClassPeriod] {
        &self.periods
    }

    /// Returns the class of the last period: the one in force from the last change on.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{VatClassSchedule, VatRateClass};
    ///
    /// assert_eq!(VatClassSchedule::latvian_staple_food().latest(), VatRateClass::Standard);
    /// ```
    pub fn latest(&self) -> VatRateClass {
        self.periods
            .last()
            .map_or(VatRateClass::Standard, |period| period.class)
    }

    /// Tells whether the class never changes.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{VatClassSchedule, VatRateClass};
    ///
    /// assert!(VatClassSchedule::constant(VatRateClass::Standard).is_constant());
    /// assert!(!VatClassSchedule::latvian_staple_food().is_constant());
    /// ```
    pub fn is_constant(&self) -> bool {
        matches!(self.periods.as_slice(), [VatClassPeriod { from: None, .. }])
    }

    /// Returns the class in force on `date`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{VatClassSchedule, VatRateClass};
    /// use chrono::NaiveDate;
    ///
    /// let bread = VatClassSchedule::latvian_staple_food();
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// assert_eq!(bread.class_on(day(2026, 6, 30)?)?, VatRateClass::Standard);
    /// assert_eq!(bread.class_on(day(2026, 7, 1)?)?, VatRateClass::Reduced);
    /// assert_eq!(bread.class_on(day(2027, 7, 1)?)?, VatRateClass::Standard);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`VatError::ClassNotInSchedule`] for a date before a dated first period.
    pub fn class_on(&self, date: NaiveDate) -> Result<VatRateClass, VatError> {
        self.periods
            .iter()
            .rfind(|period| period.from.is_none_or(|from| from <= date))
            .map(|period| period.class)
            .ok_or(VatError::ClassNotInSchedule { date })
    }

    /// Returns the dates in `(after, until]` on which the class changes: what a change
    /// notice between two dates must mention.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::VatClassSchedule;
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let bread = VatClassSchedule::latvian_staple_food();
    /// let changes: Vec<_> = bread.changes_between(day(2026, 1, 1)?, day(2027, 12, 31)?).filter_map(|p| p.from).collect();
    /// assert_eq!(changes, [day(2026, 7, 1)?, day(2027, 7, 1)?]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn changes_between(
        &self,
        after: NaiveDate,
        until: NaiveDate,
    ) -> impl Iterator<Item = VatClassPeriod> + '_ {
        self.periods.iter().copied().filter(move |period| {
            period
                .from
                .is_some_and(|from| after < from && from <= until)
        })
    }

    /// Bread, fresh and pasteurised milk, fresh poultry meat and fresh eggs (the law's list,
    /// with its exclusions: not pastries, not UHT milk, not frozen poultry): the standard
    /// class, the reduced 12 % class from 2026-07-01 to 2027-06-30 (a pilot of the 2026
    /// budget), then standard again (`docs/sources.md` §2 \[V1\]\[V2\]).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{VatClassSchedule, VatRateClass};
    /// use chrono::NaiveDate;
    ///
    /// let milk = VatClassSchedule::latvian_staple_food();
    /// assert_eq!(milk.class_on(NaiveDate::from_ymd_opt(2026, 12, 1).ok_or("date")?)?, VatRateClass::Reduced);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn latvian_staple_food() -> Self {
        VatClassSchedule {
            periods: vec![
                period(None, VatRateClass::Standard),
                period(ymd(2026, 7, 1), VatRateClass::Reduced),
                period(ymd(2027, 7, 1), VatRateClass::Standard),
            ],
        }
    }

    /// Fresh fruit, berries and vegetables (washed, peeled, cut or packed, but not frozen,
    /// salted, dried or cooked): 5 % from 2018, 12 % from 2024, permanent from 2025
    /// (`docs/sources.md` §2 \[V4\]). The cited source starts in 2018; earlier dates have no
    /// class.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{VatClassSchedule, VatRateClass};
    /// use chrono::NaiveDate;
    ///
    /// let apples = VatClassSchedule::latvian_fresh_produce();
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// assert_eq!(apples.class_on(day(2023, 6, 1)?)?, VatRateClass::SecondReduced);
    /// assert_eq!(apples.class_on(day(2025, 6, 1)?)?, VatRateClass::Reduced);
    /// assert_eq!(apples.class_on(day(2017, 6, 1)?).unwrap_err().code(), "vat.class_not_in_schedule");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn latvian_fresh_produce() -> Self {
        VatClassSchedule {
            periods: vec![
                period(ymd(2018, 1, 1), VatRateClass::SecondReduced),
                period(ymd(2024, 1, 1), VatRateClass::Reduced),
            ],
        }
    }

    /// Books (printed and electronic, children's picture and colouring books, sheet music,
    /// maps) and newspapers, magazines and other periodicals: 5 % from 2022; from 2026-01-01
    /// only when the publication language qualifies, 21 % otherwise (`docs/sources.md` §2
    /// \[V3\]\[V6\]\[V8\]). The cited sources start in 2022; earlier dates have no class.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{PublicationLanguage, VatClassSchedule, VatRateClass};
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// let latvian = VatClassSchedule::latvian_book(PublicationLanguage::Qualifying);
    /// let other = VatClassSchedule::latvian_book(PublicationLanguage::Other);
    /// assert_eq!(latvian.class_on(day(2026, 1, 1))?, VatRateClass::SecondReduced);
    /// assert_eq!(other.class_on(day(2025, 12, 31))?, VatRateClass::SecondReduced);
    /// assert_eq!(other.class_on(day(2026, 1, 1))?, VatRateClass::Standard);
    /// assert_eq!(other.class_on(day(2021, 12, 31)).unwrap_err().code(), "vat.class_not_in_schedule");
    /// # Ok::<(), apkalpe_core::VatError>(())
    /// ```
    pub fn latvian_book(language: PublicationLanguage) -> Self {
        let mut periods = vec![period(ymd(2022, 1, 1), VatRateClass::SecondReduced)];
        if language == PublicationLanguage::Other {
            periods.push(period(ymd(2026, 1, 1), VatRateClass::Standard));
        }
        VatClassSchedule { periods }
    }
}

impl Default for VatClassSchedule {
    /// The standard class, constant: what a product without a `vat_class` gets.
    fn default() -> Self {
        VatClassSchedule::constant(VatRateClass::Standard)
    }
}

/// The snake_case name of a class, as files write it.
pub(crate) fn class_name(class: VatRateClass) -> &'static str {
    match class {
        VatRateClass::Standard => "standard",
        VatRateClass::Reduced => "reduced",
        VatRateClass::SecondReduced => "second_reduced",
        VatRateClass::Zero => "zero",
    }
}

fn parse_class(text: &str) -> Option<VatRateClass> {
    [
        VatRateClass::Standard,
        VatRateClass::Reduced,
        VatRateClass::SecondReduced,
        VatRateClass::Zero,
    ]
    .into_iter()
    .find(|class| class_name(*class) == text)
}

/// The text form: the periods joined by "; ", each `class` or `class from YYYY-MM-DD`:
/// `standard; reduced from 2026-07-01; standard from 2027-07-01`.
impl fmt::Display for VatClassSchedule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, period) in self.periods.iter().enumerate() {
            if index > 0 {
                f.write_str("; ")?;
            }
            f.write_str(class_name(period.class))?;
            if let Some(from) = period.from {
                write!(f, " from {from}")?;
            }
        }
        Ok(())
    }
}

/// Parses the text form of [`fmt::Display`]; a class alone (`reduced`) is a constant
/// schedule. Spaces around the parts are ignored.
///
/// # Errors
///
/// [`VatError::ScheduleFormat`] for a part that is not `class` or `class from YYYY-MM-DD`;
/// the errors of [`VatClassSchedule::try_new`].
impl FromStr for VatClassSchedule {
    type Err = VatError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let format = || VatError::ScheduleFormat {
            found: s.chars().take(40).collect(),
        };
        let mut periods = Vec::new();
        for part in s.split(';') {
            let part = part.trim();
            let (class, from) = match part.split_once(" from ") {
                Some((class, date)) => {
                    let date =
                        NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d").map_err(|_| format())?;
                    (class.trim(), Some(date))
                }
                None => (part, None),
            };
            let class = parse_class(class).ok_or_else(format)?;
            periods.push(period(from, class));
        }
        VatClassSchedule::try_new(periods)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::VatRateTable;
    use rust_decimal::Decimal;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn staple_food_edges() {
        let table = VatRateTable::latvia();
        let food = VatClassSchedule::latvian_staple_food();
        let rate = |date| table.entry_for(&food, date).unwrap().rate.percent();
        assert_eq!(rate(day(2026, 6, 30)), Decimal::from(21));
        assert_eq!(rate(day(2026, 7, 1)), Decimal::from(12));
        assert_eq!(rate(day(2027, 6, 30)), Decimal::from(12));
        assert_eq!(rate(day(2027, 7, 1)), Decimal::from(21));
        assert_eq!(food.latest(), VatRateClass::Standard);
        assert!(!food.is_constant());
    }

    #[test]
    fn fresh_produce_history() {
        let produce = VatClassSchedule::latvian_fresh_produce();
        assert_eq!(
            produce.class_on(day(2023, 12, 31)).unwrap(),
            VatRateClass::SecondReduced
        );
        assert_eq!(
            produce.class_on(day(2024, 1, 1)).unwrap(),
            VatRateClass::Reduced
        );
        assert_eq!(
            produce.class_on(day(2017, 12, 31)),
            Err(VatError::ClassNotInSchedule {
                date: day(2017, 12, 31)
            })
        );
    }

    #[test]
    fn text_form_round_trips_and_refuses_nonsense() {
        for text in [
            "standard",
            "zero",
            "second_reduced from 2022-01-01; standard from 2026-01-01",
            "standard; reduced from 2026-07-01; standard from 2027-07-01",
        ] {
            let schedule: VatClassSchedule = text.parse().unwrap();
            assert_eq!(schedule.to_string(), text);
        }
        assert_eq!(
            " reduced ; standard from 2030-01-01 "
                .parse::<VatClassSchedule>()
                .unwrap()
                .to_string(),
            "reduced; standard from 2030-01-01"
        );
        for bad in [
            "",
            "normal",
            "reduced from 2030-13-01",
            "reduced from",
            "standard; reduced",
        ] {
            let error = bad.parse::<VatClassSchedule>().unwrap_err();
            assert!(
                matches!(error.code(), "vat.schedule_format" | "vat.schedule_order"),
                "{bad}: {error}"
            );
        }
        assert_eq!(
            "standard from 2030-01-01; reduced from 2030-01-01"
                .parse::<VatClassSchedule>()
                .unwrap_err(),
            VatError::ScheduleOrder { position: 1 }
        );
    }

    #[test]
    fn a_change_replaces_later_plans() {
        let schedule = VatClassSchedule::latvian_staple_food()
            .with_change(day(2027, 1, 1), VatRateClass::Zero);
        assert_eq!(
            schedule.to_string(),
            "standard; reduced from 2026-07-01; zero from 2027-01-01"
        );
        let changes: Vec<_> = VatClassSchedule::latvian_staple_food()
            .changes_between(day(2026, 7, 1), day(2027, 7, 1))
            .collect();
        assert_eq!(changes, [period(ymd(2027, 7, 1), VatRateClass::Standard)]);
    }
}
