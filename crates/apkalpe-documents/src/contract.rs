//! Contracts (*līgumi*): parties, subject, price, term, signatories, validity and renewal,
//! and the withdrawal deadline of a distance or off-premises contract.

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use apkalpe_core::{Calendar, CalendarError, Money, Party};
use chrono::{Months, NaiveDate};

use crate::consumer::{
    WithdrawalException, WithdrawalInformation, WithdrawalOutcome, WithdrawalStart,
    withdrawal_deadline,
};
#[cfg(feature = "serde")]
use crate::text::check_saved;
use crate::text::{Lines, TextProblem, clean};

/// The term of a contract.
///
/// # Examples
///
/// ```
/// # use apkalpe_core::{Address, CountryCode, Currency, Money, Party, PartyName};
/// # use apkalpe_documents::*;
/// # use chrono::NaiveDate;
/// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
/// # let trader = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone());
/// # let client = Party::person(PartyName::try_new("Anna Kalniņa")?, riga);
/// # let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// # let contract = Contract::try_new(
/// #     "L-2026/12",
/// #     vec![trader.clone(), client.clone()],
/// #     "Interneta pieslēguma pakalpojums",
/// #     Money::parse("19,99", Currency::EUR)?,
/// #     ContractTerm::Fixed { from: day(2026, 3, 2)?, until: day(2027, 3, 1)? },
/// #     vec![Signatory::try_new(0, "Jānis Ozols", "valdes loceklis")?, Signatory::try_new(1, "Anna Kalniņa", "patērētāja")?],
/// #     day(2026, 3, 2)?,
/// #     Renewal::Automatic { months: 12, notice_days: 30 },
/// #     SaleChannel::Distance,
/// # )?;
/// # let _ = (&contract,);
/// assert_eq!(contract.term(), ContractTerm::Fixed { from: day(2026, 3, 2)?, until: day(2027, 3, 1)? });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "term", rename_all = "snake_case"))]
pub enum ContractTerm {
    /// Valid from one date to another, both included.
    Fixed {
        /// The first day.
        from: NaiveDate,
        /// The last day.
        until: NaiveDate,
    },
    /// Valid from a date until terminated.
    Indefinite {
        /// The first day.
        from: NaiveDate,
    },
}

/// Whether a fixed-term contract renews itself.
///
/// # Examples
///
/// ```
/// # use apkalpe_core::{Address, CountryCode, Currency, Money, Party, PartyName};
/// # use apkalpe_documents::*;
/// # use chrono::NaiveDate;
/// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
/// # let trader = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone());
/// # let client = Party::person(PartyName::try_new("Anna Kalniņa")?, riga);
/// # let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// # let contract = Contract::try_new(
/// #     "L-2026/12",
/// #     vec![trader.clone(), client.clone()],
/// #     "Interneta pieslēguma pakalpojums",
/// #     Money::parse("19,99", Currency::EUR)?,
/// #     ContractTerm::Fixed { from: day(2026, 3, 2)?, until: day(2027, 3, 1)? },
/// #     vec![Signatory::try_new(0, "Jānis Ozols", "valdes loceklis")?, Signatory::try_new(1, "Anna Kalniņa", "patērētāja")?],
/// #     day(2026, 3, 2)?,
/// #     Renewal::Automatic { months: 12, notice_days: 30 },
/// #     SaleChannel::Distance,
/// # )?;
/// # let _ = (&contract,);
/// assert_eq!(contract.renewal(), Renewal::Automatic { months: 12, notice_days: 30 });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "renewal", rename_all = "snake_case"))]
pub enum Renewal {
    /// It ends at the end of the term.
    None,
    /// It renews for `months` at a time unless terminated `notice_days` before an end.
    Automatic {
        /// Length of each renewal, in months (at least 1).
        months: u32,
        /// Notice before an end, in calendar days.
        notice_days: u32,
    },
}

/// Where the contract was concluded: this decides the consumer's withdrawal right.
///
/// # Examples
///
/// ```
/// # use apkalpe_core::{Address, CountryCode, Currency, Money, Party, PartyName};
/// # use apkalpe_documents::*;
/// # use chrono::NaiveDate;
/// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
/// # let trader = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone());
/// # let client = Party::person(PartyName::try_new("Anna Kalniņa")?, riga);
/// # let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// # let contract = Contract::try_new(
/// #     "L-2026/12",
/// #     vec![trader.clone(), client.clone()],
/// #     "Interneta pieslēguma pakalpojums",
/// #     Money::parse("19,99", Currency::EUR)?,
/// #     ContractTerm::Fixed { from: day(2026, 3, 2)?, until: day(2027, 3, 1)? },
/// #     vec![Signatory::try_new(0, "Jānis Ozols", "valdes loceklis")?, Signatory::try_new(1, "Anna Kalniņa", "patērētāja")?],
/// #     day(2026, 3, 2)?,
/// #     Renewal::Automatic { months: 12, notice_days: 30 },
/// #     SaleChannel::Distance,
/// # )?;
/// # let _ = (&contract,);
/// assert_eq!(contract.channel(), SaleChannel::Distance);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum SaleChannel {
    /// On the trader's premises: no statutory withdrawal right.
    OnPremises,
    /// At a distance (online, phone): 14-day withdrawal.
    Distance,
    /// Off the trader's premises: 14-day withdrawal.
    OffPremises,
}

