//! Cash orders (*kases orderi*, KIO and KIzO) and the cash book (*kases grāmata*) they post
//! to, as Cabinet Regulation No. 625 (2021) requires.

use std::collections::HashSet;
use std::fmt;

use apkalpe_core::{
    CentsStyle, Currency, DocumentNumber, Language, Money, NumberSeries, Party, PersonalCode,
    RegistrationNumber, RestoreError, WordsOptions, amount_in_words,
};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::document::saved::{self, NumberRecord};
use crate::document::{DocumentKind, check_note};
use crate::error::{AccountingError, CashError, ValidationReport};
use crate::line::{MAX_TEXT_CHARS, check_text};

/// The cash transaction limit between a business and another party: law "Par nodokļiem un
/// nodevām" art. 30, more than EUR 7 200 may not be paid in cash (facts §10, C \[C4\]\[C5\]).
pub const CASH_TRANSACTION_LIMIT_EUR: Decimal = Decimal::from_parts(7200, 0, 0, false, 0);

/// Whether cash comes in (a receipt order, KIO) or goes out (a disbursement order, KIzO).
///
/// Saved as `"receipt"` or `"disbursement"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CashDirection {
    /// Cash received: *kases ieņēmumu orderis* (KIO).
    Receipt,
    /// Cash paid out: *kases izdevumu orderis* (KIzO).
    Disbursement,
}

impl CashDirection {
    /// Returns the document kind.
    pub const fn document_kind(self) -> DocumentKind {
        match self {
            CashDirection::Receipt => DocumentKind::CashReceiptOrder,
            CashDirection::Disbursement => DocumentKind::CashDisbursementOrder,
        }
    }

    const fn code(self) -> &'static str {
        match self {
            CashDirection::Receipt => "receipt",
            CashDirection::Disbursement => "disbursement",
        }
    }
}

/// Why a disbursement order names no payee (MK 625 p. 4: cash handed to a cash-in-transit
/// carrier, paid into a bank by the cashier, or exchanged for other denominations).
///
/// Saved as `"cash_in_transit"`, `"bank_deposit"` or `"change_of_denominations"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PayeeOmission {
    /// Handed to a cash-in-transit carrier (*inkasācija*).
    CashInTransit,
    /// Paid into the business's bank account by the cashier.
    BankDeposit,
    /// Exchanged for other denominations.
    ChangeOfDenominations,
}

/// The business that keeps the cash desk and makes out its cash orders (*uzņēmums*): its
/// name and registration number, or a self-employed person's name and taxpayer code (their
/// personal code).
///
/// # Legal basis
///
/// MK noteikumi Nr. 625 (2021) p. 3: a cash order names the business receiving or paying the
/// cash, by firm or name and registration number or taxpayer code, a self-employed person by
/// given name, surname and taxpayer code (facts §10, C \[C1\]\[C2\]).
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::CashBusiness;
/// use apkalpe_core::{Address, CountryCode, Party, PartyName};
///
/// let business = CashBusiness::organisation("SIA Apkalpe", "40003521600".parse()?)?;
/// assert_eq!(business.to_string(), "SIA Apkalpe, reģ. Nr. 40003521600");
///
/// // From the party that issues the invoices.
/// let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
/// let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga)
///     .try_with_registration_number("40003521600".parse()?)?;
/// assert_eq!(CashBusiness::try_from_party(&seller)?, business);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Saved form
///
/// `{"name", "registration_number"}` or `{"name", "taxpayer_code"}`; it deserialises through
/// the constructors (a name, exactly one of the two identifiers).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "CashBusinessRecord", into = "CashBusinessRecord")]
pub struct CashBusiness {
    name: String,
    identifier: BusinessIdentifier,
}

/// How a [`CashBusiness`] is identified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum BusinessIdentifier {
    Registration(RegistrationNumber),
    Taxpayer(PersonalCode),
}

/// The saved form of a [`CashBusiness`].
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CashBusinessRecord {
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    registration_number: Option<RegistrationNumber>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    taxpayer_code: Option<PersonalCode>,
}

impl TryFrom<CashBusinessRecord> for CashBusiness {
    type Error = RestoreError;

    fn try_from(record: CashBusinessRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "CashBusiness";
        let built = match (record.registration_number, record.taxpayer_code) {
            (Some(number), None) => CashBusiness::organisation(&record.name, number),
            (None, Some(code)) => CashBusiness::self_employed(&record.name, code),
            _ => {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    "registration_number",
                    "a business has a registration number or a taxpayer code, one of the two",
                ));
            }
        };
        built.map_err(|error| RestoreError::invalid(WHAT, "name", error))
    }
}

