//! The commercial register (*komercreģistrs*, S30, knowledge 3.1): look-ups by registration
//! number, the Register of Enterprises' open-data file, and the check of a client against it.
#[cfg(feature = "csv")]
mod file;
mod verify;

#[cfg(feature = "csv")]
pub use file::{RegisterFile, RegisterLoad};
pub use verify::{Discrepancy, Verification, check_number, verify};

use std::fmt;

use apkalpe_core::RegistrationNumber;
#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use chrono::NaiveDate;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::error::RegisterError;
use crate::text::name_tokens;

/// A commercial register that answers look-ups by registration number: the open-data file
/// (`RegisterFile`, feature `csv`) or an integrator's adapter (Lursoft, the Register of
/// Enterprises' API, a database).
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{CompanyRegister, RegisterError, RegisterRecord};
/// use apkalpe_core::RegistrationNumber;
///
/// /// A register that knows one company.
/// struct OneCompany(RegisterRecord);
///
/// impl CompanyRegister for OneCompany {
///     fn look_up(&self, number: &RegistrationNumber) -> Result<Option<RegisterRecord>, RegisterError> {
///         Ok((self.0.registration_number() == number).then(|| self.0.clone()))
///     }
/// }
///
/// let number = RegistrationNumber::try_new("40003521600")?;
/// let register = OneCompany(RegisterRecord::new(number, "SIA \"Ziemeļu Rati\""));
/// assert!(register.look_up(&number)?.is_some());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait CompanyRegister {
    /// Returns the record with this registration number, or `None` if the register has none.
    ///
    /// # Errors
    ///
    /// [`RegisterError::Unavailable`] (or another variant) when the register cannot answer.
    fn look_up(&self, number: &RegistrationNumber)
    -> Result<Option<RegisterRecord>, RegisterError>;
}

/// The state of an entity in the register. Saved with a `state` tag; deserialised field by
/// field.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{EntityStatus, RegisterRecord};
///
/// let record = RegisterRecord::new("40003521600".parse()?, "SIA \"Vecā Dzirnava\" likvidācijā");
/// assert_eq!(record.status(), EntityStatus::InLiquidation);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "state", rename_all = "snake_case"))]
pub enum EntityStatus {
    /// Registered and not closed.
    Active,
    /// In liquidation: the name carries the word *likvidācijā* (Commercial Law art. 317 has a
    /// company in liquidation use its name with that addition; not in the facts file,
    /// confidence L).
    InLiquidation,
    /// Excluded from the register: a `terminated` date or a `closed` code is set.
    Terminated {
        /// The `terminated` date.
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        on: Option<NaiveDate>,
        /// The `closed` code as the file writes it.
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        closed: Option<String>,
    },
}

impl fmt::Display for EntityStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EntityStatus::Active => f.write_str("active"),
            EntityStatus::InLiquidation => f.write_str("in liquidation"),
            EntityStatus::Terminated { on, closed } => {
                f.write_str("terminated")?;
                if let Some(on) = on {
                    write!(f, " on {on}")?;
                }
                if let Some(code) = closed {
                    write!(f, " (closed: {code})")?;
                }
                Ok(())
            }
        }
    }
}

/// One entity of the commercial register: the columns of the Register of Enterprises'
/// `register.csv` that a check needs (sources §12 \[X3\]\[X4\]).
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{EntityStatus, RegisterRecord};
/// use apkalpe_core::RegistrationNumber;
/// use chrono::NaiveDate;
///
/// let record = RegisterRecord::new(RegistrationNumber::try_new("40003521600")?, "SIA \"Ziemeļu Rati\"")
///     .with_legal_form("SIA", "Sabiedrība ar ierobežotu atbildību")
///     .with_terminated(NaiveDate::from_ymd_opt(2024, 3, 1));
/// assert_eq!(record.status(), EntityStatus::Terminated { on: NaiveDate::from_ymd_opt(2024, 3, 1), closed: None });
/// # Ok::<(), apkalpe_core::ParseRegistrationNumberError>(())
/// ```
///
/// Deserialised as the builders make it: texts trimmed, a blank optional text left out
/// (a saved `""` or `"  "` is refused with `restore.inconsistent`, since the builders never
/// keep one).
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "RegisterRecordSaved"))]
pub struct RegisterRecord {
    registration_number: RegistrationNumber,
    name: String,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    name_in_quotes: Option<String>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    legal_form: Option<String>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    legal_form_text: Option<String>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    registered: Option<NaiveDate>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    terminated: Option<NaiveDate>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    closed: Option<String>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    address: Option<String>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    postal_index: Option<String>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    sepa_creditor_id: Option<String>,
}

