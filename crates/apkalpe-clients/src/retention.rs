//! The crate's retention facts in core's one retention model (decision 0008): a
//! [`RetentionHold`] stated as a core [`RetentionObligation`] scoped to the
//! [`RecordPart`]s its [`PersonalField`]s name, so that a program gathers the facts of every
//! crate in one [`RetentionFacts`] and asks [`RetentionFacts::decide`] or
//! [`RetentionFacts::decide_part`] once.

use apkalpe_core::{
    CountingRule, Language, LocalizedText, RecordPart, RetentionError, RetentionEvent,
    RetentionFacts, RetentionObligation, RetentionPeriod, RetentionScope, RetentionStart,
};

use crate::client::ClientId;
use crate::privacy::{PersonalField, RetentionHold};

impl PersonalField {
    /// Returns the part of a client's record this field is in core's retention model: a
    /// [`RecordPart`] named as the field (`name`, `personal_code`, `addresses`, `emails`,
    /// `phones`, `tags`, `free_texts`).
    ///
    /// # Errors
    ///
    /// None in practice: every field's name is a valid part name (a test checks each one).
    /// The [`RetentionError`] of [`RecordPart::try_new`] is passed on.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::PersonalField;
    ///
    /// assert_eq!(PersonalField::Phones.record_part()?.as_str(), "phones");
    /// # Ok::<(), apkalpe_core::RetentionError>(())
    /// ```
    pub fn record_part(self) -> Result<RecordPart, RetentionError> {
        RecordPart::try_new(self.as_str())
    }

    /// Returns the field a record part names, if it names one.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::PersonalField;
    /// use apkalpe_core::RecordPart;
    ///
    /// let part = RecordPart::try_new("addresses")?;
    /// assert_eq!(PersonalField::from_record_part(&part), Some(PersonalField::Addresses));
    /// assert_eq!(PersonalField::from_record_part(&RecordPart::try_new("invoice_lines")?), None);
    /// # Ok::<(), apkalpe_core::RetentionError>(())
    /// ```
    pub fn from_record_part(part: &RecordPart) -> Option<PersonalField> {
        PersonalField::ALL
            .into_iter()
            .find(|field| field.as_str() == part.as_str())
    }
}

/// The words of the event a hold's obligation counts from: the hold's own last day.
fn hold_end() -> RetentionEvent {
    RetentionEvent::Custom(
        LocalizedText::new(
            Language::Latvian,
            "glabāšanas pamatā norādītās pēdējās dienas",
        )
        .with(Language::English, "the last day the hold names"),
    )
}

impl RetentionHold {
    /// States the hold in core's retention model: an obligation that keeps the parts its
    /// fields name ([`PersonalField::record_part`]) of `client`'s personal data through the
    /// hold's last day, for the hold's reason. The hold knows its last day, not a period, so
    /// the obligation counts 0 days from that day: it ends on [`RetentionHold::until`], and
    /// [`RetentionFacts::decide_part`] keeps a field exactly while
    /// [`RetentionHold::applies_on`] says the hold applies.
    ///
    /// The record is named `client <id>`; the basis is the hold's reason.
    ///
    /// # Errors
    ///
    /// [`RetentionError::ScopeEmpty`] for a hold that names no field (it keeps nothing).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientId, PersonalField, RetentionHold};
    /// use apkalpe_core::RetentionScope;
    /// use chrono::NaiveDate;
    ///
    /// let until = NaiveDate::from_ymd_opt(2031, 12, 31).ok_or("date")?;
    /// let hold = RetentionHold::try_new("accounting documents", until, [PersonalField::Name])?;
    /// let obligation = hold.obligation(ClientId::from_u128(1))?;
    /// assert_eq!(obligation.ends_on()?, Some(until));
    /// assert_eq!(obligation.basis(), "accounting documents");
    /// assert_eq!(obligation.scope(), &RetentionScope::try_parts(["name"])?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn obligation(&self, client: ClientId) -> Result<RetentionObligation, RetentionError> {
        let scope = RetentionScope::try_parts(self.fields().iter().map(|field| field.as_str()))?;
        Ok(RetentionObligation::try_new(
            &format!("client {client}"),
            self.reason(),
            RetentionPeriod::Days(0),
            RetentionStart::on(hold_end(), self.until(), CountingRule::FromDate),
        )?
        .with_scope(scope))
    }

    /// Gathers `holds` as core retention facts about `client`'s personal data (see
    /// [`RetentionHold::obligation`]); a hold that names no field keeps nothing and is left
    /// out. Add the facts other crates state (an invoice's obligation from the accounting
    /// crate, a complaint case's hold from the documents crate) and ask the engine once.
    ///
    /// # Errors
    ///
    /// None in practice; the [`RetentionError`] of [`RetentionHold::obligation`] is passed
    /// on.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{ClientId, PersonalField, RetentionHold};
    /// use apkalpe_core::RetentionVerdict;
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let holds = [
    ///     RetentionHold::try_new("accounting documents", day(2031, 12, 31)?, [PersonalField::Name, PersonalField::Addresses])?,
    ///     RetentionHold::try_new("complaint K-12", day(2027, 11, 30)?, [PersonalField::Name, PersonalField::Emails])?,
    /// ];
    /// let facts = RetentionHold::facts(ClientId::from_u128(1), &holds)?;
    /// let today = day(2026, 12, 1)?;
    /// let emails = facts.decide_part(&PersonalField::Emails.record_part()?, today)?;
    /// assert_eq!(emails.verdict(), RetentionVerdict::KeepUntil { last_day: day(2027, 11, 30)? });
    /// let phones = facts.decide_part(&PersonalField::Phones.record_part()?, today)?;
    /// assert!(phones.may_erase());
    /// assert_eq!(facts.decide(today)?.verdict(), RetentionVerdict::KeepUntil { last_day: day(2031, 12, 31)? });
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn facts(
        client: ClientId,
        holds: &[RetentionHold],
    ) -> Result<RetentionFacts, RetentionError> {
        let mut facts = RetentionFacts::new();
        for hold in holds.iter().filter(|hold| !hold.fields().is_empty()) {
            facts.add_obligation(hold.obligation(client)?);
        }
        Ok(facts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_is_a_record_part_and_back() {
        for field in PersonalField::ALL {
            let part = field.record_part().unwrap();
            assert_eq!(part.as_str(), field.as_str());
            assert_eq!(PersonalField::from_record_part(&part), Some(field));
        }
    }
}