impl From<CashBusiness> for CashBusinessRecord {
    fn from(business: CashBusiness) -> Self {
        let (registration_number, taxpayer_code) = match business.identifier {
            BusinessIdentifier::Registration(number) => (Some(number), None),
            BusinessIdentifier::Taxpayer(code) => (None, Some(code)),
        };
        CashBusinessRecord {
            name: business.name,
            registration_number,
            taxpayer_code,
        }
    }
}

impl CashBusiness {
    /// Names a company or another registered organisation.
    ///
    /// # Errors
    ///
    /// [`AccountingError::Line`] for a blank name or one above 200 characters.
    ///
    /// # Examples
    ///
    /// See [`CashBusiness`].
    pub fn organisation(
        name: &str,
        registration_number: RegistrationNumber,
    ) -> Result<Self, AccountingError> {
        Ok(CashBusiness {
            name: check_text(name, "business name", MAX_TEXT_CHARS)?,
            identifier: BusinessIdentifier::Registration(registration_number),
        })
    }

    /// Names a self-employed person by given name, surname and taxpayer code.
    ///
    /// # Errors
    ///
    /// [`AccountingError::Line`] for a blank name or one above 200 characters.
    pub fn self_employed(name: &str, taxpayer_code: PersonalCode) -> Result<Self, AccountingError> {
        Ok(CashBusiness {
            name: check_text(name, "business name", MAX_TEXT_CHARS)?,
            identifier: BusinessIdentifier::Taxpayer(taxpayer_code),
        })
    }

    /// Takes the business from a party: an organisation by its registration number, a person
    /// by the personal code.
    ///
    /// # Errors
    ///
    /// [`CashError::BusinessIdentifier`] when the party has neither.
    ///
    /// # Examples
    ///
    /// See [`CashBusiness`].
    pub fn try_from_party(party: &Party) -> Result<Self, AccountingError> {
        let identifier = match (party.registration_number(), party.personal_code()) {
            (Some(number), _) => BusinessIdentifier::Registration(*number),
            (None, Some(code)) => BusinessIdentifier::Taxpayer(*code),
            (None, None) => return Err(CashError::BusinessIdentifier.into()),
        };
        Ok(CashBusiness {
            name: party.name().to_owned(),
            identifier,
        })
    }

    /// Returns the name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Returns the registration number, for an organisation.
    pub const fn registration_number(&self) -> Option<&RegistrationNumber> {
        match &self.identifier {
            BusinessIdentifier::Registration(number) => Some(number),
            BusinessIdentifier::Taxpayer(_) => None,
        }
    }

    /// Returns the taxpayer code, for a self-employed person.
    pub const fn taxpayer_code(&self) -> Option<&PersonalCode> {
        match &self.identifier {
            BusinessIdentifier::Taxpayer(code) => Some(code),
            BusinessIdentifier::Registration(_) => None,
        }
    }
}

impl fmt::Display for CashBusiness {
    /// Writes the business as a cash order names it: "SIA Apkalpe, reģ. Nr. 40003521600" or
    /// "Anna Bērziņa, nodokļu maksātāja kods 161175-19997".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.identifier {
            BusinessIdentifier::Registration(number) => {
                write!(f, "{}, reģ. Nr. {number}", self.name)
            }
            BusinessIdentifier::Taxpayer(code) => {
                write!(f, "{}, nodokļu maksātāja kods {code}", self.name)
            }
        }
    }
}

/// Who pays cash in or receives it: the payer of a KIO, the payee of a KIzO.
///
/// MK 625 p. 3: a natural person by given name, surname and, for a resident, personal code,
/// and, when acting for a company, that company's name and registration number; a business
/// by its name and registration number.
///
/// # Legal basis
///
/// facts §10 (C for the first items, L for the tail) \[C1\]\[C2\].
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::CashCounterparty;
///
/// let courier = CashCounterparty::person("Jānis Ozols", Some("161175-19997".parse()?))?
///     .try_on_behalf_of("SIA Kurjers", "40003584818".parse()?)?;
/// assert_eq!(courier.name(), Some("Jānis Ozols"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Saved form
///
/// Tagged by `kind`: `{"kind": "person", "name", "personal_code", "on_behalf_of": {"name",
/// "registration_number"}}` (absent parts `null`), `{"kind": "organisation", "name",
/// "registration_number"}`, `{"kind": "omitted", "<reason>": null}`. The variants' fields are
/// public, so any value of them can be built, and any deserialises (identifiers through their
/// own checks). Before issue 13 `on_behalf_of` was saved as a `[name, registration_number]`
/// pair; that form is still read.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum CashCounterparty {
    /// A natural person.
    Person {
        /// Given name and surname.
        name: String,
        /// Personal code of a resident; `None` for a non-resident.
        #[serde(default)]
        personal_code: Option<PersonalCode>,
        /// The company the person acts for: name and registration number.
        #[serde(default, with = "on_behalf_of")]
        on_behalf_of: Option<(String, RegistrationNumber)>,
    },
    /// A business.
    Organisation {
        /// Name.
        name: String,
        /// Registration number.
        registration_number: RegistrationNumber,
    },
    /// No payee, for the reasons MK 625 p. 4 allows (disbursements only).
    Omitted(PayeeOmission),
}

