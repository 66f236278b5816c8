//! Clients (apkalpe-clients): registration checked in the company register, needs, and
//! erasure with the holds that filed documents place on a client's data (T2.1, T2.3, S30,
//! K1.2).

use apkalpe_clients::{
    BudgetRange, ClientDetails, ClientId, Consent, LegalBasis, LegalForm, Need, NeedId,
    Organisation, Person, PersonalField, Purpose, Registration, RetentionHold, verify,
};
use apkalpe_core::{Address, CountryCode, EmailAddress, Money, Party, PartyName, PhoneNumber};
use apkalpe_core::{RetentionFacts, RetentionScope};
use apkalpe_documents::{CountingRule, RetentionObligation};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use rust_decimal::Decimal;
use uuid::Uuid;

use super::{ClientInput, History, Office, OfficeError, Outcome, config};

/// A need as [`super::Operation::RecordNeed`] carries it.
pub(super) struct NeedInput<'a> {
    pub(super) client: Uuid,
    pub(super) category: &'a str,
    pub(super) quantity: u32,
    pub(super) budget: Option<Money>,
    pub(super) needed_by: Option<NaiveDate>,
    pub(super) preferred: &'a [String],
}

impl Office {
    /// [`super::Operation::RegisterClient`] (and its redacted form, whose outcome is pinned):
    /// the client's details checked, registered (or found registered), consents granted,
    /// and an organisation checked in the company register.
    pub(super) fn register_client(
        &mut self,
        client: &ClientInput,
        pinned: Option<(Uuid, bool)>,
        at: DateTime<Utc>,
    ) -> Result<Outcome, OfficeError> {
        if let Some((id, true)) = pinned {
            // A redacted repeat registration: the client it found is the outcome.
            let id = self.client_id(id)?;
            return Ok(Outcome::Client {
                id,
                existing: true,
                check: None,
            });
        }
        let mut details = match &client.organisation {
            Some(name) => {
                let mut organisation = Organisation::try_new(name)?;
                if let Some(form) = &client.legal_form {
                    organisation = organisation.with_legal_form(LegalForm::try_new(form)?);
                }
                if let Some(number) = &client.registration_number {
                    organisation = organisation.with_registration_number(number.parse()?);
                }
                if let Some(number) = &client.vat_number {
                    organisation = organisation.with_vat_number(number.parse()?);
                }
                ClientDetails::organisation(organisation)
            }
            None => {
                let mut person = Person::try_new(&client.given, &client.family)?;
                if let Some(code) = &client.personal_code {
                    person = person.with_personal_code(code.parse()?);
                }
                ClientDetails::person(person)
            }
        };
        if let (Some(street), Some(city)) = (&client.street, &client.city) {
            details = details.with_address(Address::try_new(
                street,
                city,
                client.postcode.as_deref(),
                CountryCode::LV,
            )?);
        }
        if let Some(email) = &client.email {
            details = details.with_email(EmailAddress::try_new(email)?);
        }
        if let Some(phone) = &client.phone {
            details = details.with_phone(PhoneNumber::try_new(phone)?);
        }
        let purposes = client
            .consents
            .iter()
            .map(|purpose| match purpose.as_str() {
                "marketing_email" => Ok(Purpose::MarketingEmail),
                "phone_calls" => Ok(Purpose::PhoneCalls),
                "surveys" => Ok(Purpose::Surveys),
                "profiling" => Ok(Purpose::Profiling),
                other => Err(OfficeError::Input {
                    field: "consents",
                    message: format!(
                        "{other:?} is not one of marketing_email, phone_calls, surveys, profiling"
                    ),
                    latvian: format!(
                        "{other:?} nav neviens no marketing_email, phone_calls, surveys, profiling"
                    ),
                }),
            })
            .collect::<Result<Vec<_>, _>>()?;
        let id = ClientId::new(Uuid::from_u128(
            0x_c11e_0000 + self.counters.clients.saturating_add(1),
        ));
        if let Some((pinned, _)) = pinned
            && pinned != id.as_uuid()
        {
            return Err(OfficeError::Input {
                field: "id",
                message: format!(
                    "a redacted registration gave {pinned}, the journal's order gives {id}"
                ),
                latvian: format!("rediģētā reģistrācija deva {pinned}, žurnāla secība dod {id}"),
            });
        }
        let companies = &config()?.companies;
        // The registry checks everything before it registers: refused, it changed nothing.
        let registration = self.registry.register(id, details, at)?;
        let existing = matches!(registration, Registration::Existing { .. });
        let id = registration.id();
        if pinned.is_some() && existing {
            // Finding an existing client changed nothing.
            return Err(OfficeError::Input {
                field: "id",
                message: format!("a redacted registration of {id} found another client"),
                latvian: format!("rediģētā {id} reģistrācija atrada citu klientu"),
            });
        }
        if !existing {
            self.counters.clients = self.counters.clients.saturating_add(1);
            for purpose in purposes {
                self.registry
                    .grant_consent(id, Consent::new(purpose, LegalBasis::Consent, at))
                    .map_err(|error| OfficeError::internal("granting a consent")(error.into()))?;
            }
        }
        let check = match self.registry.get(id) {
            Some(client) if client.organisation().is_some() => {
                Some(verify(client, companies).map_err(|error| {
                    OfficeError::internal("checking the register")(error.into())
                })?)
            }
            _ => None,
        };
        Ok(Outcome::Client {
            id,
            existing,
            check,
        })
    }

