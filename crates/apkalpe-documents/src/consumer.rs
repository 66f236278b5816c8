//! Consumer reclamations about goods (*pretenzijas par precēm*): the 2-year claim period,
//! the remedies, and the 14-day withdrawal from distance and off-premises contracts.

use apkalpe_core::{Calendar, CalendarError, Deadline, DeadlineStep, Period};
use chrono::{Days, Months, NaiveDate};

/// What the consumer asks for when goods do not conform: first repair free of charge or
/// replacement, and a price reduction or a refund where those are not possible.
///
/// # Legal basis
///
/// Patērētāju tiesību aizsardzības likums (PTAL) art. 28 (`docs/sources.md` §6: the PTAC
/// register quoting art. 28(1) \[D10\], latvija.lv on the order of the remedies \[D11\], the
/// law's text \[D12\]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Remedy {
    /// Repair free of charge (*bezmaksas novēršana*).
    Repair,
    /// Replacement with conforming goods (*apmaiņa*).
    Replacement,
    /// A price reduction (*cenas samazinājums*).
    PriceReduction,
    /// Termination and refund (*naudas atmaksa*).
    Refund,
}

impl Remedy {
    /// Returns the Latvian name.
    pub const fn latvian_name(self) -> &'static str {
        match self {
            Remedy::Repair => "preces bezmaksas remonts",
            Remedy::Replacement => "preces apmaiņa",
            Remedy::PriceReduction => "cenas samazināšana",
            Remedy::Refund => "naudas atmaksa",
        }
    }
}

/// The result of checking a claim against the 2-year claim period, as [`claim_period`]
/// computes it: its fields are read through getters.
///
/// # Examples
///
/// ```
/// use apkalpe_documents::claim_period;
/// use chrono::NaiveDate;
///
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// let check = claim_period(day(2024, 3, 15)?, day(2026, 3, 16)?)?;
/// assert_eq!((check.ends_on(), check.is_within()), (day(2026, 3, 15)?, false));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ClaimPeriodCheck {
    /// The last day of the claim period.
    pub(crate) ends_on: NaiveDate,
    /// Whether the claim was made within it.
    pub(crate) is_within: bool,
}

impl ClaimPeriodCheck {
    /// Returns the last day of the claim period.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_documents::claim_period;
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let check = claim_period(day(2024, 3, 15)?, day(2026, 3, 16)?)?;
    /// assert_eq!(check.ends_on(), day(2026, 3, 15)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ends_on(&self) -> NaiveDate {
        self.ends_on
    }

    /// Tells whether the claim was made within the period.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_documents::claim_period;
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let check = claim_period(day(2024, 3, 15)?, day(2026, 3, 16)?)?;
    /// assert!(!check.is_within());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_within(&self) -> bool {
        self.is_within
    }
}

/// Checks a consumer's claim of non-conformity made on `claimed_on` for goods received (or a
/// service received) on `received_on`: the claim period is 2 years (PTAL art. 27, `docs/sources.md` §6
/// \[D3\]); the period ends on the same day two years later (29 Feb → 28 Feb).
///
/// # Errors
///
/// [`CalendarError::Overflow`] when two years cannot be added to the date.
///
/// # Examples
///
/// ```
/// use apkalpe_documents::claim_period;
/// use chrono::NaiveDate;
///
/// let received = NaiveDate::from_ymd_opt(2024, 3, 15).ok_or("date")?;
/// let check = claim_period(received, NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?)?;
/// assert_eq!(check.ends_on(), NaiveDate::from_ymd_opt(2026, 3, 15).ok_or("date")?);
/// assert!(!check.is_within());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn claim_period(
    received_on: NaiveDate,
    claimed_on: NaiveDate,
) -> Result<ClaimPeriodCheck, CalendarError> {
    let ends_on = received_on
        .checked_add_months(Months::new(24))
        .ok_or(CalendarError::Overflow { date: received_on })?;
    Ok(ClaimPeriodCheck {
        ends_on,
        is_within: claimed_on <= ends_on,
    })
}