/// A person signing for a party.
///
/// Saved as `{"party": 0, "name": "…", "position": "…"}`; deserialising re-runs the text
/// checks of [`Signatory::try_new`] (the party is checked by the [`Contract`]) and refuses a
/// failing value with a [`RestoreError`].
///
/// # Name
///
/// `apkalpe-accounting` has a `Signatory` too (who signs a services act); the
/// [`prelude`](crate::prelude) exports this one as `ContractSignatory`.
///
/// # Examples
///
/// ```
/// # use apkalpe_core::{Address, CountryCode, Currency, Money, Party, PartyName};
/// # use apkalpe_documents::*;
/// # use chrono::NaiveDate;
/// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
/// # let trader = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone());
/// # let client = Party::person(PartyName::try_new("Anna Kalniņa")?, riga);
/// # let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// # let contract = Contract::try_new(
/// #     "L-2026/12",
/// #     vec![trader.clone(), client.clone()],
/// #     "Interneta pieslēguma pakalpojums",
/// #     Money::parse("19,99", Currency::EUR)?,
/// #     ContractTerm::Fixed { from: day(2026, 3, 2)?, until: day(2027, 3, 1)? },
/// #     vec![Signatory::try_new(0, "Jānis Ozols", "valdes loceklis")?, Signatory::try_new(1, "Anna Kalniņa", "patērētāja")?],
/// #     day(2026, 3, 2)?,
/// #     Renewal::Automatic { months: 12, notice_days: 30 },
/// #     SaleChannel::Distance,
/// # )?;
/// # let _ = (&contract,);
/// let signatory = Signatory::try_new(0, "Jānis Ozols", "valdes loceklis")?;
/// assert_eq!((signatory.party(), signatory.name()), (0, "Jānis Ozols"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "SignatoryRecord"))]
pub struct Signatory {
    party: usize,
    name: String,
    position: String,
}

/// The saved form of a [`Signatory`], read before its checks.
#[cfg(feature = "serde")]
#[derive(Debug, Clone, serde::Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct SignatoryRecord {
    party: usize,
    name: String,
    position: String,
}

#[cfg(feature = "serde")]
impl TryFrom<SignatoryRecord> for Signatory {
    type Error = RestoreError;

    fn try_from(record: SignatoryRecord) -> Result<Self, Self::Error> {
        check_saved("Signatory", "name", &record.name, |v| {
            text("signatory name", v, 200)
        })?;
        check_saved("Signatory", "position", &record.position, |v| {
            text("signatory position", v, 200)
        })?;
        Ok(Signatory {
            party: record.party,
            name: record.name,
            position: record.position,
        })
    }
}