/// The saved form of [`CashCounterparty::Person`]'s `on_behalf_of`: an object with named
/// fields, or the positional pair written before issue 13.
mod on_behalf_of {
    use apkalpe_core::RegistrationNumber;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    /// The company a person acts for.
    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Company {
        name: String,
        registration_number: RegistrationNumber,
    }

    /// Either form.
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Saved {
        Named(Company),
        Pair(String, RegistrationNumber),
    }

    // Serde's `with` hands the field by reference.
    #[allow(clippy::ref_option)]
    pub(super) fn serialize<S: Serializer>(
        value: &Option<(String, RegistrationNumber)>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        value
            .as_ref()
            .map(|(name, registration_number)| Company {
                name: name.clone(),
                registration_number: *registration_number,
            })
            .serialize(serializer)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<(String, RegistrationNumber)>, D::Error> {
        Ok(
            Option::<Saved>::deserialize(deserializer)?.map(|saved| match saved {
                Saved::Named(company) => (company.name, company.registration_number),
                Saved::Pair(name, registration_number) => (name, registration_number),
            }),
        )
    }
}

impl CashCounterparty {
    /// Creates a natural person; the personal code is required for residents.
    ///
    /// # Errors
    ///
    /// [`AccountingError::Line`] for a blank name or one above 200 characters.
    pub fn person(
        name: &str,
        personal_code: Option<PersonalCode>,
    ) -> Result<Self, AccountingError> {
        Ok(CashCounterparty::Person {
            name: check_text(name, "name", MAX_TEXT_CHARS)?,
            personal_code,
            on_behalf_of: None,
        })
    }

    /// Creates a business.
    ///
    /// # Errors
    ///
    /// [`AccountingError::Line`] for a blank name or one above 200 characters.
    pub fn organisation(
        name: &str,
        registration_number: RegistrationNumber,
    ) -> Result<Self, AccountingError> {
        Ok(CashCounterparty::Organisation {
            name: check_text(name, "name", MAX_TEXT_CHARS)?,
            registration_number,
        })
    }

    /// Records the company a person acts for; other counterparties are returned unchanged.
    ///
    /// # Errors
    ///
    /// [`AccountingError::Line`] for a blank company name.
    pub fn try_on_behalf_of(
        self,
        company: &str,
        registration_number: RegistrationNumber,
    ) -> Result<Self, AccountingError> {
        let company = check_text(company, "company name", MAX_TEXT_CHARS)?;
        Ok(match self {
            CashCounterparty::Person {
                name,
                personal_code,
                ..
            } => CashCounterparty::Person {
                name,
                personal_code,
                on_behalf_of: Some((company, registration_number)),
            },
            other => other,
        })
    }