/// The saved form of a [`RegisterRecord`], before its checks.
#[derive(Debug)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[cfg(feature = "serde")]
struct RegisterRecordSaved {
    registration_number: RegistrationNumber,
    name: String,
    #[cfg_attr(feature = "serde", serde(default))]
    name_in_quotes: Option<String>,
    #[cfg_attr(feature = "serde", serde(default))]
    legal_form: Option<String>,
    #[cfg_attr(feature = "serde", serde(default))]
    legal_form_text: Option<String>,
    #[cfg_attr(feature = "serde", serde(default))]
    registered: Option<NaiveDate>,
    #[cfg_attr(feature = "serde", serde(default))]
    terminated: Option<NaiveDate>,
    #[cfg_attr(feature = "serde", serde(default))]
    closed: Option<String>,
    #[cfg_attr(feature = "serde", serde(default))]
    address: Option<String>,
    #[cfg_attr(feature = "serde", serde(default))]
    postal_index: Option<String>,
    #[cfg_attr(feature = "serde", serde(default))]
    sepa_creditor_id: Option<String>,
}

#[cfg(feature = "serde")]
impl TryFrom<RegisterRecordSaved> for RegisterRecord {
    type Error = RestoreError;

    fn try_from(saved: RegisterRecordSaved) -> Result<Self, Self::Error> {
        let optional = |field: &'static str, text: Option<String>| match text {
            Some(text) if text.trim().is_empty() => Err(RestoreError::inconsistent(
                "RegisterRecord",
                field,
                "a blank text is left out, not kept",
            )
            .with_latvian_reason("tukšu tekstu nesaglabā, to izlaiž")),
            Some(text) => Ok(Some(text.trim().to_owned())),
            None => Ok(None),
        };
        Ok(RegisterRecord {
            registration_number: saved.registration_number,
            name: saved.name.trim().to_owned(),
            name_in_quotes: optional("name_in_quotes", saved.name_in_quotes)?,
            legal_form: optional("legal_form", saved.legal_form)?,
            legal_form_text: optional("legal_form_text", saved.legal_form_text)?,
            registered: saved.registered,
            terminated: saved.terminated,
            closed: optional("closed", saved.closed)?,
            address: optional("address", saved.address)?,
            postal_index: optional("postal_index", saved.postal_index)?,
            sepa_creditor_id: optional("sepa_creditor_id", saved.sepa_creditor_id)?,
        })
    }
}