/// The event the 14-day withdrawal period starts from (MK 255, `docs/sources.md` §6 \[D7\]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "event", content = "date"))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum WithdrawalStart {
    /// Goods: the day the consumer (or a third party they named) received them.
    GoodsReceived(NaiveDate),
    /// Several items or lots ordered together: the day the last one was received.
    LastItemReceived(NaiveDate),
    /// Regular deliveries over a period: the day the first was received.
    FirstRegularDelivery(NaiveDate),
    /// Services (and digital content not on a medium): the day the contract was concluded.
    ContractConcluded(NaiveDate),
}

impl WithdrawalStart {
    /// Returns the event's date.
    pub const fn date(self) -> NaiveDate {
        match self {
            WithdrawalStart::GoodsReceived(date)
            | WithdrawalStart::LastItemReceived(date)
            | WithdrawalStart::FirstRegularDelivery(date)
            | WithdrawalStart::ContractConcluded(date) => date,
        }
    }

    const fn describe(self) -> &'static str {
        match self {
            WithdrawalStart::GoodsReceived(_) => "the goods were received",
            WithdrawalStart::LastItemReceived(_) => "the last item was received",
            WithdrawalStart::FirstRegularDelivery(_) => "the first regular delivery was received",
            WithdrawalStart::ContractConcluded(_) => "the contract was concluded",
        }
    }
}

/// Whether the consumer was informed of the withdrawal right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum WithdrawalInformation {
    /// Informed as required.
    Informed,
    /// Not informed: the period is 12 months longer.
    NotInformed,
}

/// The exceptions to the withdrawal right (MK 255 p. 22, `docs/sources.md` §6 \[D9\]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum WithdrawalException {
    /// Goods made to the consumer's specification or clearly personalised.
    PersonalisedGoods,
    /// Goods that deteriorate or expire rapidly.
    PerishableGoods,
    /// Sealed goods unsuitable for return for health or hygiene reasons, unsealed.
    UnsealedHygieneGoods,
    /// Sealed audio, video recordings or software, unsealed.
    UnsealedRecordings,
    /// A service fully performed, begun with the consumer's consent and acknowledgement.
    CompletedService,
    /// Digital content not on a medium, supplied with consent and acknowledgement.
    DigitalContentStarted,
    /// Accommodation, transport of goods, car rental, catering or leisure on a set date.
    DatedLeisureService,
}

impl WithdrawalException {
    /// Returns a short English description.
    pub const fn describe(self) -> &'static str {
        match self {
            WithdrawalException::PersonalisedGoods => "personalised goods",
            WithdrawalException::PerishableGoods => "perishable goods",
            WithdrawalException::UnsealedHygieneGoods => "sealed hygiene goods opened",
            WithdrawalException::UnsealedRecordings => "sealed recordings or software opened",
            WithdrawalException::CompletedService => "service fully performed with consent",
            WithdrawalException::DigitalContentStarted => "digital content supplied with consent",
            WithdrawalException::DatedLeisureService => {
                "leisure or transport service on a set date"
            }
        }
    }
}

/// The result of [`withdrawal_deadline`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "outcome", rename_all = "snake_case"))]
pub enum WithdrawalOutcome {
    /// The consumer may withdraw until `date` (sending the notice by then suffices).
    Until {
        /// The last day.
        date: NaiveDate,
        /// The rules applied, as lines.
        lines: Vec<String>,
    },
    /// No withdrawal right.
    NoRight {
        /// The exception that applies.
        exception: WithdrawalException,
    },
}