    /// Returns the name, if any.
    pub fn name(&self) -> Option<&str> {
        match self {
            CashCounterparty::Person { name, .. } | CashCounterparty::Organisation { name, .. } => {
                Some(name)
            }
            CashCounterparty::Omitted(_) => None,
        }
    }
}

/// A cash order being prepared: the business, direction, counterparty, basis, amount, the
/// cashier.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::{CashBook, CashBusiness, CashCounterparty, CashDirection, DraftCashOrder};
/// use apkalpe_core::{Currency, Money, NumberSeries, YearReset};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let business = CashBusiness::organisation("SIA Apkalpe", "40003521600".parse()?)?;
/// let mut kio = NumberSeries::try_new("kio", "KIO{yy}-{seq:4}".parse()?, YearReset::EachYear)?;
/// let mut book = CashBook::try_new(business.clone(), Money::new(dec!(100.00), Currency::EUR), "kio", "kizo")?;
/// let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("bad date")?;
/// let order = DraftCashOrder::try_new(
///     business,
///     CashDirection::Receipt,
///     CashCounterparty::person("Anna Bērziņa", Some("161175-19997".parse()?))?,
///     "Apmaksa par rēķinu INV2026-00001",
///     Money::new(dec!(36.30), Currency::EUR),
///     "Līga Kasiere",
/// )?
/// .issue(&mut kio, day)?;
/// assert_eq!(order.number().as_str(), "KIO26-0001");
/// book.post(&order)?;
/// assert_eq!(book.balance().to_string(), "136.30 EUR");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Saved form
///
/// `{"business", "direction", "counterparty", "basis", "amount", "cashier"}`, the business as
/// [`CashBusiness`] saves it; it deserialises through the checks of
/// [`DraftCashOrder::try_new`] (business, basis and cashier). An order saved before issue 15
/// has no business and is refused with `restore.missing` (field `business`): MK 625 p. 3
/// makes it a requisite.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "DraftCashOrderRecord")]
pub struct DraftCashOrder {
    business: CashBusiness,
    direction: CashDirection,
    counterparty: CashCounterparty,
    basis: String,
    amount: Money,
    cashier: String,
}

/// The saved form of a [`DraftCashOrder`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DraftCashOrderRecord {
    #[serde(default)]
    business: Option<CashBusiness>,
    direction: CashDirection,
    counterparty: CashCounterparty,
    basis: String,
    amount: Money,
    cashier: String,
}

impl TryFrom<DraftCashOrderRecord> for DraftCashOrder {
    type Error = RestoreError;

    fn try_from(record: DraftCashOrderRecord) -> Result<Self, Self::Error> {
        DraftCashOrder::restore(record, "DraftCashOrder")
    }
}

impl DraftCashOrder {
    /// Restores a saved draft for `what` (the value holding it).
    fn restore(record: DraftCashOrderRecord, what: &'static str) -> Result<Self, RestoreError> {
        let business = record.business.ok_or_else(|| {
            RestoreError::missing(
                what,
                "business",
                "the business's name and registration number are requisites of a cash order (MK 625 p. 3)",
            )
        })?;
        Ok(DraftCashOrder {
            business,
            direction: record.direction,
            counterparty: record.counterparty,
            basis: saved::note(what, "basis", &record.basis, "basis")?,
            amount: record.amount,
            cashier: saved::text(what, "cashier", &record.cashier, "cashier")?,
        })
    }
}

impl DraftCashOrder {
    /// Creates a draft order of `business`.
    ///
    /// # Errors
    ///
    /// [`AccountingError::Line`] for a blank basis (above 1 000 characters) or cashier name
    /// (above 200).
    pub fn try_new(
        business: CashBusiness,
        direction: CashDirection,
        counterparty: CashCounterparty,
        basis: &str,
        amount: Money,
        cashier: &str,
    ) -> Result<Self, AccountingError> {
        Ok(DraftCashOrder {
            business,
            direction,
            counterparty,
            basis: check_note(basis, "basis")?,
            amount,
            cashier: check_text(cashier, "cashier", MAX_TEXT_CHARS)?,
        })
    }

    /// Checks the order: an amount above zero in whole cents; a payee may be omitted only on
    /// a disbursement; a resident person needs a personal code (`cash.personal_code_missing`
    /// is reported when a person has none: pass a code, or record the person as
    /// non-resident by accepting the finding in your own flow).
    pub fn validate(&self) -> ValidationReport {
        let mut report = ValidationReport::default();
        if !self.amount.is_positive() || !self.amount.is_in_minor_units() {
            report.add(
                "amount",
                "cash.amount",
                format!(
                    "amount must be above zero in whole cents, found {}",
                    self.amount
                ),
            );
        }
        match &self.counterparty {
            CashCounterparty::Omitted(_) if self.direction == CashDirection::Receipt => report.add(
                "counterparty",
                "cash.payer_missing",
                "a receipt order names its payer",
            ),
            CashCounterparty::Person {
                personal_code: None,
                ..
            } => report.add(
                "counterparty.personal_code",
                "cash.personal_code_missing",
                "a resident's personal code is a requisite of a cash order",
            ),
            _ => {}
        }
        report
    }

    /// Issues the order with the next number of its series (KIO and KIzO use separate
    /// series; the [`CashBook`] checks which).
    ///
    /// # Errors
    ///
    /// [`AccountingError::Invalid`] with the findings of [`DraftCashOrder::validate`];
    /// [`AccountingError::NumberSeries`] when the series refuses the date.
    pub fn issue(
        self,
        series: &mut NumberSeries,
        date: NaiveDate,
    ) -> Result<CashOrder, AccountingError> {
        self.validate().into_result()?;
        let number = series.issue(date)?;
        Ok(CashOrder {
            number,
            date,
            draft: self,
        })
    }