/// Turns a blank text into `None`.
fn non_blank(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

impl RegisterRecord {
    /// Creates a record with a number and the full name (`SIA "Ziemeļu Rati"`).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::RegisterRecord;
    /// use chrono::NaiveDate;
    ///
    /// let record = RegisterRecord::new("40003521600".parse()?, "SIA \"Ziemeļu Rati\"")
    ///     .with_name_in_quotes("Ziemeļu Rati")
    ///     .with_legal_form("SIA", "Sabiedrība ar ierobežotu atbildību")
    ///     .with_registered(NaiveDate::from_ymd_opt(2004, 5, 12))
    ///     .with_address("Rīga, Brīvības iela 101", "LV-1001")
    ///     .with_sepa_creditor_id("LV12ZZZ40003521600");
    /// assert_eq!(record.name(), "SIA \"Ziemeļu Rati\"");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(registration_number: RegistrationNumber, name: &str) -> Self {
        RegisterRecord {
            registration_number,
            name: name.trim().to_owned(),
            name_in_quotes: None,
            legal_form: None,
            legal_form_text: None,
            registered: None,
            terminated: None,
            closed: None,
            address: None,
            postal_index: None,
            sepa_creditor_id: None,
        }
    }

    /// Sets the name inside the quotes (`Ziemeļu Rati`).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::RegisterRecord;
    /// use chrono::NaiveDate;
    ///
    /// let record = RegisterRecord::new("40003521600".parse()?, "SIA \"Ziemeļu Rati\"")
    ///     .with_name_in_quotes("Ziemeļu Rati")
    ///     .with_legal_form("SIA", "Sabiedrība ar ierobežotu atbildību")
    ///     .with_registered(NaiveDate::from_ymd_opt(2004, 5, 12))
    ///     .with_address("Rīga, Brīvības iela 101", "LV-1001")
    ///     .with_sepa_creditor_id("LV12ZZZ40003521600");
    /// assert_eq!(record.name_in_quotes(), Some("Ziemeļu Rati"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_name_in_quotes(mut self, name: &str) -> Self {
        self.name_in_quotes = non_blank(name);
        self
    }

    /// Sets the legal form code (`SIA`) and its text.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::RegisterRecord;
    /// use chrono::NaiveDate;
    ///
    /// let record = RegisterRecord::new("40003521600".parse()?, "SIA \"Ziemeļu Rati\"")
    ///     .with_name_in_quotes("Ziemeļu Rati")
    ///     .with_legal_form("SIA", "Sabiedrība ar ierobežotu atbildību")
    ///     .with_registered(NaiveDate::from_ymd_opt(2004, 5, 12))
    ///     .with_address("Rīga, Brīvības iela 101", "LV-1001")
    ///     .with_sepa_creditor_id("LV12ZZZ40003521600");
    /// assert_eq!(record.legal_form(), Some("SIA"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_legal_form(mut self, code: &str, text: &str) -> Self {
        self.legal_form = non_blank(code);
        self.legal_form_text = non_blank(text);
        self
    }

    /// Sets the registration date.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::RegisterRecord;
    /// use chrono::NaiveDate;
    ///
    /// let record = RegisterRecord::new("40003521600".parse()?, "SIA \"Ziemeļu Rati\"")
    ///     .with_name_in_quotes("Ziemeļu Rati")
    ///     .with_legal_form("SIA", "Sabiedrība ar ierobežotu atbildību")
    ///     .with_registered(NaiveDate::from_ymd_opt(2004, 5, 12))
    ///     .with_address("Rīga, Brīvības iela 101", "LV-1001")
    ///     .with_sepa_creditor_id("LV12ZZZ40003521600");
    /// assert_eq!(record.registered(), NaiveDate::from_ymd_opt(2004, 5, 12));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_registered(mut self, date: Option<NaiveDate>) -> Self {
        self.registered = date;
        self
    }

    /// Sets the date the entity was excluded from the register.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::RegisterRecord;
    /// use chrono::NaiveDate;
    ///
    /// let record = RegisterRecord::new("40003521600".parse()?, "SIA \"Ziemeļu Rati\"")
    ///     .with_name_in_quotes("Ziemeļu Rati")
    ///     .with_legal_form("SIA", "Sabiedrība ar ierobežotu atbildību")
    ///     .with_registered(NaiveDate::from_ymd_opt(2004, 5, 12))
    ///     .with_address("Rīga, Brīvības iela 101", "LV-1001")
    ///     .with_sepa_creditor_id("LV12ZZZ40003521600");
    /// let ended = record.with_terminated(NaiveDate::from_ymd_opt(2023, 6, 30));
    /// assert!(matches!(ended.status(), apkalpe_clients::EntityStatus::Terminated { .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_terminated(mut self, date: Option<NaiveDate>) -> Self {
        self.terminated = date;
        self
    }

    /// Sets the `closed` code (blank for an active entity).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::RegisterRecord;
    /// use chrono::NaiveDate;
    ///
    /// let record = RegisterRecord::new("40003521600".parse()?, "SIA \"Ziemeļu Rati\"")
    ///     .with_name_in_quotes("Ziemeļu Rati")
    ///     .with_legal_form("SIA", "Sabiedrība ar ierobežotu atbildību")
    ///     .with_registered(NaiveDate::from_ymd_opt(2004, 5, 12))
    ///     .with_address("Rīga, Brīvības iela 101", "LV-1001")
    ///     .with_sepa_creditor_id("LV12ZZZ40003521600");
    /// let closed = record.with_closed("L");
    /// assert_eq!(closed.closed(), Some("L"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_closed(mut self, code: &str) -> Self {
        self.closed = non_blank(code);
        self
    }

    /// Sets the legal address and postal index.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::RegisterRecord;
    /// use chrono::NaiveDate;
    ///
    /// let record = RegisterRecord::new("40003521600".parse()?, "SIA \"Ziemeļu Rati\"")
    ///     .with_name_in_quotes("Ziemeļu Rati")
    ///     .with_legal_form("SIA", "Sabiedrība ar ierobežotu atbildību")
    ///     .with_registered(NaiveDate::from_ymd_opt(2004, 5, 12))
    ///     .with_address("Rīga, Brīvības iela 101", "LV-1001")
    ///     .with_sepa_creditor_id("LV12ZZZ40003521600");
    /// assert_eq!(record.address(), Some("Rīga, Brīvības iela 101"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_address(mut self, address: &str, postal_index: &str) -> Self {
        self.address = non_blank(address);
        self.postal_index = non_blank(postal_index);
        self
    }

    /// Sets the SEPA creditor identifier.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::RegisterRecord;
    /// use chrono::NaiveDate;
    ///
    /// let record = RegisterRecord::new("40003521600".parse()?, "SIA \"Ziemeļu Rati\"")
    ///     .with_name_in_quotes("Ziemeļu Rati")
    ///     .with_legal_form("SIA", "Sabiedrība ar ierobežotu atbildību")
    ///     .with_registered(NaiveDate::from_ymd_opt(2004, 5, 12))
    ///     .with_address("Rīga, Brīvības iela 101", "LV-1001")
    ///     .with_sepa_creditor_id("LV12ZZZ40003521600");
    /// assert_eq!(record.sepa_creditor_id(), Some("LV12ZZZ40003521600"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_sepa_creditor_id(mut self, id: &str) -> Self {
        self.sepa_creditor_id = non_blank(id);
        self
    }

    /// Returns the registration number.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::RegisterRecord;
    /// use chrono::NaiveDate;
    ///
    /// let record = RegisterRecord::new("40003521600".parse()?, "SIA \"Ziemeļu Rati\"")
    ///     .with_name_in_quotes("Ziemeļu Rati")
    ///     .with_legal_form("SIA", "Sabiedrība ar ierobežotu atbildību")
    ///     .with_registered(NaiveDate::from_ymd_opt(2004, 5, 12))
    ///     .with_address("Rīga, Brīvības iela 101", "LV-1001")
    ///     .with_sepa_creditor_id("LV12ZZZ40003521600");
    /// assert_eq!(record.registration_number().to_string(), "40003521600");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn registration_number(&self) -> &RegistrationNumber {
        &self.registration_number
    }

    /// Returns the full name.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::RegisterRecord;
    /// use chrono::NaiveDate;
    ///
    /// let record = RegisterRecord::new("40003521600".parse()?, "SIA \"Ziemeļu Rati\"")
    ///     .with_name_in_quotes("Ziemeļu Rati")
    ///     .with_legal_form("SIA", "Sabiedrība ar ierobežotu atbildību")
    ///     .with_registered(NaiveDate::from_ymd_opt(2004, 5, 12))
    ///     .with_address("Rīga, Brīvības iela 101", "LV-1001")
    ///     .with_sepa_creditor_id("LV12ZZZ40003521600");
    /// assert_eq!(record.name(), "SIA \"Ziemeļu Rati\"");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Returns the name inside the quotes.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::RegisterRecord;
    /// use chrono::NaiveDate;
    ///
    /// let record = RegisterRecord::new("40003521600".parse()?, "SIA \"Ziemeļu Rati\"")
    ///     .with_name_in_quotes("Ziemeļu Rati")
    ///     .with_legal_form("SIA", "Sabiedrība ar ierobežotu atbildību")
    ///     .with_registered(NaiveDate::from_ymd_opt(2004, 5, 12))
    ///     .with_address("Rīga, Brīvības iela 101", "LV-1001")
    ///     .with_sepa_creditor_id("LV12ZZZ40003521600");
    /// assert_eq!(record.name_in_quotes(), Some("Ziemeļu Rati"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name_in_quotes(&self) -> Option<&str> {
        self.name_in_quotes.as_deref()
    }

    /// Returns the legal form code (`SIA`).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::RegisterRecord;
    /// use chrono::NaiveDate;
    ///
    /// let record = RegisterRecord::new("40003521600".parse()?, "SIA \"Ziemeļu Rati\"")
    ///     .with_name_in_quotes("Ziemeļu Rati")
    ///     .with_legal_form("SIA", "Sabiedrība ar ierobežotu atbildību")
    ///     .with_registered(NaiveDate::from_ymd_opt(2004, 5, 12))
    ///     .with_address("Rīga, Brīvības iela 101", "LV-1001")
    ///     .with_sepa_creditor_id("LV12ZZZ40003521600");
    /// assert_eq!(record.legal_form(), Some("SIA"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn legal_form(&self) -> Option<&str> {
        self.legal_form.as_deref()
    }

    /// Returns the legal form text.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::RegisterRecord;
    /// use chrono::NaiveDate;
    ///
    /// let record = RegisterRecord::new("40003521600".parse()?, "SIA \"Ziemeļu Rati\"")
    ///     .with_name_in_quotes("Ziemeļu Rati")
    ///     .with_legal_form("SIA", "Sabiedrība ar ierobežotu atbildību")
    ///     .with_registered(NaiveDate::from_ymd_opt(2004, 5, 12))
    ///     .with_address("Rīga, Brīvības iela 101", "LV-1001")
    ///     .with_sepa_creditor_id("LV12ZZZ40003521600");
    /// assert_eq!(record.legal_form_text(), Some("Sabiedrība ar ierobežotu atbildību"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn legal_form_text(&self) -> Option<&str> {
        self.legal_form_text.as_deref()
    }

    /// Returns the registration date.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::RegisterRecord;
    /// use chrono::NaiveDate;
    ///
    /// let record = RegisterRecord::new("40003521600".parse()?, "SIA \"Ziemeļu Rati\"")
    ///     .with_name_in_quotes("Ziemeļu Rati")
    ///     .with_legal_form("SIA", "Sabiedrība ar ierobežotu atbildību")
    ///     .with_registered(NaiveDate::from_ymd_opt(2004, 5, 12))
    ///     .with_address("Rīga, Brīvības iela 101", "LV-1001")
    ///     .with_sepa_creditor_id("LV12ZZZ40003521600");
    /// assert_eq!(record.registered(), NaiveDate::from_ymd_opt(2004, 5, 12));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn registered(&self) -> Option<NaiveDate> {
        self.registered
    }

    /// Returns the termination date.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::RegisterRecord;
    /// use chrono::NaiveDate;
    ///
    /// let record = RegisterRecord::new("40003521600".parse()?, "SIA \"Ziemeļu Rati\"")
    ///     .with_name_in_quotes("Ziemeļu Rati")
    ///     .with_legal_form("SIA", "Sabiedrība ar ierobežotu atbildību")
    ///     .with_registered(NaiveDate::from_ymd_opt(2004, 5, 12))
    ///     .with_address("Rīga, Brīvības iela 101", "LV-1001")
    ///     .with_sepa_creditor_id("LV12ZZZ40003521600");
    /// assert_eq!(record.terminated(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn terminated(&self) -> Option<NaiveDate> {
        self.terminated
    }

    /// Returns the `closed` code.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::RegisterRecord;
    /// use chrono::NaiveDate;
    ///
    /// let record = RegisterRecord::new("40003521600".parse()?, "SIA \"Ziemeļu Rati\"")
    ///     .with_name_in_quotes("Ziemeļu Rati")
    ///     .with_legal_form("SIA", "Sabiedrība ar ierobežotu atbildību")
    ///     .with_registered(NaiveDate::from_ymd_opt(2004, 5, 12))
    ///     .with_address("Rīga, Brīvības iela 101", "LV-1001")
    ///     .with_sepa_creditor_id("LV12ZZZ40003521600");
    /// assert_eq!(record.closed(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn closed(&self) -> Option<&str> {
        self.closed.as_deref()
    }

    /// Returns the legal address.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::RegisterRecord;
    /// use chrono::NaiveDate;
    ///
    /// let record = RegisterRecord::new("40003521600".parse()?, "SIA \"Ziemeļu Rati\"")
    ///     .with_name_in_quotes("Ziemeļu Rati")
    ///     .with_legal_form("SIA", "Sabiedrība ar ierobežotu atbildību")
    ///     .with_registered(NaiveDate::from_ymd_opt(2004, 5, 12))
    ///     .with_address("Rīga, Brīvības iela 101", "LV-1001")
    ///     .with_sepa_creditor_id("LV12ZZZ40003521600");
    /// assert_eq!(record.address(), Some("Rīga, Brīvības iela 101"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn address(&self) -> Option<&str> {
        self.address.as_deref()
    }

    /// Returns the postal index.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::RegisterRecord;
    /// use chrono::NaiveDate;
    ///
    /// let record = RegisterRecord::new("40003521600".parse()?, "SIA \"Ziemeļu Rati\"")
    ///     .with_name_in_quotes("Ziemeļu Rati")
    ///     .with_legal_form("SIA", "Sabiedrība ar ierobežotu atbildību")
    ///     .with_registered(NaiveDate::from_ymd_opt(2004, 5, 12))
    ///     .with_address("Rīga, Brīvības iela 101", "LV-1001")
    ///     .with_sepa_creditor_id("LV12ZZZ40003521600");
    /// assert_eq!(record.postal_index(), Some("LV-1001"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn postal_index(&self) -> Option<&str> {
        self.postal_index.as_deref()
    }

    /// Returns the SEPA creditor identifier.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::RegisterRecord;
    /// use chrono::NaiveDate;
    ///
    /// let record = RegisterRecord::new("40003521600".parse()?, "SIA \"Ziemeļu Rati\"")
    ///     .with_name_in_quotes("Ziemeļu Rati")
    ///     .with_legal_form("SIA", "Sabiedrība ar ierobežotu atbildību")
    ///     .with_registered(NaiveDate::from_ymd_opt(2004, 5, 12))
    ///     .with_address("Rīga, Brīvības iela 101", "LV-1001")
    ///     .with_sepa_creditor_id("LV12ZZZ40003521600");
    /// assert_eq!(record.sepa_creditor_id(), Some("LV12ZZZ40003521600"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sepa_creditor_id(&self) -> Option<&str> {
        self.sepa_creditor_id.as_deref()
    }

    /// Returns the entity's state: terminated when a `terminated` date or `closed` code is
    /// set, in liquidation when the name carries *likvidācijā*, otherwise active.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::RegisterRecord;
    /// use chrono::NaiveDate;
    ///
    /// let record = RegisterRecord::new("40003521600".parse()?, "SIA \"Ziemeļu Rati\"")
    ///     .with_name_in_quotes("Ziemeļu Rati")
    ///     .with_legal_form("SIA", "Sabiedrība ar ierobežotu atbildību")
    ///     .with_registered(NaiveDate::from_ymd_opt(2004, 5, 12))
    ///     .with_address("Rīga, Brīvības iela 101", "LV-1001")
    ///     .with_sepa_creditor_id("LV12ZZZ40003521600");
    /// assert_eq!(record.status(), apkalpe_clients::EntityStatus::Active);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn status(&self) -> EntityStatus {
        if self.terminated.is_some() || self.closed.is_some() {
            return EntityStatus::Terminated {
                on: self.terminated,
                closed: self.closed.clone(),
            };
        }
        if name_tokens(&self.name)
            .iter()
            .any(|token| token == "likvidacija")
        {
            return EntityStatus::InLiquidation;
        }
        EntityStatus::Active
    }
}

impl fmt::Display for RegisterRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "registration number  {}", self.registration_number)?;
        writeln!(f, "name                 {}", self.name)?;
        if let Some(form) = &self.legal_form {
            match &self.legal_form_text {
                Some(text) => writeln!(f, "legal form           {form} ({text})")?,
                None => writeln!(f, "legal form           {form}")?,
            }
        }
        if let Some(date) = self.registered {
            writeln!(f, "registered           {date}")?;
        }
        if let Some(address) = &self.address {
            match &self.postal_index {
                Some(index) => writeln!(f, "address              {address}, {index}")?,
                None => writeln!(f, "address              {address}")?,
            }
        }
        write!(f, "status               {}", self.status())
    }
}