    /// [`super::Operation::RecordNeed`]: the need is checked whole before the registry takes
    /// it.
    pub(super) fn record_need(
        &mut self,
        input: &NeedInput<'_>,
        at: DateTime<Utc>,
    ) -> Result<Outcome, OfficeError> {
        let client = self.client_id(input.client)?;
        let id = NeedId::new(Uuid::from_u128(
            0x_0ee0_0000 + self.counters.needs.saturating_add(1),
        ));
        let mut need = Need::try_new(id, client, input.category, at)?
            .with_quantity(Decimal::from(input.quantity))?;
        if let Some(max) = input.budget {
            need = need.with_budget(BudgetRange::try_new(None, Some(max))?);
        }
        if let Some(date) = input.needed_by {
            need = need.with_needed_by(date);
        }
        for feature in input.preferred {
            need = need.with_preferred_feature(feature)?;
        }
        // Every check is done: the registry takes the need whole or refuses it.
        self.registry.record_need(need)?;
        self.counters.needs = self.counters.needs.saturating_add(1);
        Ok(Outcome::Need { id })
    }

    /// [`super::Operation::EraseClient`]: one retention engine for the client register and
    /// the records (core's `RetentionFacts`, decision 0008). Every filed document that names the client holds the fields it carries
    /// until its case's retention ends: a complaint the name; a contract the name and the
    /// address; an invoice the name, the address and the e-mail address it was issued with
    /// (accounting and contract law: an issued document is kept as issued); a cash order the
    /// name and the personal code (MK 625 p. 3). Everything else is erased now.
    /// The retention end is the file plan's period counted from the close of the case's year
    /// (sources §5b); a permanent case holds until 2999-12-31. Each document's obligation is
    /// stated in core's model, scoped to the fields it holds, and `decide_part` answers for
    /// each field of the client: its reasons to keep become the registry's holds.
    pub(super) fn erase_client(
        &mut self,
        client: Uuid,
        at: DateTime<Utc>,
        today: NaiveDate,
        history: &dyn History,
    ) -> Result<Outcome, OfficeError> {
        let (id, _) = self.named_client(client)?;
        // Every filed document states its obligation in core's retention model, scoped to the
        // parts of the client it holds; the engine then answers field by field.
        let mut facts = RetentionFacts::new();
        for filed in history.client_documents(id)? {
            // What the document itself holds of the client, kept as issued: an invoice names
            // the buyer with an address and its e-mail address (the buyer's electronic
            // address); a contract its party with an address; a complaint its author.
            let fields: &[PersonalField] = match filed.kind {
                "invoice" => &[
                    PersonalField::Name,
                    PersonalField::Addresses,
                    PersonalField::Emails,
                ],
                "contract" => &[PersonalField::Name, PersonalField::Addresses],
                "cash_receipt_order" | "cash_disbursement_order" => {
                    &[PersonalField::Name, PersonalField::PersonalCode]
                }
                _ => &[PersonalField::Name],
            };
            let year = filed.date.year();
            let (title, period) = self
                .plans
                .get(&year)
                .and_then(|plan| plan.entry(&filed.case))
                .and_then(|entry| entry.case())
                .map(|case| (case.title().to_owned(), case.retention().clone()))
                .ok_or_else(|| OfficeError::Input {
                    field: "client",
                    message: format!("case {} of {year} is not in a loaded file plan", filed.case),
                    latvian: format!(
                        "{year}. gada lietas {} nav ielādētā lietu nomenklatūrā",
                        filed.case
                    ),
                })?;
            let closed = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(filed.date);
            let record = format!(
                "{} {}: {} ({})",
                filed.kind, filed.number, filed.case, title
            );
            let scope = RetentionScope::try_parts(fields.iter().map(|field| field.as_str()))?;
            facts.add_obligation(
                RetentionObligation::try_new(
                    period,
                    Some(closed),
                    CountingRule::default(),
                    "file plan",
                )?
                .to_core(&record)?
                .with_scope(scope),
            );
        }
        // One question per field of the client: may it be erased today, and if not, why and
        // until when. Each reason to keep becomes a hold on that field for the registry.
        let mut holds = Vec::new();
        for field in PersonalField::ALL {
            let decision = facts.decide_part(&field.record_part()?, today)?;
            for reason in decision.reasons() {
                let Some(obligation) = reason.obligation() else {
                    continue;
                };
                // Open-ended (a permanent case): held until the registry's far end.
                let until = reason
                    .kept_until()
                    .or(NaiveDate::from_ymd_opt(2999, 12, 31))
                    .unwrap_or(today);
                holds.push(RetentionHold::try_new(obligation.record(), until, [field])?);
            }
        }
        let report = self.registry.erase(id, &holds, today, at)?;
        Ok(Outcome::Erased(report))
    }

    /// The buyer of an invoice: a registered client with an address.
    pub(super) fn buyer(&self, client: Uuid) -> Result<(Party, String), OfficeError> {
        let record = self
            .registry
            .get(ClientId::new(client))
            .ok_or(OfficeError::UnknownClient { id: client })?;
        let name = record.display_name();
        let address = record
            .addresses()
            .first()
            .cloned()
            .ok_or(OfficeError::Input {
                field: "client",
                message: format!("{name} has no address to put on an invoice"),
                latvian: format!("{name} nav adreses, ko norādīt rēķinā"),
            })?;
        let mut party = match record.organisation() {
            Some(organisation) => {
                let mut party = Party::organisation(PartyName::try_new(&name)?, address);
                if let Some(number) = organisation.registration_number() {
                    party = party.try_with_registration_number(*number)?;
                }
                if let Some(number) = organisation.vat_number() {
                    party = party.try_with_vat_number(*number)?;
                }
                party
            }
            None => Party::person(PartyName::try_new(&name)?, address),
        };
        if let Some(email) = record.emails().first() {
            party = party.with_email(email.clone());
        }
        Ok((party, name))
    }
}
