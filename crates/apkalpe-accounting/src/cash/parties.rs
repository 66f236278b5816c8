//! Who is on a cash order: the business keeping the cash, and the payer or payee.

use crate::error::{AccountingError, CashError};
use crate::line::{MAX_TEXT_CHARS, check_text};
#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use apkalpe_core::{Party, PersonalCode, RegistrationNumber};
use std::fmt;

use super::*;

/// The business that keeps the cash desk and makes out its cash orders (*uzņēmums*): its
/// name and registration number, or a self-employed person's name and taxpayer code (their
/// personal code).
///
/// # Legal basis
///
/// MK noteikumi Nr. 625 (2021) p. 3: a cash order names the business receiving or paying the
/// cash, by firm or name and registration number or taxpayer code, a self-employed person by
/// given name, surname and taxpayer code (sources §10, C \[C1\]\[C2\]).
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
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "CashBusinessRecord"))]
#[cfg_attr(feature = "serde", serde(into = "CashBusinessRecord"))]
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

#[cfg(feature = "serde")]
/// The saved form of a [`CashBusiness`].
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct CashBusinessRecord {
    name: String,
    #[cfg_attr(feature = "serde", serde(default))]
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    registration_number: Option<RegistrationNumber>,
    #[cfg_attr(feature = "serde", serde(default))]
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    taxpayer_code: Option<PersonalCode>,
}

#[cfg(feature = "serde")]
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
                )
                .with_latvian_reason(
                    "uzņēmumam ir reģistrācijas numurs vai nodokļu maksātāja kods, viens no abiem",
                ));
            }
        };
        built.map_err(|error| RestoreError::invalid(WHAT, "name", error))
    }
}