    /// Issues the order for a non-resident person, for whom no personal code exists: the
    /// `cash.personal_code_missing` finding is not raised.
    ///
    /// # Errors
    ///
    /// As [`DraftCashOrder::issue`].
    pub fn issue_for_non_resident(
        self,
        series: &mut NumberSeries,
        date: NaiveDate,
    ) -> Result<CashOrder, AccountingError> {
        self.validate_for_non_resident().into_result()?;
        let number = series.issue(date)?;
        Ok(CashOrder {
            number,
            date,
            draft: self,
        })
    }

    /// The findings of [`DraftCashOrder::validate`] but `cash.personal_code_missing`: what
    /// every issued order passed.
    fn validate_for_non_resident(&self) -> ValidationReport {
        let mut report = ValidationReport::default();
        for finding in self.validate().findings() {
            if finding.code() != "cash.personal_code_missing" {
                report.push(finding.clone());
            }
        }
        report
    }
}

/// An issued cash order (KIO or KIzO): numbered, dated, signed by the cashier only.
///
/// # Legal basis
///
/// MK noteikumi Nr. 625 (2021) p. 3–4: name, number, date, the business, the payer or payee,
/// basis, amount; only the cashier signs; an electronic order shows the amount in figures
/// only, a paper one traditionally in words too (facts §10) \[C1\]\[C2\]\[C3\].
///
/// Serves: T4.6, S27.
///
/// # Saved form
///
/// `{"number", "date", "draft"}` with the [`DraftCashOrder`] saved form. It deserialises
/// through what issuing guaranteed: a well-formed number of the order date's year and a draft
/// that passes [`DraftCashOrder::validate`] (a person without a personal code is accepted, as
/// [`DraftCashOrder::issue_for_non_resident`] issues one).
///
/// # Examples
///
/// See [`DraftCashOrder`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "CashOrderRecord")]
pub struct CashOrder {
    number: DocumentNumber,
    date: NaiveDate,
    draft: DraftCashOrder,
}

/// The saved form of a [`CashOrder`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CashOrderRecord {
    number: NumberRecord,
    date: NaiveDate,
    draft: DraftCashOrderRecord,
}

impl TryFrom<CashOrderRecord> for CashOrder {
    type Error = RestoreError;

    fn try_from(record: CashOrderRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "CashOrder";
        let number = saved::number_dated(record.number, WHAT, "number", record.date, "date")?;
        let draft =
            DraftCashOrder::restore(record.draft, WHAT).map_err(|error| error.within("draft"))?;
        saved::requisites(WHAT, "draft", draft.validate_for_non_resident())?;
        Ok(CashOrder {
            number,
            date: record.date,
            draft,
        })
    }
}

impl CashOrder {
    /// Returns the number.
    pub const fn number(&self) -> &DocumentNumber {
        &self.number
    }

    /// Returns the date.
    pub const fn date(&self) -> NaiveDate {
        self.date
    }

    /// Returns the business whose cash it is.
    pub const fn business(&self) -> &CashBusiness {
        &self.draft.business
    }

    /// Returns the direction.
    pub const fn direction(&self) -> CashDirection {
        self.draft.direction
    }

    /// Returns the payer or payee.
    pub const fn counterparty(&self) -> &CashCounterparty {
        &self.draft.counterparty
    }

    /// Returns the basis (purpose).
    pub fn basis(&self) -> &str {
        &self.draft.basis
    }

    /// Returns the amount (positive).
    pub const fn amount(&self) -> Money {
        self.draft.amount
    }

    /// Returns the cashier, the one person who signs.
    pub fn cashier(&self) -> &str {
        &self.draft.cashier
    }

    /// Tells whether the amount is above the EUR 7 200 cash transaction limit
    /// ([`CASH_TRANSACTION_LIMIT_EUR`]); the limit applies to transactions with another
    /// party, not to cash taken to the bank, so it is a signal, not a refusal.
    pub fn exceeds_cash_limit(&self) -> bool {
        self.draft.amount.currency() == Currency::EUR
            && self.draft.amount.amount() > CASH_TRANSACTION_LIMIT_EUR
    }

    /// Returns the amount in words, for a paper order.
    ///
    /// # Errors
    ///
    /// [`AccountingError::Words`] for a currency without words.
    pub fn amount_in_words(&self, language: Language) -> Result<String, AccountingError> {
        Ok(amount_in_words(
            &self.draft.amount,
            language,
            &WordsOptions::default().with_cents(CentsStyle::Figures),
        )?)
    }
}

