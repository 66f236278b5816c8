//! The crate's retention facts in core's one retention model (decision 0008, §3): a file
//! plan's period, a case's closing, the crate's obligations and facts become
//! `apkalpe_core::RetentionObligation`s and `apkalpe_core::RetentionFacts`, so a program
//! asks [`apkalpe_core::RetentionFacts::decide`] once for everything a client's data touches.
//!
//! The mapping keeps the end dates: a period of `n` years counted from the closing (or from
//! its event) by a [`CountingRule`] ends on the same day in both models, and a case is never
//! kept for less than until its closing.

use apkalpe_core::{Language, LocalizedText, RetentionEvent, RetentionStart};
use chrono::NaiveDate;

use crate::case::{ClosedCase, OpenCase};
use crate::file_plan::FilePlanEntry;
use crate::retention::{
    CountingRule, RetentionError, RetentionFacts, RetentionObligation, RetentionPeriod,
};

impl From<CountingRule> for apkalpe_core::CountingRule {
    /// The same rule in core's model.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_documents::CountingRule;
    ///
    /// assert_eq!(
    ///     apkalpe_core::CountingRule::from(CountingRule::default()),
    ///     apkalpe_core::CountingRule::FromFirstJanuaryAfter
    /// );
    /// ```
    fn from(rule: CountingRule) -> Self {
        match rule {
            CountingRule::FromFirstJanuaryAfter => {
                apkalpe_core::CountingRule::FromFirstJanuaryAfter
            }
            CountingRule::FromDate => apkalpe_core::CountingRule::FromDate,
        }
    }
}

/// The event a file plan's words name: "personas dzimšanas" is a birth, "uzņēmuma
/// reorganizācijas vai darbības izbeigšanas" the end of the business, anything else a custom
/// event in the plan's (Latvian) words.
fn event_of(words: &str) -> RetentionEvent {
    let lower = words.to_lowercase();
    if lower.contains("dzimšanas") || lower == "birth" {
        RetentionEvent::Birth
    } else if lower.contains("darbības izbeigšanas") {
        RetentionEvent::BusinessEnded
    } else {
        RetentionEvent::Custom(LocalizedText::new(Language::Latvian, words))
    }
}

impl RetentionPeriod {
    /// Returns the period in core's model and the event it is counted from: the closing of
    /// the case, or the event a [`RetentionPeriod::YearsFromEvent`] names (a birth, the end
    /// of the business, or the plan's own words).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::RetentionEvent;
    /// use apkalpe_documents::RetentionPeriod;
    ///
    /// let period: RetentionPeriod = "5 gadi".parse()?;
    /// assert_eq!(period.to_core(), (apkalpe_core::RetentionPeriod::Years(5), RetentionEvent::CaseClosed));
    /// let personnel: RetentionPeriod = "90 gadi no personas dzimšanas".parse()?;
    /// assert_eq!(personnel.to_core(), (apkalpe_core::RetentionPeriod::Years(90), RetentionEvent::Birth));
    /// # Ok::<(), apkalpe_documents::DocumentsError>(())
    /// ```
    pub fn to_core(&self) -> (apkalpe_core::RetentionPeriod, RetentionEvent) {
        match self {
            RetentionPeriod::Permanent => (
                apkalpe_core::RetentionPeriod::Permanent,
                RetentionEvent::CaseClosed,
            ),
            RetentionPeriod::Years(years) => (
                apkalpe_core::RetentionPeriod::Years(*years),
                RetentionEvent::CaseClosed,
            ),
            RetentionPeriod::YearsFromEvent { years, event } => (
                apkalpe_core::RetentionPeriod::Years(*years),
                event_of(event),
            ),
        }
    }
}

impl RetentionObligation {
    /// States the obligation in core's model, for the record named `record` (1 to 200
    /// characters, such as "lieta 2.1 (2026)"): the same period, counted from the same date
    /// by the same rule, with the same basis. A start not known yet is core's pending start.
    ///
    /// # Errors
    ///
    /// [`RetentionError::Model`] for a blank, too long or multi-line `record`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_documents::{AccountingRecord, RetentionObligation};
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let invoice = RetentionObligation::accounting(AccountingRecord::SupportingDocument, Some(day(2026, 3, 2)?));
    /// let core = invoice.to_core("rēķins INV-2026-17")?;
    /// assert_eq!(core.ends_on()?, invoice.ends_on()?);
    /// assert_eq!(core.ends_on()?, Some(day(2031, 12, 31)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_core(
        &self,
        record: &str,
    ) -> Result<apkalpe_core::RetentionObligation, RetentionError> {
        let (period, event) = self.period().to_core();
        let counting = apkalpe_core::CountingRule::from(self.counting());
        let start = match self.counted_from() {
            Some(date) => RetentionStart::on(event, date, counting),
            None => RetentionStart::pending(event, counting),
        };
        Ok(apkalpe_core::RetentionObligation::try_new(
            record,
            self.basis(),
            period,
            start,
        )?)
    }
}