#[cfg(feature = "serde")]
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
    /// ```
    /// # use apkalpe_accounting::{CashBook, CashBusiness, CashCounterparty, CashDirection, DraftCashOrder};
    /// # use apkalpe_core::{Currency, Language, Money, NumberSeries, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let business = CashBusiness::organisation("SIA Apkalpe", "40003521600".parse()?)?;
    /// # let mut kio = NumberSeries::try_new("kio", "KIO{yy}-{seq:4}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftCashOrder::try_new(
    /// #     business.clone(),
    /// #     CashDirection::Receipt,
    /// #     CashCounterparty::person("Anna Bērziņa", Some("161175-19997".parse()?))?,
    /// #     "Apmaksa par rēķinu INV2026-00001",
    /// #     Money::new(dec!(120.00), Currency::EUR),
    /// #     "Līga Kasiere",
    /// # )?;
    /// # let order = draft.clone().issue(&mut kio, day)?;
    /// # let mut book = CashBook::try_new(business.clone(), Money::new(dec!(100.00), Currency::EUR), "kio", "kizo")?;
    /// # book.post(&order)?;
    /// # let _ = (&draft, &order, &book, &kio, Language::Latvian);
    /// assert_eq!(business.name(), "SIA Apkalpe");
    /// assert!(business.registration_number().is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{CashBook, CashBusiness, CashCounterparty, CashDirection, DraftCashOrder};
    /// # use apkalpe_core::{Currency, Language, Money, NumberSeries, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let business = CashBusiness::organisation("SIA Apkalpe", "40003521600".parse()?)?;
    /// # let mut kio = NumberSeries::try_new("kio", "KIO{yy}-{seq:4}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftCashOrder::try_new(
    /// #     business.clone(),
    /// #     CashDirection::Receipt,
    /// #     CashCounterparty::person("Anna Bērziņa", Some("161175-19997".parse()?))?,
    /// #     "Apmaksa par rēķinu INV2026-00001",
    /// #     Money::new(dec!(120.00), Currency::EUR),
    /// #     "Līga Kasiere",
    /// # )?;
    /// # let order = draft.clone().issue(&mut kio, day)?;
    /// # let mut book = CashBook::try_new(business.clone(), Money::new(dec!(100.00), Currency::EUR), "kio", "kizo")?;
    /// # book.post(&order)?;
    /// # let _ = (&draft, &order, &book, &kio, Language::Latvian);
    /// let trader = CashBusiness::self_employed("Anna Bērziņa", "161175-19997".parse()?)?;
    /// assert!(trader.taxpayer_code().is_some());
    /// assert!(trader.registration_number().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
    /// ```
    /// # use apkalpe_accounting::{CashBook, CashBusiness, CashCounterparty, CashDirection, DraftCashOrder};
    /// # use apkalpe_core::{Currency, Language, Money, NumberSeries, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let business = CashBusiness::organisation("SIA Apkalpe", "40003521600".parse()?)?;
    /// # let mut kio = NumberSeries::try_new("kio", "KIO{yy}-{seq:4}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftCashOrder::try_new(
    /// #     business.clone(),
    /// #     CashDirection::Receipt,
    /// #     CashCounterparty::person("Anna Bērziņa", Some("161175-19997".parse()?))?,
    /// #     "Apmaksa par rēķinu INV2026-00001",
    /// #     Money::new(dec!(120.00), Currency::EUR),
    /// #     "Līga Kasiere",
    /// # )?;
    /// # let order = draft.clone().issue(&mut kio, day)?;
    /// # let mut book = CashBook::try_new(business.clone(), Money::new(dec!(100.00), Currency::EUR), "kio", "kizo")?;
    /// # book.post(&order)?;
    /// # let _ = (&draft, &order, &book, &kio, Language::Latvian);
    /// use apkalpe_core::{Address, CountryCode, Party, PartyName};
    /// let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// let party = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga)
    ///     .try_with_registration_number("40003521600".parse()?)?;
    /// assert_eq!(CashBusiness::try_from_party(&party)?, business);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{CashBook, CashBusiness, CashCounterparty, CashDirection, DraftCashOrder};
    /// # use apkalpe_core::{Currency, Language, Money, NumberSeries, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let business = CashBusiness::organisation("SIA Apkalpe", "40003521600".parse()?)?;
    /// # let mut kio = NumberSeries::try_new("kio", "KIO{yy}-{seq:4}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftCashOrder::try_new(
    /// #     business.clone(),
    /// #     CashDirection::Receipt,
    /// #     CashCounterparty::person("Anna Bērziņa", Some("161175-19997".parse()?))?,
    /// #     "Apmaksa par rēķinu INV2026-00001",
    /// #     Money::new(dec!(120.00), Currency::EUR),
    /// #     "Līga Kasiere",
    /// # )?;
    /// # let order = draft.clone().issue(&mut kio, day)?;
    /// # let mut book = CashBook::try_new(business.clone(), Money::new(dec!(100.00), Currency::EUR), "kio", "kizo")?;
    /// # book.post(&order)?;
    /// # let _ = (&draft, &order, &book, &kio, Language::Latvian);
    /// assert_eq!(business.name(), "SIA Apkalpe");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Returns the registration number, for an organisation.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{CashBook, CashBusiness, CashCounterparty, CashDirection, DraftCashOrder};
    /// # use apkalpe_core::{Currency, Language, Money, NumberSeries, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let business = CashBusiness::organisation("SIA Apkalpe", "40003521600".parse()?)?;
    /// # let mut kio = NumberSeries::try_new("kio", "KIO{yy}-{seq:4}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftCashOrder::try_new(
    /// #     business.clone(),
    /// #     CashDirection::Receipt,
    /// #     CashCounterparty::person("Anna Bērziņa", Some("161175-19997".parse()?))?,
    /// #     "Apmaksa par rēķinu INV2026-00001",
    /// #     Money::new(dec!(120.00), Currency::EUR),
    /// #     "Līga Kasiere",
    /// # )?;
    /// # let order = draft.clone().issue(&mut kio, day)?;
    /// # let mut book = CashBook::try_new(business.clone(), Money::new(dec!(100.00), Currency::EUR), "kio", "kizo")?;
    /// # book.post(&order)?;
    /// # let _ = (&draft, &order, &book, &kio, Language::Latvian);
    /// assert_eq!(business.registration_number().map(ToString::to_string).as_deref(), Some("40003521600"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn registration_number(&self) -> Option<&RegistrationNumber> {
        match &self.identifier {
            BusinessIdentifier::Registration(number) => Some(number),
            BusinessIdentifier::Taxpayer(_) => None,
        }
    }

    /// Returns the taxpayer code, for a self-employed person.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{CashBook, CashBusiness, CashCounterparty, CashDirection, DraftCashOrder};
    /// # use apkalpe_core::{Currency, Language, Money, NumberSeries, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let business = CashBusiness::organisation("SIA Apkalpe", "40003521600".parse()?)?;
    /// # let mut kio = NumberSeries::try_new("kio", "KIO{yy}-{seq:4}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftCashOrder::try_new(
    /// #     business.clone(),
    /// #     CashDirection::Receipt,
    /// #     CashCounterparty::person("Anna Bērziņa", Some("161175-19997".parse()?))?,
    /// #     "Apmaksa par rēķinu INV2026-00001",
    /// #     Money::new(dec!(120.00), Currency::EUR),
    /// #     "Līga Kasiere",
    /// # )?;
    /// # let order = draft.clone().issue(&mut kio, day)?;
    /// # let mut book = CashBook::try_new(business.clone(), Money::new(dec!(100.00), Currency::EUR), "kio", "kizo")?;
    /// # book.post(&order)?;
    /// # let _ = (&draft, &order, &book, &kio, Language::Latvian);
    /// assert!(business.taxpayer_code().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