/// One line of the cash book: an order posted, and the balance after it.
///
/// # Saved form
///
/// `{"date", "number", "direction", "counterparty", "basis", "amount", "balance"}`. On its
/// own it deserialises through the checks an issued order passed (a number, a basis, an
/// amount above zero in whole cents) and a balance not below zero in the amount's currency;
/// inside a [`CashBook`] the book checks the running balance too.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "CashBookEntryRecord")]
pub struct CashBookEntry {
    date: NaiveDate,
    number: String,
    direction: CashDirection,
    counterparty: Option<String>,
    basis: String,
    amount: Money,
    balance: Money,
}

/// The saved form of a [`CashBookEntry`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CashBookEntryRecord {
    date: NaiveDate,
    number: String,
    direction: CashDirection,
    counterparty: Option<String>,
    basis: String,
    amount: Money,
    balance: Money,
}

impl TryFrom<CashBookEntryRecord> for CashBookEntry {
    type Error = RestoreError;

    fn try_from(record: CashBookEntryRecord) -> Result<Self, Self::Error> {
        CashBookEntry::restore(record, "CashBookEntry")
    }
}

impl CashBookEntry {
    /// Restores a saved entry for `what` (the value holding it).
    fn restore(record: CashBookEntryRecord, what: &'static str) -> Result<Self, RestoreError> {
        let number = saved::text(what, "number", &record.number, "number")?;
        if number != record.number {
            return Err(RestoreError::inconsistent(
                what,
                "number",
                "a number has no surrounding whitespace",
            ));
        }
        let basis = saved::note(what, "basis", &record.basis, "basis")?;
        if !record.amount.is_positive() || !record.amount.is_in_minor_units() {
            return Err(RestoreError::inconsistent(
                what,
                "amount",
                format_args!(
                    "an order's amount is above zero in whole cents, found {}",
                    record.amount
                ),
            ));
        }
        if record.balance.currency() != record.amount.currency() {
            return Err(RestoreError::inconsistent(
                what,
                "balance",
                format_args!(
                    "in {}, the amount in {}",
                    record.balance.currency(),
                    record.amount.currency()
                ),
            ));
        }
        if record.balance.is_negative() {
            return Err(RestoreError::inconsistent(
                what,
                "balance",
                format_args!("{} is below zero", record.balance),
            ));
        }
        Ok(CashBookEntry {
            date: record.date,
            number: record.number,
            direction: record.direction,
            counterparty: record.counterparty,
            basis,
            amount: record.amount,
            balance: record.balance,
        })
    }
}

impl CashBookEntry {
    /// Returns the order date.
    pub const fn date(&self) -> NaiveDate {
        self.date
    }

    /// Returns the order number.
    pub fn number(&self) -> &str {
        &self.number
    }

    /// Returns the direction.
    pub const fn direction(&self) -> CashDirection {
        self.direction
    }

    /// Returns the counterparty's name, if any.
    pub fn counterparty(&self) -> Option<&str> {
        self.counterparty.as_deref()
    }

    /// Returns the basis.
    pub fn basis(&self) -> &str {
        &self.basis
    }

    /// Returns the amount (positive).
    pub const fn amount(&self) -> Money {
        self.amount
    }

    /// Returns the balance after the entry.
    pub const fn balance(&self) -> Money {
        self.balance
    }
}

