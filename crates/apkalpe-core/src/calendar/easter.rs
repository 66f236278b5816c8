//! Western (Gregorian) Easter Sunday.

use chrono::NaiveDate;

use super::error::{CalendarError, check_year};

/// Returns Western (Gregorian) Easter Sunday (*Pirmās Lieldienas*) of `year`.
///
/// The holiday law names no method; Latvian practice follows the Western date. Computed with
/// the anonymous Gregorian algorithm (Meeus/Jones/Butcher) in checked integer arithmetic.
/// Good Friday, Easter Monday and Pentecost are counted from this day.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Calendar, easter_sunday};
///
/// assert_eq!(easter_sunday(2026)?, Calendar::date(2026, 4, 5)?);
/// assert_eq!(easter_sunday(2000)?, Calendar::date(2000, 4, 23)?);
/// # Ok::<(), apkalpe_core::CalendarError>(())
/// ```
///
/// # Errors
///
/// - [`CalendarError::YearOutOfRange`] if `year` is not in 1991–2100.
///
/// # Legal basis
///
/// `docs/sources.md` §13.1 a) (Easter rule, \[N2\]\[N16\]) and the Easter table 2024–2028.
pub fn easter_sunday(year: i32) -> Result<NaiveDate, CalendarError> {
    check_year(year)?;
    let (month, day) =
        gregorian_easter(year).ok_or_else(|| CalendarError::internal("easter.arithmetic"))?;
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| CalendarError::internal("easter.date"))
}

/// The anonymous Gregorian algorithm; `None` only if an intermediate value overflows, which
/// cannot happen for positive years of four digits.
fn gregorian_easter(year: i32) -> Option<(u32, u32)> {
    let a = year.checked_rem_euclid(19)?;
    let b = year.checked_div_euclid(100)?;
    let c = year.checked_rem_euclid(100)?;
    let d = b.checked_div_euclid(4)?;
    let e = b.checked_rem_euclid(4)?;
    let f = b.checked_add(8)?.checked_div_euclid(25)?;
    let g = b.checked_sub(f)?.checked_add(1)?.checked_div_euclid(3)?;
    // h = (19a + b − d − g + 15) mod 30
    let h = a
        .checked_mul(19)?
        .checked_add(b)?
        .checked_sub(d)?
        .checked_sub(g)?
        .checked_add(15)?
        .checked_rem_euclid(30)?;
    let i = c.checked_div_euclid(4)?;
    let k = c.checked_rem_euclid(4)?;
    // l = (32 + 2e + 2i − h − k) mod 7
    let l = e
        .checked_mul(2)?
        .checked_add(i.checked_mul(2)?)?
        .checked_add(32)?
        .checked_sub(h)?
        .checked_sub(k)?
        .checked_rem_euclid(7)?;
    // m = (a + 11h + 22l) / 451
    let m = h
        .checked_mul(11)?
        .checked_add(a)?
        .checked_add(l.checked_mul(22)?)?
        .checked_div_euclid(451)?;
    // n = h + l − 7m + 114; month = n / 31, day = n mod 31 + 1
    let n = h
        .checked_add(l)?
        .checked_sub(m.checked_mul(7)?)?
        .checked_add(114)?;
    let month = n.checked_div_euclid(31)?;
    let day = n.checked_rem_euclid(31)?.checked_add(1)?;
    Some((u32::try_from(month).ok()?, u32::try_from(day).ok()?))
}
