//! The precomputed tables of a calendar: one 366-bit mask of days off per year, and the
//! replacement days of the weekend rule.

use chrono::{Datelike, NaiveDate, Weekday};

use super::error::{CalendarError, FIRST_YEAR, LAST_YEAR, check_date};
use super::{Calendar, Holiday, HolidayKind, TransferPolicy};

/// The days off of one year: bit `ordinal0` is set when that day is not a working day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct YearMask {
    year: i32,
    /// 365 or 366.
    days: u32,
    off: [u64; 6],
}

/// The word and the bit of day `ordinal0` (0-based day of the year).
fn bit(ordinal0: u32) -> Option<(usize, u64)> {
    let word = usize::try_from(ordinal0.checked_div(64)?).ok()?;
    let mask = 1_u64.checked_shl(ordinal0.checked_rem(64)?)?;
    Some((word, mask))
}

impl YearMask {
    /// A mask with every Saturday and Sunday of `year` off.
    fn with_weekends(year: i32) -> Result<YearMask, CalendarError> {
        let days = if NaiveDate::from_yo_opt(year, 366).is_some() {
            366
        } else {
            365
        };
        let first = NaiveDate::from_yo_opt(year, 1)
            .ok_or_else(|| CalendarError::internal("year_mask.first_day"))?;
        let mut mask = YearMask {
            year,
            days,
            off: [0; 6],
        };
        for date in first.iter_days().take_while(|date| date.year() == year) {
            if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
                mask.mark_off(date.ordinal0())?;
            }
        }
        Ok(mask)
    }

    /// The word holding day `ordinal0` and the bit of that day in it.
    fn slot(&mut self, ordinal0: u32) -> Result<(&mut u64, u64), CalendarError> {
        let (word, mask) = bit(ordinal0)
            .filter(|_| ordinal0 < self.days)
            .ok_or_else(|| CalendarError::internal("year_mask.bit"))?;
        let slot = self
            .off
            .get_mut(word)
            .ok_or_else(|| CalendarError::internal("year_mask.word"))?;
        Ok((slot, mask))
    }

    fn mark_off(&mut self, ordinal0: u32) -> Result<(), CalendarError> {
        let (slot, mask) = self.slot(ordinal0)?;
        *slot |= mask;
        Ok(())
    }

    fn mark_working(&mut self, ordinal0: u32) -> Result<(), CalendarError> {
        let (slot, mask) = self.slot(ordinal0)?;
        *slot &= !mask;
        Ok(())
    }

    fn is_off(&self, ordinal0: u32) -> Result<bool, CalendarError> {
        bit(ordinal0)
            .and_then(|(word, mask)| self.off.get(word).map(|slot| slot & mask != 0))
            .ok_or_else(|| CalendarError::internal("year_mask.is_off"))
    }
}

/// The precomputed tables of a [`Calendar`] for 1991–2100.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tables {
    years: Vec<YearMask>,
    /// Replacement days of the weekend rule, in date order.
    moved: Vec<Holiday>,
}

impl Tables {
    /// Builds the tables of `calendar`: weekends, the law's holidays and the calendar's data,
    /// then the weekend rule's replacement days (in date order, so two never collide), then the
    /// transfers if they apply.
    pub(crate) fn build(calendar: &Calendar) -> Result<Tables, CalendarError> {
        let mut years = Vec::with_capacity(110);
        let mut weekend_rule = Vec::new();
        for year in FIRST_YEAR..=LAST_YEAR {
            let mut mask = YearMask::with_weekends(year)?;
            for holiday in calendar.base_holidays(year)? {
                mask.mark_off(holiday.date().ordinal0())?;
                if holiday.has_weekend_rule()
                    && matches!(holiday.date().weekday(), Weekday::Sat | Weekday::Sun)
                {
                    weekend_rule.push(holiday);
                }
            }
            years.push(mask);
        }
        weekend_rule.sort_by_key(Holiday::date);

        let mut tables = Tables {
            years,
            moved: Vec::with_capacity(weekend_rule.len()),
        };
        for holiday in weekend_rule {
            let replacement = {
                let mut cursor = YearCursor::at(&tables, holiday.date())?;
                cursor.advance_to_next_working_day()?;
                cursor.date()?
            };
            tables
                .year_mut(replacement)?
                .mark_off(replacement.ordinal0())?;
            tables.moved.push(Holiday::new(
                replacement,
                holiday.name().clone(),
                HolidayKind::Moved {
                    from: holiday.date(),
                },
            ));
        }
        if calendar.transfer_policy == TransferPolicy::Apply {
            for transfer in &calendar.transfers {
                let day_off = transfer.day_off();
                tables.year_mut(day_off)?.mark_off(day_off.ordinal0())?;
                let worked_on = transfer.worked_on();
                tables
                    .year_mut(worked_on)?
                    .mark_working(worked_on.ordinal0())?;
            }
        }
        Ok(tables)
    }