/// The cash book (*kases grāmata*) of one business: every KIO and KIzO posted in date order,
/// with the running balance, which never goes below zero.
///
/// KIO and KIzO are numbered in two separate series (MK 625; facts §10 \[C3\]); the book
/// knows both ids and refuses an order from the wrong one, or of another business.
///
/// Serves: T4.6, T4.7, S27.
///
/// # Saved form
///
/// `{"business", "opening_balance", "receipt_series", "disbursement_series", "entries",
/// "balance"}` with the [`CashBusiness`] and [`CashBookEntry`] saved forms (a book saved
/// before issue 15 has no business and is refused with `restore.missing`). It deserialises
/// through the checks of
/// [`CashBook::try_new`] and [`CashBook::post`], replayed entry by entry: two different
/// series; each entry in the book's currency, dated no earlier than the one before, with a
/// number not posted before, and a balance that is the previous balance plus a receipt or
/// minus a disbursement and never below zero; the book's balance is the last entry's (the
/// opening balance without entries). `restore.inconsistent` or `restore.invalid` (with the
/// cash error as cause) names the entry's field, e.g. `entries[3].balance`.
///
/// An entry keeps its order's number as text, so which series an entry's number came from
/// is checked when it is posted, not on restore. The book does not require numbers without
/// gaps: an order refused by [`CashBook::post`] keeps its number; the batch completeness
/// check ([`AccountingBatch::check`](crate::AccountingBatch::check)) reports gaps.
///
/// ```
/// use apkalpe_accounting::{CashBook, CashBusiness, CashCounterparty, CashDirection, DraftCashOrder, PayeeOmission};
/// use apkalpe_core::{Currency, Money, NumberSeries, YearReset};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let business = CashBusiness::organisation("SIA Apkalpe", "40003521600".parse()?)?;
/// let mut kizo = NumberSeries::try_new("kizo", "KIZO{yy}-{seq:4}".parse()?, YearReset::EachYear)?;
/// let mut book = CashBook::try_new(business.clone(), Money::new(dec!(100.00), Currency::EUR), "kio", "kizo")?;
/// let deposit = DraftCashOrder::try_new(
///     business,
///     CashDirection::Disbursement,
///     CashCounterparty::Omitted(PayeeOmission::BankDeposit),
///     "Iemaksa bankā",
///     Money::new(dec!(60.00), Currency::EUR),
///     "Līga Kasiere",
/// )?
/// .issue(&mut kizo, NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("bad date")?)?;
/// book.post(&deposit)?;
///
/// let json = serde_json::to_string(&book)?;
/// let mut restored: CashBook = serde_json::from_str(&json)?;
/// assert_eq!(restored, book);
/// // The restored book still knows what was posted.
/// assert_eq!(restored.post(&deposit).unwrap_err().code(), "cash.already_posted");
///
/// let edited = json.replace(r#""balance":{"amount":"40.00""#, r#""balance":{"amount":"140.00""#);
/// let error = serde_json::from_str::<CashBook>(&edited).unwrap_err().to_string();
/// assert!(error.starts_with("restore.inconsistent: cannot restore CashBook: entries[0].balance:"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Examples
///
/// See [`DraftCashOrder`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "CashBookRecord")]
pub struct CashBook {
    business: CashBusiness,
    opening_balance: Money,
    receipt_series: String,
    disbursement_series: String,
    entries: Vec<CashBookEntry>,
    balance: Money,
    /// The numbers posted, for the duplicate check; rebuilt on restore, never saved.
    #[serde(skip)]
    posted: HashSet<String>,
}

/// The saved form of a [`CashBook`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CashBookRecord {
    #[serde(default)]
    business: Option<CashBusiness>,
    opening_balance: Money,
    receipt_series: String,
    disbursement_series: String,
    entries: Vec<CashBookEntryRecord>,
    balance: Money,
}

impl TryFrom<CashBookRecord> for CashBook {
    type Error = RestoreError;

    fn try_from(record: CashBookRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "CashBook";
        let business = record.business.ok_or_else(|| {
            RestoreError::missing(
                WHAT,
                "business",
                "a cash book is the book of a business, named with its registration number (MK 625)",
            )
        })?;
        let mut book = CashBook::try_new(
            business,
            record.opening_balance,
            &record.receipt_series,
            &record.disbursement_series,
        )
        .map_err(|error| RestoreError::invalid(WHAT, "disbursement_series", error))?;
        book.entries.reserve(record.entries.len());
        book.posted.reserve(record.entries.len());
        for (index, entry) in record.entries.into_iter().enumerate() {
            let at = |field: &str| format!("entries[{index}].{field}");
            let entry = CashBookEntry::restore(entry, WHAT)
                .map_err(|error| error.within(format_args!("entries[{index}]")))?;
            let balance = book
                .balance_after(entry.date, &entry.number, entry.direction, entry.amount)
                .map_err(|error| match error {
                    AccountingError::Cash(CashError::AlreadyPosted { .. }) => {
                        RestoreError::duplicate(WHAT, at("number"), &entry.number)
                    }
                    AccountingError::Cash(CashError::OutOfOrder { .. }) => {
                        RestoreError::invalid(WHAT, at("date"), error)
                    }
                    AccountingError::Cash(CashError::NegativeBalance { .. }) => {
                        RestoreError::invalid(WHAT, at("balance"), error)
                    }
                    other => RestoreError::invalid(WHAT, at("amount"), other),
                })?;
            if balance != entry.balance {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    at("balance"),
                    format_args!(
                        "saved {}, the previous balance and the amount give {balance}",
                        entry.balance
                    ),
                ));
            }
            book.push(entry);
        }
        if record.balance != book.balance {
            return Err(RestoreError::inconsistent(
                WHAT,
                "balance",
                format_args!(
                    "saved {}, the entries give {}",
                    record.balance, book.balance
                ),
            ));
        }
        Ok(book)
    }
}

