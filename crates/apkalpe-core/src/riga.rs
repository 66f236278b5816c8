//! Turning an instant into a date in Riga.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Utc, Weekday};

/// Returns the last Sunday of `month` in `year`, at 01:00 UTC: the moment EU summer time
/// starts (March) or ends (October).
fn last_sunday_0100_utc(year: i32, month: u32) -> Option<NaiveDateTime> {
    let first_of_next = if month == 12 {
        NaiveDate::from_ymd_opt(year.checked_add(1)?, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month.checked_add(1)?, 1)?
    };
    let last_day = first_of_next.pred_opt()?;
    let back = last_day.weekday().days_since(Weekday::Sun);
    let sunday = last_day.checked_sub_days(chrono::Days::new(u64::from(back)))?;
    sunday.and_hms_opt(1, 0, 0)
}

/// Returns the offset of Riga time from UTC at `instant`: two hours (EET), or three during EU
/// summer time (EEST), from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
/// Sunday of October (Directive 2000/84/EC).
///
/// # Examples
///
/// ```
/// use apkalpe_core::riga_offset;
/// use chrono::{Duration, TimeZone, Utc};
///
/// let winter = Utc.with_ymd_and_hms(2026, 11, 27, 12, 0, 0).unwrap();
/// assert_eq!(riga_offset(winter), Duration::hours(2));
/// let summer = Utc.with_ymd_and_hms(2026, 7, 1, 12, 0, 0).unwrap();
/// assert_eq!(riga_offset(summer), Duration::hours(3));
/// ```
pub fn riga_offset(instant: DateTime<Utc>) -> Duration {
    let naive = instant.naive_utc();
    let year = naive.year();
    match (
        last_sunday_0100_utc(year, 3),
        last_sunday_0100_utc(year, 10),
    ) {
        (Some(start), Some(end)) if naive >= start && naive < end => Duration::hours(3),
        _ => Duration::hours(2),
    }
}

/// Returns the calendar date in Riga at `instant`: the date every Latvian legal and business
/// deadline counts from. This is the one place where an instant becomes a Riga date.
///
/// # Examples
///
/// ```
/// use apkalpe_core::riga_date;
/// use chrono::{NaiveDate, TimeZone, Utc};
///
/// // 22:30 UTC on 27 November is already 28 November in Riga (UTC+2).
/// let late = Utc.with_ymd_and_hms(2026, 11, 27, 22, 30, 0).unwrap();
/// assert_eq!(riga_date(late), NaiveDate::from_ymd_opt(2026, 11, 28).unwrap());
/// ```
pub fn riga_date(instant: DateTime<Utc>) -> NaiveDate {
    let local = instant
        .naive_utc()
        .checked_add_signed(riga_offset(instant))
        .unwrap_or(instant.naive_utc());
    local.date()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn summer_time_switches_at_0100_utc() {
        let before = Utc.with_ymd_and_hms(2026, 3, 29, 0, 59, 59).unwrap();
        let after = Utc.with_ymd_and_hms(2026, 3, 29, 1, 0, 0).unwrap();
        assert_eq!(riga_offset(before), Duration::hours(2));
        assert_eq!(riga_offset(after), Duration::hours(3));
        let autumn_before = Utc.with_ymd_and_hms(2026, 10, 25, 0, 59, 59).unwrap();
        let autumn_after = Utc.with_ymd_and_hms(2026, 10, 25, 1, 0, 0).unwrap();
        assert_eq!(riga_offset(autumn_before), Duration::hours(3));
        assert_eq!(riga_offset(autumn_after), Duration::hours(2));
    }

    #[test]
    fn dates_roll_over_at_riga_midnight() {
        let summer_evening = Utc.with_ymd_and_hms(2026, 6, 23, 21, 0, 0).unwrap();
        assert_eq!(
            riga_date(summer_evening),
            NaiveDate::from_ymd_opt(2026, 6, 24).unwrap()
        );
        let new_year = Utc.with_ymd_and_hms(2026, 12, 31, 21, 59, 0).unwrap();
        assert_eq!(
            riga_date(new_year),
            NaiveDate::from_ymd_opt(2026, 12, 31).unwrap()
        );
    }
}