impl RetentionFacts {
    /// States the facts in core's model: every obligation for `record` (see
    /// [`RetentionObligation::to_core`]) and every hold, so core's
    /// [`decide`](apkalpe_core::RetentionFacts::decide) answers as [`retention_decision`]
    /// does, with core's reasons.
    ///
    /// # Errors
    ///
    /// [`RetentionError::Model`] for a blank, too long or multi-line `record`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::RetentionVerdict;
    /// use apkalpe_documents::{AccountingRecord, LegalHold, RetentionFacts, RetentionObligation};
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let facts = RetentionFacts::new()
    ///     .with_obligation(RetentionObligation::accounting(AccountingRecord::AccountingRegister, Some(day(2020, 1, 1)?)))
    ///     .with_hold(LegalHold::try_new("LH-1", "strīds ar klientu", day(2026, 1, 5)?)?.lift(day(2026, 6, 1)?)?);
    /// let decision = facts.to_core("virsgrāmata 2020")?.decide(day(2026, 3, 2)?)?;
    /// assert_eq!(decision.verdict(), RetentionVerdict::KeepOpenEnded);
    /// let later = facts.to_core("virsgrāmata 2020")?.decide(day(2026, 7, 1)?)?;
    /// assert_eq!(later.verdict(), RetentionVerdict::KeepUntil { last_day: day(2030, 12, 31)? });
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// [`retention_decision`]: crate::retention_decision
    pub fn to_core(&self, record: &str) -> Result<apkalpe_core::RetentionFacts, RetentionError> {
        let mut facts = apkalpe_core::RetentionFacts::new();
        for obligation in self.obligations() {
            facts.add_obligation(obligation.to_core(record)?);
        }
        for hold in self.holds() {
            facts.add_hold(hold.clone());
        }
        Ok(facts)
    }
}

impl FilePlanEntry {
    /// States the retention of a case of this entry in core's model: its period, its basis
    /// (the plan's words "lietu nomenklatūra" for a permanent case without one), counted
    /// from `counted_from` (the closing, or the date of the period's event) by `counting`,
    /// pending while `counted_from` is `None`. `None` for a classification level, which
    /// holds no case.
    ///
    /// # Errors
    ///
    /// [`RetentionError::Model`] for a blank, too long or multi-line `record`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_documents::{CountingRule, FilePlanEntry, FilePlanEntryInput};
    /// use chrono::NaiveDate;
    ///
    /// let entry = FilePlanEntry::try_from(FilePlanEntryInput {
    ///     index: "2.1".into(),
    ///     title: "Klientu sūdzības".into(),
    ///     retention: "5 gadi".into(),
    ///     legal_basis: "PTAL 26.1 p.".into(),
    ///     responsible: "Klientu nodaļa".into(),
    ///     medium: "elektronisks".into(),
    ///     ..FilePlanEntryInput::default()
    /// })?;
    /// let closed = NaiveDate::from_ymd_opt(2026, 12, 31).ok_or("date")?;
    /// let obligation = entry
    ///     .retention_obligation("lieta 2.1 (2026)", Some(closed), CountingRule::default())?
    ///     .ok_or("a case entry")?;
    /// assert_eq!(obligation.ends_on()?, NaiveDate::from_ymd_opt(2031, 12, 31));
    /// let decision = apkalpe_core::RetentionFacts::new()
    ///     .with_obligation(obligation)
    ///     .decide(NaiveDate::from_ymd_opt(2032, 1, 1).ok_or("date")?)?;
    /// assert!(decision.may_erase());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn retention_obligation(
        &self,
        record: &str,
        counted_from: Option<NaiveDate>,
        counting: CountingRule,
    ) -> Result<Option<apkalpe_core::RetentionObligation>, RetentionError> {
        let Some(case) = self.case() else {
            return Ok(None);
        };
        let basis = case.legal_basis().unwrap_or("lietu nomenklatūra");
        let obligation =
            RetentionObligation::try_new(case.retention().clone(), counted_from, counting, basis)?;
        obligation.to_core(record).map(Some)
    }
}

/// The record a case is named by in core's reasons: "lieta 2.1 (2026)".
fn case_record(index: &crate::CaseIndex, year: i32) -> String {
    format!("lieta {index} ({year})")
}