impl CashBook {
    /// Opens the cash book of a business with an opening balance and the ids of the KIO and
    /// KIzO series.
    ///
    /// # Errors
    ///
    /// [`CashError::SharedSeries`] when both ids are the same.
    pub fn try_new(
        business: CashBusiness,
        opening_balance: Money,
        receipt_series: &str,
        disbursement_series: &str,
    ) -> Result<Self, CashError> {
        if receipt_series == disbursement_series {
            return Err(CashError::SharedSeries {
                series: receipt_series.to_owned(),
            });
        }
        Ok(CashBook {
            business,
            opening_balance,
            receipt_series: receipt_series.to_owned(),
            disbursement_series: disbursement_series.to_owned(),
            entries: Vec::new(),
            balance: opening_balance,
            posted: HashSet::new(),
        })
    }

    /// Posts an order. A refused order leaves the book as it was.
    ///
    /// # Errors
    ///
    /// - [`CashError::OtherBusiness`] for an order of another business;
    /// - [`CashError::WrongSeries`] for an order numbered in the other direction's series;
    /// - [`CashError::Currency`] for an order in another currency;
    /// - [`CashError::AlreadyPosted`] for an order posted before;
    /// - [`CashError::OutOfOrder`] for an order dated before the last entry;
    /// - [`CashError::NegativeBalance`] when a disbursement exceeds the cash in the desk.
    pub fn post(&mut self, order: &CashOrder) -> Result<&CashBookEntry, AccountingError> {
        if order.business() != &self.business {
            return Err(CashError::OtherBusiness {
                number: order.number().to_string(),
                business: order.business().name().to_owned(),
            }
            .into());
        }
        let expected = match order.direction() {
            CashDirection::Receipt => &self.receipt_series,
            CashDirection::Disbursement => &self.disbursement_series,
        };
        if order.number().series_id() != expected {
            return Err(CashError::WrongSeries {
                direction: order.direction().code(),
                expected: expected.clone(),
                found: order.number().series_id().to_owned(),
            }
            .into());
        }
        let balance = self.balance_after(
            order.date(),
            order.number().as_str(),
            order.direction(),
            order.amount(),
        )?;
        self.push(CashBookEntry {
            date: order.date(),
            number: order.number().to_string(),
            direction: order.direction(),
            counterparty: order.counterparty().name().map(str::to_owned),
            basis: order.basis().to_owned(),
            amount: order.amount(),
            balance,
        });
        self.entries.last().ok_or(AccountingError::Internal {
            code: "cash.entry_missing",
        })
    }

    /// Checks an order against the book as posting does, without changing it, and returns
    /// the balance after it.
    fn balance_after(
        &self,
        date: NaiveDate,
        number: &str,
        direction: CashDirection,
        amount: Money,
    ) -> Result<Money, AccountingError> {
        if amount.currency() != self.balance.currency() {
            return Err(CashError::Currency {
                expected: self.balance.currency().code(),
                found: amount.currency().code(),
            }
            .into());
        }
        if self.posted.contains(number) {
            return Err(CashError::AlreadyPosted {
                number: number.to_owned(),
            }
            .into());
        }
        if let Some(last) = self.entries.last()
            && date < last.date
        {
            return Err(CashError::OutOfOrder {
                date,
                last: last.date,
            }
            .into());
        }
        let balance = match direction {
            CashDirection::Receipt => self.balance.checked_add(amount)?,
            CashDirection::Disbursement => self.balance.checked_sub(amount)?,
        };
        if balance.is_negative() {
            return Err(CashError::NegativeBalance {
                date,
                amount: amount.amount(),
                balance: balance.amount(),
            }
            .into());
        }
        Ok(balance)
    }

    /// Appends an entry [`CashBook::balance_after`] accepted.
    fn push(&mut self, entry: CashBookEntry) {
        self.balance = entry.balance;
        self.posted.insert(entry.number.clone());
        self.entries.push(entry);
    }

    /// Returns the business whose cash book it is.
    pub const fn business(&self) -> &CashBusiness {
        &self.business
    }

    /// Returns the opening balance.
    pub const fn opening_balance(&self) -> Money {
        self.opening_balance
    }

    /// Returns the current balance.
    pub const fn balance(&self) -> Money {
        self.balance
    }

    /// Returns the entries in posting order.
    pub fn entries(&self) -> &[CashBookEntry] {
        &self.entries
    }

    /// Returns the id of the KIO series.
    pub fn receipt_series(&self) -> &str {
        &self.receipt_series
    }

    /// Returns the id of the KIzO series.
    pub fn disbursement_series(&self) -> &str {
        &self.disbursement_series
    }
}