impl Signatory {
    /// Creates a signatory for the party at position `party` (from 0) of the contract's
    /// parties, with name and position (1 to 200 characters each).
    ///
    /// # Errors
    ///
    /// [`ContractError::Text`] for a blank or too long name or position.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, Party, PartyName};
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let trader = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone());
    /// # let client = Party::person(PartyName::try_new("Anna Kalniņa")?, riga);
    /// # let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let contract = Contract::try_new(
    /// #     "L-2026/12",
    /// #     vec![trader.clone(), client.clone()],
    /// #     "Interneta pieslēguma pakalpojums",
    /// #     Money::parse("19,99", Currency::EUR)?,
    /// #     ContractTerm::Fixed { from: day(2026, 3, 2)?, until: day(2027, 3, 1)? },
    /// #     vec![Signatory::try_new(0, "Jānis Ozols", "valdes loceklis")?, Signatory::try_new(1, "Anna Kalniņa", "patērētāja")?],
    /// #     day(2026, 3, 2)?,
    /// #     Renewal::Automatic { months: 12, notice_days: 30 },
    /// #     SaleChannel::Distance,
    /// # )?;
    /// # let _ = (&contract,);
    /// assert_eq!(Signatory::try_new(0, " ", "valdes loceklis").unwrap_err().code(), "contract.blank");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_new(party: usize, name: &str, position: &str) -> Result<Self, ContractError> {
        Ok(Signatory {
            party,
            name: text("signatory name", name, 200)?,
            position: text("signatory position", position, 200)?,
        })
    }

    /// Returns the party's position in the contract.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, Party, PartyName};
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let trader = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone());
    /// # let client = Party::person(PartyName::try_new("Anna Kalniņa")?, riga);
    /// # let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let contract = Contract::try_new(
    /// #     "L-2026/12",
    /// #     vec![trader.clone(), client.clone()],
    /// #     "Interneta pieslēguma pakalpojums",
    /// #     Money::parse("19,99", Currency::EUR)?,
    /// #     ContractTerm::Fixed { from: day(2026, 3, 2)?, until: day(2027, 3, 1)? },
    /// #     vec![Signatory::try_new(0, "Jānis Ozols", "valdes loceklis")?, Signatory::try_new(1, "Anna Kalniņa", "patērētāja")?],
    /// #     day(2026, 3, 2)?,
    /// #     Renewal::Automatic { months: 12, notice_days: 30 },
    /// #     SaleChannel::Distance,
    /// # )?;
    /// # let _ = (&contract,);
    /// assert_eq!(contract.signatories()[1].party(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn party(&self) -> usize {
        self.party
    }

    /// Returns the name.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, Party, PartyName};
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let trader = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone());
    /// # let client = Party::person(PartyName::try_new("Anna Kalniņa")?, riga);
    /// # let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let contract = Contract::try_new(
    /// #     "L-2026/12",
    /// #     vec![trader.clone(), client.clone()],
    /// #     "Interneta pieslēguma pakalpojums",
    /// #     Money::parse("19,99", Currency::EUR)?,
    /// #     ContractTerm::Fixed { from: day(2026, 3, 2)?, until: day(2027, 3, 1)? },
    /// #     vec![Signatory::try_new(0, "Jānis Ozols", "valdes loceklis")?, Signatory::try_new(1, "Anna Kalniņa", "patērētāja")?],
    /// #     day(2026, 3, 2)?,
    /// #     Renewal::Automatic { months: 12, notice_days: 30 },
    /// #     SaleChannel::Distance,
    /// # )?;
    /// # let _ = (&contract,);
    /// assert_eq!(contract.signatories()[1].name(), "Anna Kalniņa");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Returns the position (*amats*).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, Party, PartyName};
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let trader = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone());
    /// # let client = Party::person(PartyName::try_new("Anna Kalniņa")?, riga);
    /// # let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let contract = Contract::try_new(
    /// #     "L-2026/12",
    /// #     vec![trader.clone(), client.clone()],
    /// #     "Interneta pieslēguma pakalpojums",
    /// #     Money::parse("19,99", Currency::EUR)?,
    /// #     ContractTerm::Fixed { from: day(2026, 3, 2)?, until: day(2027, 3, 1)? },
    /// #     vec![Signatory::try_new(0, "Jānis Ozols", "valdes loceklis")?, Signatory::try_new(1, "Anna Kalniņa", "patērētāja")?],
    /// #     day(2026, 3, 2)?,
    /// #     Renewal::Automatic { months: 12, notice_days: 30 },
    /// #     SaleChannel::Distance,
    /// # )?;
    /// # let _ = (&contract,);
    /// assert_eq!(contract.signatories()[0].position(), "valdes loceklis");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn position(&self) -> &str {
        &self.position
    }
}

/// The error returned when a contract is not valid.
///
/// # Examples
///
/// ```
/// # use apkalpe_core::{Address, CountryCode, Currency, Money, Party, PartyName};
/// # use apkalpe_documents::*;
/// # use chrono::NaiveDate;
/// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
/// # let trader = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone());
/// # let client = Party::person(PartyName::try_new("Anna Kalniņa")?, riga);
/// # let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// # let contract = Contract::try_new(
/// #     "L-2026/12",
/// #     vec![trader.clone(), client.clone()],
/// #     "Interneta pieslēguma pakalpojums",
/// #     Money::parse("19,99", Currency::EUR)?,
/// #     ContractTerm::Fixed { from: day(2026, 3, 2)?, until: day(2027, 3, 1)? },
/// #     vec![Signatory::try_new(0, "Jānis Ozols", "valdes loceklis")?, Signatory::try_new(1, "Anna Kalniņa", "patērētāja")?],
/// #     day(2026, 3, 2)?,
/// #     Renewal::Automatic { months: 12, notice_days: 30 },
/// #     SaleChannel::Distance,
/// # )?;
/// # let _ = (&contract,);
/// let error = Contract::try_new("L-1", vec![trader], "Pakalpojums", Money::parse("1,00", Currency::EUR)?, ContractTerm::Indefinite { from: day(2026, 3, 2)? }, vec![], day(2026, 3, 2)?, Renewal::None, SaleChannel::OnPremises).unwrap_err();
/// assert_eq!(error.code(), "contract.too_few_parties");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ContractError {
    /// Fewer than two parties.
    #[error("a contract needs at least two parties, found {found}")]
    TooFewParties {
        /// The number given.
        found: usize,
    },
    /// A text field breaks a text rule.
    #[error("{field} {problem}")]
    Text {
        /// The field.
        field: &'static str,
        /// What is wrong.
        problem: TextProblem,
    },
    /// The price is negative.
    #[error("contract price {price} is negative")]
    NegativePrice {
        /// The price.
        price: Money,
    },
    /// A fixed term ends before it starts.
    #[error("contract term ends on {until}, before it starts on {from}")]
    EndsBeforeStart {
        /// The start.
        from: NaiveDate,
        /// The end.
        until: NaiveDate,
    },
    /// No signatory, or a party without one.
    #[error("party {party} has no signatory")]
    MissingSignatory {
        /// The party's position.
        party: usize,
    },
    /// A signatory names a party the contract does not have.
    #[error("signatory {name} signs for party {party}, the contract has {parties}")]
    UnknownParty {
        /// The signatory's name.
        name: String,
        /// The party position given.
        party: usize,
        /// The number of parties.
        parties: usize,
    },
    /// An automatic renewal of 0 months, or one on an indefinite contract.
    #[error("automatic renewal needs a fixed term and at least one month")]
    InvalidRenewal,
}