    /// The replacement days of the weekend rule, in date order.
    pub(crate) fn moved(&self) -> &[Holiday] {
        &self.moved
    }

    fn year_mut(&mut self, date: NaiveDate) -> Result<&mut YearMask, CalendarError> {
        let index = year_index(date)?;
        self.years
            .get_mut(index)
            .ok_or_else(|| CalendarError::internal("tables.year_mut"))
    }
}

/// The index of the year of `date` in the tables.
fn year_index(date: NaiveDate) -> Result<usize, CalendarError> {
    check_date(date)?;
    date.year()
        .checked_sub(FIRST_YEAR)
        .and_then(|offset| usize::try_from(offset).ok())
        .ok_or_else(|| CalendarError::internal("tables.year_index"))
}

/// A position in the tables (year and day of the year) that walks forward day by day without
/// building dates; the hot path of the working-day queries.
#[derive(Debug, Clone, Copy)]
pub(crate) struct YearCursor<'a> {
    years: &'a [YearMask],
    mask: &'a YearMask,
    index: usize,
    ordinal0: u32,
}

impl<'a> YearCursor<'a> {
    /// A cursor on `date`.
    pub(crate) fn at(tables: &'a Tables, date: NaiveDate) -> Result<YearCursor<'a>, CalendarError> {
        let index = year_index(date)?;
        let mask = tables
            .years
            .get(index)
            .ok_or_else(|| CalendarError::internal("cursor.at"))?;
        Ok(YearCursor {
            years: &tables.years,
            mask,
            index,
            ordinal0: date.ordinal0(),
        })
    }

    /// Whether the day under the cursor is a working day.
    pub(crate) fn is_working_day(&self) -> Result<bool, CalendarError> {
        Ok(!self.mask.is_off(self.ordinal0)?)
    }

    /// Moves to the next day.
    ///
    /// # Errors
    ///
    /// [`CalendarError::YearOutOfRange`] when the next day is after 2100.
    pub(crate) fn advance_one_day(&mut self) -> Result<(), CalendarError> {
        let next = self
            .ordinal0
            .checked_add(1)
            .ok_or_else(|| CalendarError::internal("cursor.ordinal"))?;
        if next < self.mask.days {
            self.ordinal0 = next;
            return Ok(());
        }
        let next_index = self
            .index
            .checked_add(1)
            .ok_or_else(|| CalendarError::internal("cursor.index"))?;
        match self.years.get(next_index) {
            Some(mask) => {
                self.mask = mask;
                self.index = next_index;
                self.ordinal0 = 0;
                Ok(())
            }
            None => Err(CalendarError::YearOutOfRange {
                year: self.mask.year.saturating_add(1),
                first: FIRST_YEAR,
                last: LAST_YEAR,
            }),
        }
    }

    /// Moves to the first working day strictly after the current day.
    pub(crate) fn advance_to_next_working_day(&mut self) -> Result<(), CalendarError> {
        loop {
            self.advance_one_day()?;
            if self.is_working_day()? {
                return Ok(());
            }
        }
    }

    /// Whether the cursor is on a day before `other`'s.
    pub(crate) fn is_before(&self, other: &YearCursor<'_>) -> bool {
        (self.index, self.ordinal0) < (other.index, other.ordinal0)
    }

    /// The date under the cursor.
    pub(crate) fn date(&self) -> Result<NaiveDate, CalendarError> {
        self.ordinal0
            .checked_add(1)
            .and_then(|ordinal| NaiveDate::from_yo_opt(self.mask.year, ordinal))
            .ok_or_else(|| CalendarError::internal("cursor.date"))
    }
}