/// Returns the last day a consumer may withdraw from a distance or off-premises contract.
///
/// 14 days from the start event, the event day not counted; a last day that is not a working
/// day moves to the next working day; if the consumer was not informed, the period ends 12
/// months after the end of the initial 14 days (then moved likewise). An exception removes
/// the right.
///
/// # Errors
///
/// [`CalendarError`] outside the calendar's years.
///
/// # Examples
///
/// ```
/// use apkalpe_core::Calendar;
/// use apkalpe_documents::{withdrawal_deadline, WithdrawalInformation, WithdrawalOutcome, WithdrawalStart};
/// use chrono::NaiveDate;
///
/// let received = NaiveDate::from_ymd_opt(2026, 12, 10).ok_or("date")?;
/// let outcome = withdrawal_deadline(
///     WithdrawalStart::GoodsReceived(received),
///     WithdrawalInformation::Informed,
///     None,
///     &Calendar::latvia(),
/// )?;
/// let WithdrawalOutcome::Until { date, .. } = outcome else { return Err("a right".into()) };
/// assert_eq!(date, NaiveDate::from_ymd_opt(2026, 12, 28).ok_or("date")?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Legal basis
///
/// PTAL and MK noteikumi Nr. 255 (2014) (`docs/sources.md` §6 \[D6\]\[D7\]\[D9\]); counting per EU Reg.
/// 1182/71 (`docs/sources.md` §6 \[D8\], confidence L).
pub fn withdrawal_deadline(
    start: WithdrawalStart,
    information: WithdrawalInformation,
    exception: Option<WithdrawalException>,
    calendar: &Calendar,
) -> Result<WithdrawalOutcome, CalendarError> {
    if let Some(exception) = exception {
        return Ok(WithdrawalOutcome::NoRight { exception });
    }
    let event = start.date();
    let mut lines = vec![format!(
        "rule: 14 days from {event}, the day {}; the event day is not counted",
        start.describe()
    )];
    let deadline: Deadline = match information {
        WithdrawalInformation::Informed => calendar.deadline(event, Period::Days(14))?,
        WithdrawalInformation::NotInformed => {
            let initial = event
                .checked_add_days(Days::new(14))
                .ok_or(CalendarError::Overflow { date: event })?;
            lines.push(format!(
                "initial period ends {initial}; the consumer was not informed, so it runs 12 months longer"
            ));
            calendar.deadline(initial, Period::Months(12))?
        }
    };
    lines.extend(
        deadline
            .steps()
            .iter()
            .map(|step: &DeadlineStep| step.to_string()),
    );
    lines.push(
        "basis: Patērētāju tiesību aizsardzības likums; MK noteikumi Nr. 255 (2014)".to_owned(),
    );
    Ok(WithdrawalOutcome::Until {
        date: deadline.date(),
        lines,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn not_informed_adds_twelve_months() {
        let outcome = withdrawal_deadline(
            WithdrawalStart::ContractConcluded(day(2026, 3, 2)),
            WithdrawalInformation::NotInformed,
            None,
            &Calendar::latvia(),
        )
        .unwrap();
        // 2 Mar + 14 = 16 Mar 2026; + 12 months = Tue 16 Mar 2027.
        assert!(
            matches!(outcome, WithdrawalOutcome::Until { date, .. } if date == day(2027, 3, 16))
        );
    }

    #[test]
    fn exception_removes_the_right() {
        let outcome = withdrawal_deadline(
            WithdrawalStart::GoodsReceived(day(2026, 3, 2)),
            WithdrawalInformation::Informed,
            Some(WithdrawalException::PerishableGoods),
            &Calendar::latvia(),
        )
        .unwrap();
        assert_eq!(
            outcome,
            WithdrawalOutcome::NoRight {
                exception: WithdrawalException::PerishableGoods
            }
        );
    }

    #[test]
    fn claim_period_on_leap_day() {
        let check = claim_period(day(2024, 2, 29), day(2026, 2, 28)).unwrap();
        assert_eq!(check.ends_on, day(2026, 2, 28));
        assert!(check.is_within);
    }
}