impl ContractError {
    /// Returns the stable code (`contract.too_few_parties`, `contract.blank`,
    /// `contract.too_long`, `contract.control_character`, `contract.negative_price`,
    /// `contract.ends_before_start`, `contract.missing_signatory`, `contract.unknown_party`,
    /// `contract.invalid_renewal`).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, Party, PartyName};
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let trader = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone());
    /// # let client = Party::person(PartyName::try_new("Anna Kalniņa")?, riga);
    /// # let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let contract = Contract::try_new(
    /// #     "L-2026/12",
    /// #     vec![trader.clone(), client.clone()],
    /// #     "Interneta pieslēguma pakalpojums",
    /// #     Money::parse("19,99", Currency::EUR)?,
    /// #     ContractTerm::Fixed { from: day(2026, 3, 2)?, until: day(2027, 3, 1)? },
    /// #     vec![Signatory::try_new(0, "Jānis Ozols", "valdes loceklis")?, Signatory::try_new(1, "Anna Kalniņa", "patērētāja")?],
    /// #     day(2026, 3, 2)?,
    /// #     Renewal::Automatic { months: 12, notice_days: 30 },
    /// #     SaleChannel::Distance,
    /// # )?;
    /// # let _ = (&contract,);
    /// let error = Contract::try_new("L-1", vec![trader, client], "Pakalpojums", Money::parse("-1,00", Currency::EUR)?, ContractTerm::Indefinite { from: day(2026, 3, 2)? }, vec![], day(2026, 3, 2)?, Renewal::None, SaleChannel::OnPremises).unwrap_err();
    /// assert_eq!(error.code(), "contract.negative_price");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ContractError::TooFewParties { .. } => "contract.too_few_parties",
            ContractError::Text { problem, .. } => match problem {
                TextProblem::Blank => "contract.blank",
                TextProblem::TooLong { .. } => "contract.too_long",
                TextProblem::ControlCharacter => "contract.control_character",
            },
            ContractError::NegativePrice { .. } => "contract.negative_price",
            ContractError::EndsBeforeStart { .. } => "contract.ends_before_start",
            ContractError::MissingSignatory { .. } => "contract.missing_signatory",
            ContractError::UnknownParty { .. } => "contract.unknown_party",
            ContractError::InvalidRenewal => "contract.invalid_renewal",
        }
    }
}

fn text(field: &'static str, value: &str, max: usize) -> Result<String, ContractError> {
    clean(value, max, Lines::Multi).map_err(|problem| ContractError::Text { field, problem })
}

/// A contract (*līgums*).
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Address, Calendar, CountryCode, Currency, Money, Party, PartyName};
/// use apkalpe_documents::{
///     Contract, ContractTerm, Renewal, SaleChannel, Signatory, WithdrawalInformation,
///     WithdrawalOutcome, WithdrawalStart,
/// };
/// use chrono::NaiveDate;
///
/// let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
/// let trader = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone());
/// let client = Party::person(PartyName::try_new("Anna Kalniņa")?, riga);
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
/// let contract = Contract::try_new(
///     "L-2026/12",
///     vec![trader, client],
///     "Interneta pieslēguma pakalpojums",
///     Money::parse("19,99", Currency::EUR)?,
///     ContractTerm::Fixed { from: day(2026, 3, 2)?, until: day(2027, 3, 1)? },
///     vec![Signatory::try_new(0, "Jānis Ozols", "valdes loceklis")?, Signatory::try_new(1, "Anna Kalniņa", "patērētāja")?],
///     day(2026, 3, 2)?,
///     Renewal::Automatic { months: 12, notice_days: 30 },
///     SaleChannel::Distance,
/// )?;
/// assert!(contract.is_valid_on(day(2028, 1, 1)?));
/// assert_eq!(contract.next_renewal(day(2026, 6, 1)?), Some(day(2027, 3, 2)?));
/// let withdrawal = contract.withdrawal_deadline(
///     WithdrawalStart::ContractConcluded(day(2026, 3, 2)?),
///     WithdrawalInformation::Informed,
///     None,
///     &Calendar::latvia(),
/// )?;
/// assert!(matches!(withdrawal, Some(WithdrawalOutcome::Until { .. })));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Saved form
///
/// `{"number", "parties": [Party, …], "subject", "price": {"amount", "currency"}, "term":
/// {"term": "fixed", "from", "until"}, "signatories": […], "signed_on", "renewal":
/// {"renewal": "automatic", "months", "notice_days"}, "channel"}`. Deserialising rebuilds
/// the contract with [`Contract::try_new`] (every check it runs) and refuses, with a
/// [`RestoreError`] naming the field, a value it refuses or would change.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "ContractRecord"))]
pub struct Contract {
    number: String,
    parties: Vec<Party>,
    subject: String,
    price: Money,
    term: ContractTerm,
    signatories: Vec<Signatory>,
    signed_on: NaiveDate,
    renewal: Renewal,
    channel: SaleChannel,
}