impl OpenCase {
    /// States the retention of the open case in core's model: its period, pending until the
    /// case is closed (or, for a period from an event, until the event's date is known), so
    /// core keeps it with no end date yet.
    ///
    /// # Errors
    ///
    /// [`RetentionError`] only for a basis the case's own checks would have refused.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::RetentionVerdict;
    /// use apkalpe_documents::{CaseIndex, CountingRule, FilePlan, OpenCase};
    /// use chrono::NaiveDate;
    ///
    /// let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n\
    ///            2;Klientu apkalpošana;;;;;;;\n\
    ///            2.1;;Klientu sūdzības;5 gadi;PTAL 26.1 p.;Klientu nodaļa;elektronisks;;\n";
    /// let plan = FilePlan::from_csv(2026, csv)?;
    /// let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).ok_or("date");
    /// let case = OpenCase::open(&plan, &"2.1".parse::<CaseIndex>()?, day(1, 2)?)?;
    /// let obligation = case.retention_obligation(CountingRule::default())?;
    /// let decision = apkalpe_core::RetentionFacts::new().with_obligation(obligation).decide(day(3, 2)?)?;
    /// assert_eq!(decision.verdict(), RetentionVerdict::KeepOpenEnded);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn retention_obligation(
        &self,
        counting: CountingRule,
    ) -> Result<apkalpe_core::RetentionObligation, RetentionError> {
        RetentionObligation::try_new(self.retention().clone(), None, counting, self.basis())?
            .to_core(&case_record(self.index(), self.year()))
    }
}

impl ClosedCase {
    /// States the retention of the closed case in core's model: its obligation (the same
    /// period, start and rule as [`ClosedCase::retention_ends_on`] counts) and, for a period
    /// counted from an event, an obligation to keep it at least through its closing day, as
    /// the case does. Core's decision on these and [`ClosedCase::holds`] gives the same end
    /// dates as the case: see [`ClosedCase::core_retention_facts`].
    ///
    /// # Errors
    ///
    /// [`RetentionError`] only for a record name core refuses, which a case's index and year
    /// never give.
    ///
    /// # Examples
    ///
    /// See [`ClosedCase::core_retention_facts`].
    pub fn retention_obligations(
        &self,
    ) -> Result<Vec<apkalpe_core::RetentionObligation>, RetentionError> {
        let record = case_record(self.index(), self.year());
        let mut obligations = vec![self.obligation().to_core(&record)?];
        if matches!(self.retention(), RetentionPeriod::YearsFromEvent { .. }) {
            obligations.push(apkalpe_core::RetentionObligation::try_new(
                &record,
                self.basis(),
                apkalpe_core::RetentionPeriod::Days(0),
                RetentionStart::on(
                    RetentionEvent::CaseClosed,
                    self.closed_on(),
                    apkalpe_core::CountingRule::FromDate,
                ),
            )?);
        }
        Ok(obligations)
    }

    /// Returns the case's retention facts in core's model: its obligations
    /// ([`ClosedCase::retention_obligations`]) and its holds, for
    /// [`apkalpe_core::RetentionFacts::decide`]; add a client's other facts to the same
    /// value to ask once for everything.
    ///
    /// # Errors
    ///
    /// As [`ClosedCase::retention_obligations`].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::RetentionVerdict;
    /// use apkalpe_documents::{CaseIndex, CountingRule, FilePlan, LegalHold, OpenCase};
    /// use chrono::NaiveDate;
    ///
    /// let csv = "indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n\
    ///            2;Klientu apkalpošana;;;;;;;\n\
    ///            2.1;;Klientu sūdzības;5 gadi;PTAL 26.1 p.;Klientu nodaļa;elektronisks;;\n";
    /// let plan = FilePlan::from_csv(2026, csv)?;
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let case = OpenCase::open(&plan, &"2.1".parse::<CaseIndex>()?, day(2026, 1, 2)?)?;
    /// let mut closed = case.close(day(2026, 12, 31)?, None, CountingRule::default())?;
    /// assert_eq!(closed.retention_ends_on(), Some(day(2031, 12, 31)?));
    ///
    /// let facts = closed.core_retention_facts()?;
    /// assert_eq!(facts.decide(day(2031, 12, 31)?)?.verdict(), RetentionVerdict::KeepUntil { last_day: day(2031, 12, 31)? });
    /// assert_eq!(facts.decide(day(2032, 1, 1)?)?.verdict(), RetentionVerdict::MayErase { since: Some(day(2032, 1, 1)?) });
    ///
    /// // A dispute keeps it, in core's words too.
    /// closed.place_hold(LegalHold::try_new("LH-1", "tiesvedība", day(2031, 6, 1)?)?);
    /// let decision = closed.core_retention_facts()?.decide(day(2032, 1, 1)?)?;
    /// assert_eq!(decision.verdict(), RetentionVerdict::KeepOpenEnded);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn core_retention_facts(&self) -> Result<apkalpe_core::RetentionFacts, RetentionError> {
        let mut facts = apkalpe_core::RetentionFacts::new();
        for obligation in self.retention_obligations()? {
            facts.add_obligation(obligation);
        }
        for hold in self.holds() {
            facts.add_hold(hold.clone());
        }
        Ok(facts)
    }
}