/// sources §10 (C for the first items, L for the tail) \[C1\]\[C2\].
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
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case", tag = "kind"))]
pub enum CashCounterparty {
    /// A natural person.
    Person {
        /// Given name and surname.
        name: String,
        /// Personal code of a resident; `None` for a non-resident.
        #[cfg_attr(feature = "serde", serde(default))]
        personal_code: Option<PersonalCode>,
        /// The company the person acts for: name and registration number.
        #[cfg_attr(feature = "serde", serde(default, with = "on_behalf_of"))]
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

#[cfg(feature = "serde")]
/// The saved form of [`CashCounterparty::Person`]'s `on_behalf_of`: an object with named
/// fields, or the positional pair written before issue 13.
mod on_behalf_of {
    use apkalpe_core::RegistrationNumber;
    #[cfg(feature = "serde")]
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    /// The company a person acts for.
    #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
    #[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
    struct Company {
        name: String,
        registration_number: RegistrationNumber,
    }

    /// Either form.
    #[cfg_attr(feature = "serde", derive(serde::Deserialize))]
    #[cfg_attr(feature = "serde", serde(untagged))]
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
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{CashBook, CashBusiness, CashCounterparty, CashDirection, DraftCashOrder};
    /// # use apkalpe_core::{Currency, Language, Money, NumberSeries, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let business = CashBusiness::organisation("SIA Apkalpe", "40003521600".parse()?)?;
    /// # let mut kio = NumberSeries::try_new("kio", "KIO{yy}-{seq:4}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftCashOrder::try_new(
    /// #     business.clone(),
    /// #     CashDirection::Receipt,
    /// #     CashCounterparty::person("Anna Bērziņa", Some("161175-19997".parse()?))?,
    /// #     "Apmaksa par rēķinu INV2026-00001",
    /// #     Money::new(dec!(120.00), Currency::EUR),
    /// #     "Līga Kasiere",
    /// # )?;
    /// # let order = draft.clone().issue(&mut kio, day)?;
    /// # let mut book = CashBook::try_new(business.clone(), Money::new(dec!(100.00), Currency::EUR), "kio", "kizo")?;
    /// # book.post(&order)?;
    /// # let _ = (&draft, &order, &book, &kio, Language::Latvian);
    /// let payer = CashCounterparty::person("Anna Bērziņa", Some("161175-19997".parse()?))?;
    /// assert_eq!(payer.name(), Some("Anna Bērziņa"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{CashBook, CashBusiness, CashCounterparty, CashDirection, DraftCashOrder};
    /// # use apkalpe_core::{Currency, Language, Money, NumberSeries, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let business = CashBusiness::organisation("SIA Apkalpe", "40003521600".parse()?)?;
    /// # let mut kio = NumberSeries::try_new("kio", "KIO{yy}-{seq:4}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftCashOrder::try_new(
    /// #     business.clone(),
    /// #     CashDirection::Receipt,
    /// #     CashCounterparty::person("Anna Bērziņa", Some("161175-19997".parse()?))?,
    /// #     "Apmaksa par rēķinu INV2026-00001",
    /// #     Money::new(dec!(120.00), Currency::EUR),
    /// #     "Līga Kasiere",
    /// # )?;
    /// # let order = draft.clone().issue(&mut kio, day)?;
    /// # let mut book = CashBook::try_new(business.clone(), Money::new(dec!(100.00), Currency::EUR), "kio", "kizo")?;
    /// # book.post(&order)?;
    /// # let _ = (&draft, &order, &book, &kio, Language::Latvian);
    /// let payer = CashCounterparty::organisation("SIA Klients", "40103471306".parse()?)?;
    /// assert_eq!(payer.name(), Some("SIA Klients"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{CashBook, CashBusiness, CashCounterparty, CashDirection, DraftCashOrder};
    /// # use apkalpe_core::{Currency, Language, Money, NumberSeries, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let business = CashBusiness::organisation("SIA Apkalpe", "40003521600".parse()?)?;
    /// # let mut kio = NumberSeries::try_new("kio", "KIO{yy}-{seq:4}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftCashOrder::try_new(
    /// #     business.clone(),
    /// #     CashDirection::Receipt,
    /// #     CashCounterparty::person("Anna Bērziņa", Some("161175-19997".parse()?))?,
    /// #     "Apmaksa par rēķinu INV2026-00001",
    /// #     Money::new(dec!(120.00), Currency::EUR),
    /// #     "Līga Kasiere",
    /// # )?;
    /// # let order = draft.clone().issue(&mut kio, day)?;
    /// # let mut book = CashBook::try_new(business.clone(), Money::new(dec!(100.00), Currency::EUR), "kio", "kizo")?;
    /// # book.post(&order)?;
    /// # let _ = (&draft, &order, &book, &kio, Language::Latvian);
    /// let courier = CashCounterparty::person("Jānis Ozols", Some("161175-19997".parse()?))?
    ///     .try_on_behalf_of("SIA Klients", "40103471306".parse()?)?;
    /// assert_eq!(courier.name(), Some("Jānis Ozols"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{CashBook, CashBusiness, CashCounterparty, CashDirection, DraftCashOrder};
    /// # use apkalpe_core::{Currency, Language, Money, NumberSeries, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let business = CashBusiness::organisation("SIA Apkalpe", "40003521600".parse()?)?;
    /// # let mut kio = NumberSeries::try_new("kio", "KIO{yy}-{seq:4}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftCashOrder::try_new(
    /// #     business.clone(),
    /// #     CashDirection::Receipt,
    /// #     CashCounterparty::person("Anna Bērziņa", Some("161175-19997".parse()?))?,
    /// #     "Apmaksa par rēķinu INV2026-00001",
    /// #     Money::new(dec!(120.00), Currency::EUR),
    /// #     "Līga Kasiere",
    /// # )?;
    /// # let order = draft.clone().issue(&mut kio, day)?;
    /// # let mut book = CashBook::try_new(business.clone(), Money::new(dec!(100.00), Currency::EUR), "kio", "kizo")?;
    /// # book.post(&order)?;
    /// # let _ = (&draft, &order, &book, &kio, Language::Latvian);
    /// use apkalpe_accounting::PayeeOmission;
    /// assert_eq!(CashCounterparty::Omitted(PayeeOmission::BankDeposit).name(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name(&self) -> Option<&str> {
        match self {
            CashCounterparty::Person { name, .. } | CashCounterparty::Organisation { name, .. } => {
                Some(name)
            }
            CashCounterparty::Omitted(_) => None,
        }
    }
}