/// The saved form of a [`Contract`], read before its checks.
#[cfg(feature = "serde")]
#[derive(Debug, Clone, serde::Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct ContractRecord {
    number: String,
    parties: Vec<Party>,
    subject: String,
    price: Money,
    term: ContractTerm,
    signatories: Vec<Signatory>,
    signed_on: NaiveDate,
    renewal: Renewal,
    channel: SaleChannel,
}

#[cfg(feature = "serde")]
impl TryFrom<ContractRecord> for Contract {
    type Error = RestoreError;

    fn try_from(record: ContractRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "Contract";
        check_saved(WHAT, "number", &record.number, |v| text("number", v, 50))?;
        check_saved(WHAT, "subject", &record.subject, |v| {
            text("subject", v, 2_000)
        })?;
        Contract::try_new(
            &record.number,
            record.parties,
            &record.subject,
            record.price,
            record.term,
            record.signatories,
            record.signed_on,
            record.renewal,
            record.channel,
        )
        .map_err(|error| {
            let field = match &error {
                ContractError::TooFewParties { .. } => "parties",
                ContractError::Text { field, .. } => field,
                ContractError::NegativePrice { .. } => "price",
                ContractError::EndsBeforeStart { .. } => "term",
                ContractError::MissingSignatory { .. } | ContractError::UnknownParty { .. } => {
                    "signatories"
                }
                ContractError::InvalidRenewal => "renewal",
            };
            RestoreError::invalid(WHAT, field, error)
        })
    }
}

impl Contract {
    /// Creates a contract, checking it.
    ///
    /// # Errors
    ///
    /// [`ContractError::TooFewParties`], [`ContractError::Text`] (number up to 50, subject up
    /// to 2 000 characters), [`ContractError::NegativePrice`],
    /// [`ContractError::EndsBeforeStart`], [`ContractError::UnknownParty`],
    /// [`ContractError::MissingSignatory`] (every party needs one),
    /// [`ContractError::InvalidRenewal`].
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, Party, PartyName};
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let trader = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone());
    /// # let client = Party::person(PartyName::try_new("Anna Kalniņa")?, riga);
    /// # let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let contract = Contract::try_new(
    /// #     "L-2026/12",
    /// #     vec![trader.clone(), client.clone()],
    /// #     "Interneta pieslēguma pakalpojums",
    /// #     Money::parse("19,99", Currency::EUR)?,
    /// #     ContractTerm::Fixed { from: day(2026, 3, 2)?, until: day(2027, 3, 1)? },
    /// #     vec![Signatory::try_new(0, "Jānis Ozols", "valdes loceklis")?, Signatory::try_new(1, "Anna Kalniņa", "patērētāja")?],
    /// #     day(2026, 3, 2)?,
    /// #     Renewal::Automatic { months: 12, notice_days: 30 },
    /// #     SaleChannel::Distance,
    /// # )?;
    /// # let _ = (&contract,);
    /// assert_eq!(contract.number(), "L-2026/12");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[allow(clippy::too_many_arguments)] // A contract has this many required parts; an input struct would only rename them.
    pub fn try_new(
        number: &str,
        parties: Vec<Party>,
        subject: &str,
        price: Money,
        term: ContractTerm,
        signatories: Vec<Signatory>,
        signed_on: NaiveDate,
        renewal: Renewal,
        channel: SaleChannel,
    ) -> Result<Self, ContractError> {
        let number = text("number", number, 50)?;
        let subject = text("subject", subject, 2_000)?;
        if parties.len() < 2 {
            return Err(ContractError::TooFewParties {
                found: parties.len(),
            });
        }
        if price.amount().is_sign_negative() && !price.amount().is_zero() {
            return Err(ContractError::NegativePrice { price });
        }
        if let ContractTerm::Fixed { from, until } = term
            && until < from
        {
            return Err(ContractError::EndsBeforeStart { from, until });
        }
        for signatory in &signatories {
            if signatory.party >= parties.len() {
                return Err(ContractError::UnknownParty {
                    name: signatory.name.clone(),
                    party: signatory.party,
                    parties: parties.len(),
                });
            }
        }
        if let Some(party) =
            (0..parties.len()).find(|party| !signatories.iter().any(|s| s.party == *party))
        {
            return Err(ContractError::MissingSignatory { party });
        }
        match (renewal, term) {
            (Renewal::Automatic { months: 0, .. }, _)
            | (Renewal::Automatic { .. }, ContractTerm::Indefinite { .. }) => {
                return Err(ContractError::InvalidRenewal);
            }
            _ => {}
        }
        Ok(Contract {
            number,
            parties,
            subject,
            price,
            term,
            signatories,
            signed_on,
            renewal,
            channel,
        })
    }

    /// Returns the number.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, Party, PartyName};
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let trader = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone());
    /// # let client = Party::person(PartyName::try_new("Anna Kalniņa")?, riga);
    /// # let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let contract = Contract::try_new(
    /// #     "L-2026/12",
    /// #     vec![trader.clone(), client.clone()],
    /// #     "Interneta pieslēguma pakalpojums",
    /// #     Money::parse("19,99", Currency::EUR)?,
    /// #     ContractTerm::Fixed { from: day(2026, 3, 2)?, until: day(2027, 3, 1)? },
    /// #     vec![Signatory::try_new(0, "Jānis Ozols", "valdes loceklis")?, Signatory::try_new(1, "Anna Kalniņa", "patērētāja")?],
    /// #     day(2026, 3, 2)?,
    /// #     Renewal::Automatic { months: 12, notice_days: 30 },
    /// #     SaleChannel::Distance,
    /// # )?;
    /// # let _ = (&contract,);
    /// assert_eq!(contract.number(), "L-2026/12");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn number(&self) -> &str {
        &self.number
    }

    /// Returns the parties.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, Party, PartyName};
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let trader = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone());
    /// # let client = Party::person(PartyName::try_new("Anna Kalniņa")?, riga);
    /// # let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let contract = Contract::try_new(
    /// #     "L-2026/12",
    /// #     vec![trader.clone(), client.clone()],
    /// #     "Interneta pieslēguma pakalpojums",
    /// #     Money::parse("19,99", Currency::EUR)?,
    /// #     ContractTerm::Fixed { from: day(2026, 3, 2)?, until: day(2027, 3, 1)? },
    /// #     vec![Signatory::try_new(0, "Jānis Ozols", "valdes loceklis")?, Signatory::try_new(1, "Anna Kalniņa", "patērētāja")?],
    /// #     day(2026, 3, 2)?,
    /// #     Renewal::Automatic { months: 12, notice_days: 30 },
    /// #     SaleChannel::Distance,
    /// # )?;
    /// # let _ = (&contract,);
    /// assert_eq!(contract.parties().len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parties(&self) -> &[Party] {
        &self.parties
    }

    /// Returns the subject.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, Party, PartyName};
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let trader = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone());
    /// # let client = Party::person(PartyName::try_new("Anna Kalniņa")?, riga);
    /// # let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let contract = Contract::try_new(
    /// #     "L-2026/12",
    /// #     vec![trader.clone(), client.clone()],
    /// #     "Interneta pieslēguma pakalpojums",
    /// #     Money::parse("19,99", Currency::EUR)?,
    /// #     ContractTerm::Fixed { from: day(2026, 3, 2)?, until: day(2027, 3, 1)? },
    /// #     vec![Signatory::try_new(0, "Jānis Ozols", "valdes loceklis")?, Signatory::try_new(1, "Anna Kalniņa", "patērētāja")?],
    /// #     day(2026, 3, 2)?,
    /// #     Renewal::Automatic { months: 12, notice_days: 30 },
    /// #     SaleChannel::Distance,
    /// # )?;
    /// # let _ = (&contract,);
    /// assert_eq!(contract.subject(), "Interneta pieslēguma pakalpojums");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn subject(&self) -> &str {
        &self.subject
    }

    /// Returns the price.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, Party, PartyName};
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let trader = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone());
    /// # let client = Party::person(PartyName::try_new("Anna Kalniņa")?, riga);
    /// # let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let contract = Contract::try_new(
    /// #     "L-2026/12",
    /// #     vec![trader.clone(), client.clone()],
    /// #     "Interneta pieslēguma pakalpojums",
    /// #     Money::parse("19,99", Currency::EUR)?,
    /// #     ContractTerm::Fixed { from: day(2026, 3, 2)?, until: day(2027, 3, 1)? },
    /// #     vec![Signatory::try_new(0, "Jānis Ozols", "valdes loceklis")?, Signatory::try_new(1, "Anna Kalniņa", "patērētāja")?],
    /// #     day(2026, 3, 2)?,
    /// #     Renewal::Automatic { months: 12, notice_days: 30 },
    /// #     SaleChannel::Distance,
    /// # )?;
    /// # let _ = (&contract,);
    /// assert_eq!(contract.price().to_string(), "19.99 EUR");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn price(&self) -> Money {
        self.price
    }

    /// Returns the term.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, Party, PartyName};
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let trader = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone());
    /// # let client = Party::person(PartyName::try_new("Anna Kalniņa")?, riga);
    /// # let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let contract = Contract::try_new(
    /// #     "L-2026/12",
    /// #     vec![trader.clone(), client.clone()],
    /// #     "Interneta pieslēguma pakalpojums",
    /// #     Money::parse("19,99", Currency::EUR)?,
    /// #     ContractTerm::Fixed { from: day(2026, 3, 2)?, until: day(2027, 3, 1)? },
    /// #     vec![Signatory::try_new(0, "Jānis Ozols", "valdes loceklis")?, Signatory::try_new(1, "Anna Kalniņa", "patērētāja")?],
    /// #     day(2026, 3, 2)?,
    /// #     Renewal::Automatic { months: 12, notice_days: 30 },
    /// #     SaleChannel::Distance,
    /// # )?;
    /// # let _ = (&contract,);
    /// assert!(matches!(contract.term(), ContractTerm::Fixed { .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn term(&self) -> ContractTerm {
        self.term
    }

    /// Returns the signatories.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, Party, PartyName};
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let trader = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone());
    /// # let client = Party::person(PartyName::try_new("Anna Kalniņa")?, riga);
    /// # let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let contract = Contract::try_new(
    /// #     "L-2026/12",
    /// #     vec![trader.clone(), client.clone()],
    /// #     "Interneta pieslēguma pakalpojums",
    /// #     Money::parse("19,99", Currency::EUR)?,
    /// #     ContractTerm::Fixed { from: day(2026, 3, 2)?, until: day(2027, 3, 1)? },
    /// #     vec![Signatory::try_new(0, "Jānis Ozols", "valdes loceklis")?, Signatory::try_new(1, "Anna Kalniņa", "patērētāja")?],
    /// #     day(2026, 3, 2)?,
    /// #     Renewal::Automatic { months: 12, notice_days: 30 },
    /// #     SaleChannel::Distance,
    /// # )?;
    /// # let _ = (&contract,);
    /// assert_eq!(contract.signatories().len(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn signatories(&self) -> &[Signatory] {
        &self.signatories
    }

    /// Returns the signing date.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, Party, PartyName};
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let trader = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone());
    /// # let client = Party::person(PartyName::try_new("Anna Kalniņa")?, riga);
    /// # let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let contract = Contract::try_new(
    /// #     "L-2026/12",
    /// #     vec![trader.clone(), client.clone()],
    /// #     "Interneta pieslēguma pakalpojums",
    /// #     Money::parse("19,99", Currency::EUR)?,
    /// #     ContractTerm::Fixed { from: day(2026, 3, 2)?, until: day(2027, 3, 1)? },
    /// #     vec![Signatory::try_new(0, "Jānis Ozols", "valdes loceklis")?, Signatory::try_new(1, "Anna Kalniņa", "patērētāja")?],
    /// #     day(2026, 3, 2)?,
    /// #     Renewal::Automatic { months: 12, notice_days: 30 },
    /// #     SaleChannel::Distance,
    /// # )?;
    /// # let _ = (&contract,);
    /// assert_eq!(contract.signed_on(), day(2026, 3, 2)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn signed_on(&self) -> NaiveDate {
        self.signed_on
    }

    /// Returns the renewal rule.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, Party, PartyName};
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let trader = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone());
    /// # let client = Party::person(PartyName::try_new("Anna Kalniņa")?, riga);
    /// # let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let contract = Contract::try_new(
    /// #     "L-2026/12",
    /// #     vec![trader.clone(), client.clone()],
    /// #     "Interneta pieslēguma pakalpojums",
    /// #     Money::parse("19,99", Currency::EUR)?,
    /// #     ContractTerm::Fixed { from: day(2026, 3, 2)?, until: day(2027, 3, 1)? },
    /// #     vec![Signatory::try_new(0, "Jānis Ozols", "valdes loceklis")?, Signatory::try_new(1, "Anna Kalniņa", "patērētāja")?],
    /// #     day(2026, 3, 2)?,
    /// #     Renewal::Automatic { months: 12, notice_days: 30 },
    /// #     SaleChannel::Distance,
    /// # )?;
    /// # let _ = (&contract,);
    /// assert_eq!(contract.renewal(), Renewal::Automatic { months: 12, notice_days: 30 });
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn renewal(&self) -> Renewal {
        self.renewal
    }

    /// Returns the sale channel.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, Party, PartyName};
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let trader = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone());
    /// # let client = Party::person(PartyName::try_new("Anna Kalniņa")?, riga);
    /// # let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let contract = Contract::try_new(
    /// #     "L-2026/12",
    /// #     vec![trader.clone(), client.clone()],
    /// #     "Interneta pieslēguma pakalpojums",
    /// #     Money::parse("19,99", Currency::EUR)?,
    /// #     ContractTerm::Fixed { from: day(2026, 3, 2)?, until: day(2027, 3, 1)? },
    /// #     vec![Signatory::try_new(0, "Jānis Ozols", "valdes loceklis")?, Signatory::try_new(1, "Anna Kalniņa", "patērētāja")?],
    /// #     day(2026, 3, 2)?,
    /// #     Renewal::Automatic { months: 12, notice_days: 30 },
    /// #     SaleChannel::Distance,
    /// # )?;
    /// # let _ = (&contract,);
    /// assert_eq!(contract.channel(), SaleChannel::Distance);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn channel(&self) -> SaleChannel {
        self.channel
    }

    /// Tells whether the contract is in force on `date`, counting automatic renewals (and
    /// assuming no termination).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, Party, PartyName};
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let trader = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone());
    /// # let client = Party::person(PartyName::try_new("Anna Kalniņa")?, riga);
    /// # let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let contract = Contract::try_new(
    /// #     "L-2026/12",
    /// #     vec![trader.clone(), client.clone()],
    /// #     "Interneta pieslēguma pakalpojums",
    /// #     Money::parse("19,99", Currency::EUR)?,
    /// #     ContractTerm::Fixed { from: day(2026, 3, 2)?, until: day(2027, 3, 1)? },
    /// #     vec![Signatory::try_new(0, "Jānis Ozols", "valdes loceklis")?, Signatory::try_new(1, "Anna Kalniņa", "patērētāja")?],
    /// #     day(2026, 3, 2)?,
    /// #     Renewal::Automatic { months: 12, notice_days: 30 },
    /// #     SaleChannel::Distance,
    /// # )?;
    /// # let _ = (&contract,);
    /// assert!(contract.is_valid_on(day(2026, 3, 2)?));
    /// assert!(!contract.is_valid_on(day(2026, 3, 1)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_valid_on(&self, date: NaiveDate) -> bool {
        match (self.term, self.renewal) {
            (ContractTerm::Indefinite { from }, _) => from <= date,
            (ContractTerm::Fixed { from, until }, Renewal::None) => from <= date && date <= until,
            (ContractTerm::Fixed { from, .. }, Renewal::Automatic { .. }) => from <= date,
        }
    }

    /// Returns the first day of the next renewal period after `date`, for an automatically
    /// renewing contract.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, Party, PartyName};
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let trader = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone());
    /// # let client = Party::person(PartyName::try_new("Anna Kalniņa")?, riga);
    /// # let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let contract = Contract::try_new(
    /// #     "L-2026/12",
    /// #     vec![trader.clone(), client.clone()],
    /// #     "Interneta pieslēguma pakalpojums",
    /// #     Money::parse("19,99", Currency::EUR)?,
    /// #     ContractTerm::Fixed { from: day(2026, 3, 2)?, until: day(2027, 3, 1)? },
    /// #     vec![Signatory::try_new(0, "Jānis Ozols", "valdes loceklis")?, Signatory::try_new(1, "Anna Kalniņa", "patērētāja")?],
    /// #     day(2026, 3, 2)?,
    /// #     Renewal::Automatic { months: 12, notice_days: 30 },
    /// #     SaleChannel::Distance,
    /// # )?;
    /// # let _ = (&contract,);
    /// assert_eq!(contract.next_renewal(day(2026, 6, 1)?), Some(day(2027, 3, 2)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn next_renewal(&self, date: NaiveDate) -> Option<NaiveDate> {
        let (ContractTerm::Fixed { until, .. }, Renewal::Automatic { months, .. }) =
            (self.term, self.renewal)
        else {
            return None;
        };
        let mut start = until.succ_opt()?;
        let mut step = 0_u32;
        while start <= date {
            step = step.checked_add(months)?;
            start = until.checked_add_months(Months::new(step))?.succ_opt()?;
        }
        Some(start)
    }

    /// Returns the consumer's withdrawal deadline for a distance or off-premises contract,
    /// `None` for one concluded on the premises.
    ///
    /// # Errors
    ///
    /// See [`withdrawal_deadline`].
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, Party, PartyName};
    /// # use apkalpe_documents::*;
    /// # use chrono::NaiveDate;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let trader = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone());
    /// # let client = Party::person(PartyName::try_new("Anna Kalniņa")?, riga);
    /// # let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// # let contract = Contract::try_new(
    /// #     "L-2026/12",
    /// #     vec![trader.clone(), client.clone()],
    /// #     "Interneta pieslēguma pakalpojums",
    /// #     Money::parse("19,99", Currency::EUR)?,
    /// #     ContractTerm::Fixed { from: day(2026, 3, 2)?, until: day(2027, 3, 1)? },
    /// #     vec![Signatory::try_new(0, "Jānis Ozols", "valdes loceklis")?, Signatory::try_new(1, "Anna Kalniņa", "patērētāja")?],
    /// #     day(2026, 3, 2)?,
    /// #     Renewal::Automatic { months: 12, notice_days: 30 },
    /// #     SaleChannel::Distance,
    /// # )?;
    /// # let _ = (&contract,);
    /// let outcome = contract.withdrawal_deadline(WithdrawalStart::ContractConcluded(day(2026, 3, 2)?), WithdrawalInformation::Informed, None, &apkalpe_core::Calendar::latvia())?;
    /// assert!(matches!(outcome, Some(WithdrawalOutcome::Until { .. })));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn withdrawal_deadline(
        &self,
        start: WithdrawalStart,
        information: WithdrawalInformation,
        exception: Option<WithdrawalException>,
        calendar: &Calendar,
    ) -> Result<Option<WithdrawalOutcome>, CalendarError> {
        match self.channel {
            SaleChannel::OnPremises => Ok(None),
            SaleChannel::Distance | SaleChannel::OffPremises => {
                withdrawal_deadline(start, information, exception, calendar).map(Some)
            }
        }
    }
}
