//! The check of a client against the register: what disagrees, and the verification.

use std::fmt;

use apkalpe_core::RegistrationNumber;
#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use chrono::NaiveDate;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use super::{CompanyRegister, EntityStatus, RegisterRecord};
use crate::client::{Client, ClientId, Identity};
use crate::error::RegisterError;
use crate::text::name_tokens;

/// One way a client's data and the register disagree. Saved with a `kind` tag; deserialised
/// field by field.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{check_number, Discrepancy, RegisterFile};
///
/// let register = RegisterFile::from_reader("regcode;name;type;terminated;closed\n".as_bytes())?.into_register();
/// let verification = check_number(&"40003521600".parse()?, &register)?;
/// assert_eq!(verification.discrepancies(), [Discrepancy::NotFound]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Discrepancy {
    /// The client is a natural person; the commercial register holds organisations.
    NotAnOrganisation,
    /// The client has no registration number to look up.
    NoRegistrationNumber,
    /// The register has no entity with the number.
    NotFound,
    /// The names differ (compared without case, diacritics, quotes and punctuation).
    NameDiffers {
        /// The client's name.
        client: String,
        /// The register's name.
        register: String,
    },
    /// The entity was excluded from the register.
    Terminated {
        /// The termination date.
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        on: Option<NaiveDate>,
        /// The `closed` code.
        #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
        closed: Option<String>,
    },
    /// The entity is in liquidation.
    InLiquidation,
    /// The legal forms differ.
    LegalFormDiffers {
        /// The client's legal form.
        client: String,
        /// The register's legal form.
        register: String,
    },
    /// The VAT number is not `LV` + the registration number (sources §7 \[ID1\]\[ID7\]).
    VatNumberMismatch {
        /// The client's VAT number.
        vat_number: String,
        /// The registration number.
        registration_number: String,
    },
}

impl fmt::Display for Discrepancy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Discrepancy::NotAnOrganisation => f.write_str("the client is a natural person"),
            Discrepancy::NoRegistrationNumber => {
                f.write_str("the client has no registration number")
            }
            Discrepancy::NotFound => f.write_str("not found in the register"),
            Discrepancy::NameDiffers { client, register } => {
                write!(f, "name differs: client {client}, register {register}")
            }
            Discrepancy::Terminated { .. } => f.write_str("the entity is terminated"),
            Discrepancy::InLiquidation => f.write_str("the entity is in liquidation"),
            Discrepancy::LegalFormDiffers { client, register } => {
                write!(
                    f,
                    "legal form differs: client {client}, register {register}"
                )
            }
            Discrepancy::VatNumberMismatch {
                vat_number,
                registration_number,
            } => write!(
                f,
                "vat number {vat_number} does not belong to registration number {registration_number}"
            ),
        }
    }
}

/// The result of checking a client or a number against the commercial register (S30).
///
/// # Saved form
///
/// `{"client", "registration_number", "record", "discrepancies"}`, absent parts left out.
/// Deserialising checks what [`verify`] and [`check_number`] guarantee: a record found is the
/// record of the number looked up; `not_found` is listed exactly when a number was looked up
/// and no record came back; the record's state is listed as it reads (`terminated`,
/// `in_liquidation`); the discrepancies are not empty without a record
/// (`restore.inconsistent`).
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{check_number, RegisterFile};
///
/// let csv = "regcode;name;type;terminated;closed\n40003521600;SIA A;SIA;;\n";
/// let register = RegisterFile::from_reader(csv.as_bytes())?.into_register();
/// assert!(check_number(&"40003521600".parse()?, &register)?.is_confirmed());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "VerificationRecord"))]
pub struct Verification {
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    client: Option<ClientId>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    registration_number: Option<RegistrationNumber>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    record: Option<RegisterRecord>,
    discrepancies: Vec<Discrepancy>,
}

/// The saved form of a [`Verification`], before its checks.
#[derive(Debug)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[cfg(feature = "serde")]
struct VerificationRecord {
    #[cfg_attr(feature = "serde", serde(default))]
    client: Option<ClientId>,
    #[cfg_attr(feature = "serde", serde(default))]
    registration_number: Option<RegistrationNumber>,
    #[cfg_attr(feature = "serde", serde(default))]
    record: Option<RegisterRecord>,
    discrepancies: Vec<Discrepancy>,
}

#[cfg(feature = "serde")]
impl TryFrom<VerificationRecord> for Verification {
    type Error = RestoreError;

    fn try_from(saved: VerificationRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "Verification";
        let inconsistent = |field: &str, reason: &str, latvian: &str| {
            Err(RestoreError::inconsistent(WHAT, field, reason).with_latvian_reason(latvian))
        };
        let listed = |wanted: fn(&Discrepancy) -> bool| saved.discrepancies.iter().any(wanted);
        let not_found = listed(|found| matches!(found, Discrepancy::NotFound));
        match (&saved.record, &saved.registration_number) {
            (Some(record), Some(number)) => {
                if record.registration_number() != number {
                    return inconsistent(
                        "record.registration_number",
                        "the record is the one of the number looked up",
                        "ieraksts ir tā numura ieraksts, kuru meklēja",
                    );
                }
                let (terminated, liquidation) = match record.status() {
                    EntityStatus::Active => (false, false),
                    EntityStatus::InLiquidation => (false, true),
                    EntityStatus::Terminated { .. } => (true, false),
                };
                if listed(|found| matches!(found, Discrepancy::Terminated { .. })) != terminated
                    || listed(|found| matches!(found, Discrepancy::InLiquidation)) != liquidation
                {
                    return inconsistent(
                        "discrepancies",
                        "the record's state is listed as it reads",
                        "ieraksta stāvoklis ir norādīts neatbilstībās tāds, kāds tas ir ierakstā",
                    );
                }
                if not_found {
                    return inconsistent(
                        "discrepancies",
                        "a record was found",
                        "ieraksts tika atrasts",
                    );
                }
            }
            (Some(_), None) => {
                return inconsistent(
                    "registration_number",
                    "a record comes from looking up a registration number",
                    "ierakstu iegūst, meklējot reģistrācijas numuru",
                );
            }
            (None, Some(_)) => {
                if !not_found {
                    return inconsistent(
                        "discrepancies",
                        "a number without a record is listed as not found",
                        "numurs bez ieraksta ir norādīts kā neatrasts",
                    );
                }
            }
            (None, None) => {
                if not_found || saved.discrepancies.is_empty() {
                    return inconsistent(
                        "discrepancies",
                        "without a number the client is not an organisation or has no number",
                        "bez numura klients nav organizācija vai tam nav numura",
                    );
                }
            }
        }
        Ok(Verification {
            client: saved.client,
            registration_number: saved.registration_number,
            record: saved.record,
            discrepancies: saved.discrepancies,
        })
    }
}

impl Verification {
    /// Returns the client checked, if a client was.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{check_number, RegisterFile};
    ///
    /// let csv = "regcode;name;type;terminated;closed\n40003521600;SIA \"Ziemeļu Rati\";SIA;2023-06-30;L\n";
    /// let register = RegisterFile::from_reader(csv.as_bytes())?.into_register();
    /// let verification = check_number(&"40003521600".parse()?, &register)?;
    /// assert_eq!(verification.client(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn client(&self) -> Option<ClientId> {
        self.client
    }

    /// Returns the number looked up.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{check_number, RegisterFile};
    ///
    /// let csv = "regcode;name;type;terminated;closed\n40003521600;SIA \"Ziemeļu Rati\";SIA;2023-06-30;L\n";
    /// let register = RegisterFile::from_reader(csv.as_bytes())?.into_register();
    /// let verification = check_number(&"40003521600".parse()?, &register)?;
    /// assert_eq!(verification.registration_number().map(ToString::to_string).as_deref(), Some("40003521600"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn registration_number(&self) -> Option<&RegistrationNumber> {
        self.registration_number.as_ref()
    }

    /// Returns the register's record, if found.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{check_number, RegisterFile};
    ///
    /// let csv = "regcode;name;type;terminated;closed\n40003521600;SIA \"Ziemeļu Rati\";SIA;2023-06-30;L\n";
    /// let register = RegisterFile::from_reader(csv.as_bytes())?.into_register();
    /// let verification = check_number(&"40003521600".parse()?, &register)?;
    /// assert!(verification.record().is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn record(&self) -> Option<&RegisterRecord> {
        self.record.as_ref()
    }

    /// Returns the discrepancies, in a fixed order.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{check_number, RegisterFile};
    ///
    /// let csv = "regcode;name;type;terminated;closed\n40003521600;SIA \"Ziemeļu Rati\";SIA;2023-06-30;L\n";
    /// let register = RegisterFile::from_reader(csv.as_bytes())?.into_register();
    /// let verification = check_number(&"40003521600".parse()?, &register)?;
    /// assert!(matches!(verification.discrepancies()[0], apkalpe_clients::Discrepancy::Terminated { .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn discrepancies(&self) -> &[Discrepancy] {
        &self.discrepancies
    }

    /// Tells whether the register confirms the data: found, active, nothing differs.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{check_number, RegisterFile};
    ///
    /// let csv = "regcode;name;type;terminated;closed\n40003521600;SIA \"Ziemeļu Rati\";SIA;2023-06-30;L\n";
    /// let register = RegisterFile::from_reader(csv.as_bytes())?.into_register();
    /// let verification = check_number(&"40003521600".parse()?, &register)?;
    /// assert!(!verification.is_confirmed());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_confirmed(&self) -> bool {
        self.discrepancies.is_empty()
    }
}

impl fmt::Display for Verification {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.record, &self.registration_number) {
            (Some(record), _) => writeln!(f, "{record}")?,
            (None, Some(number)) => writeln!(f, "registration number  {number}")?,
            (None, None) => {}
        }
        if self.discrepancies.is_empty() {
            return f.write_str("verdict              confirmed");
        }
        let count = self.discrepancies.len();
        write!(
            f,
            "verdict              {count} discrepanc{}",
            if count == 1 { "y" } else { "ies" }
        )?;
        for discrepancy in &self.discrepancies {
            write!(f, "\n  - {discrepancy}")?;
        }
        Ok(())
    }
}

/// Adds the status discrepancies of a record.
fn status_discrepancies(record: &RegisterRecord, discrepancies: &mut Vec<Discrepancy>) {
    match record.status() {
        EntityStatus::Active => {}
        EntityStatus::InLiquidation => discrepancies.push(Discrepancy::InLiquidation),
        EntityStatus::Terminated { on, closed } => {
            discrepancies.push(Discrepancy::Terminated { on, closed });
        }
    }
}

/// Looks a bare registration number up: the record and whether the entity is active (what
/// `desk company` prints).
///
/// # Errors
///
/// Whatever the register's [`CompanyRegister::look_up`] returns.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{check_number, RegisterFile};
/// use apkalpe_core::RegistrationNumber;
///
/// let register = RegisterFile::from_reader("regcode;name;type;terminated;closed\n".as_bytes())?.into_register();
/// let verdict = check_number(&RegistrationNumber::try_new("40003521600")?, &register)?;
/// assert_eq!(verdict.to_string(), "registration number  40003521600\nverdict              1 discrepancy\n  - not found in the register");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn check_number(
    number: &RegistrationNumber,
    register: &impl CompanyRegister,
) -> Result<Verification, RegisterError> {
    let record = register.look_up(number)?;
    let mut discrepancies = Vec::new();
    match &record {
        None => discrepancies.push(Discrepancy::NotFound),
        Some(record) => status_discrepancies(record, &mut discrepancies),
    }
    Ok(Verification {
        client: None,
        registration_number: Some(*number),
        record,
        discrepancies,
    })
}

/// Checks an organisation client against the commercial register (S30) and lists every
/// discrepancy: not a natural person's business, no number, not found, name differs,
/// terminated or in liquidation, legal form differs, VAT number not `LV` + the registration
/// number.
///
/// Names match when, folded (case, Latvian diacritics, quotes and punctuation ignored), the
/// client's name equals the register's name inside the quotes or its full name, or the
/// client's `FORM "name"` equals the full name.
///
/// # Errors
///
/// Whatever the register's [`CompanyRegister::look_up`] returns.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{verify, ClientDetails, ClientId, ClientRegistry, LegalForm, Organisation, RegisterFile};
/// use apkalpe_core::{RegistrationNumber, VatNumber};
/// use chrono::{TimeZone, Utc};
/// use uuid::Uuid;
///
/// let csv = "regcode;name;name_in_quotes;type;terminated;closed\n40003521600;\"SIA \"\"Ziemeļu Rati\"\"\";Ziemeļu Rati;SIA;;\n";
/// let register = RegisterFile::from_reader(csv.as_bytes())?.into_register();
/// let mut registry = ClientRegistry::new();
/// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
/// let id = registry.register(ClientId::new(Uuid::from_u128(1)), ClientDetails::organisation(
///     Organisation::try_new("Ziemelu rati")?.with_legal_form(LegalForm::try_new("SIA")?)
///         .with_registration_number(RegistrationNumber::try_new("40003521600")?)
///         .with_vat_number(VatNumber::try_new("LV40003584818")?)), at)?.id();
/// let report = verify(registry.get(id).unwrap(), &register)?;
/// assert_eq!(report.discrepancies().len(), 1);
/// assert!(report.to_string().ends_with("vat number LV40003584818 does not belong to registration number 40003521600"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn verify(
    client: &Client,
    register: &impl CompanyRegister,
) -> Result<Verification, RegisterError> {
    let Identity::Organisation(organisation) = client.identity() else {
        return Ok(Verification {
            client: Some(client.id()),
            registration_number: None,
            record: None,
            discrepancies: vec![Discrepancy::NotAnOrganisation],
        });
    };
    let Some(number) = organisation.registration_number() else {
        return Ok(Verification {
            client: Some(client.id()),
            registration_number: None,
            record: None,
            discrepancies: vec![Discrepancy::NoRegistrationNumber],
        });
    };
    let mut verification = check_number(number, register)?;
    verification.client = Some(client.id());
    let mut discrepancies = Vec::new();
    if let Some(record) = &verification.record {
        let folded = |text: &str| name_tokens(text).join(" ");
        let register_full = folded(record.name());
        let client_name = folded(organisation.name());
        let matches = client_name == register_full
            || record
                .name_in_quotes()
                .is_some_and(|quoted| folded(quoted) == client_name)
            || folded(&organisation.display_name()) == register_full;
        if !matches {
            discrepancies.push(Discrepancy::NameDiffers {
                client: organisation.display_name(),
                register: record.name().to_owned(),
            });
        }
    }
    discrepancies.append(&mut verification.discrepancies);
    if let (Some(record), Some(form)) = (&verification.record, organisation.legal_form())
        && let Some(register_form) = record.legal_form()
        && !form.as_str().eq_ignore_ascii_case(register_form)
    {
        discrepancies.push(Discrepancy::LegalFormDiffers {
            client: form.to_string(),
            register: register_form.to_owned(),
        });
    }
    if let Some(vat) = organisation.vat_number()
        && vat.to_registration_number().as_ref() != Some(number)
    {
        discrepancies.push(Discrepancy::VatNumberMismatch {
            vat_number: vat.to_string(),
            registration_number: number.to_string(),
        });
    }
    verification.discrepancies = discrepancies;
    Ok(verification)
}

#[cfg(test)]
mod tests {
    /// Restoring is what these tests check.
    #[cfg(feature = "serde")]
    mod restore {
        use super::super::*;
        use apkalpe_core::{Language, LocalizedError};
        use serde_json::{Value, json};

        /// A register that knows one record.
        struct One(RegisterRecord);

        impl CompanyRegister for One {
            fn look_up(
                &self,
                number: &RegistrationNumber,
            ) -> Result<Option<RegisterRecord>, RegisterError> {
                Ok((self.0.registration_number() == number).then(|| self.0.clone()))
            }
        }

        /// Restores `value` through the saved record and its checks, as `Verification`'s
        /// `Deserialize` does, and returns the refusal's English and Latvian messages; the
        /// English one is the text the public `Deserialize` gives (serde carries only that).
        fn refusal(value: Value) -> (String, String) {
            let public = serde_json::from_value::<Verification>(value.clone())
                .unwrap_err()
                .to_string();
            let record: VerificationRecord = serde_json::from_value(value).unwrap();
            let error = Verification::try_from(record).unwrap_err();
            assert_eq!(error.to_string(), public);
            (public, error.message_in(Language::Latvian))
        }

        /// Decision 0007: a restore failure reads in Latvian with its reason in Latvian, not the
        /// English reason inside a Latvian frame (the integration test
        /// `restore_reasons_are_written_in_latvian_too` checks that every place has one).
        #[test]
        fn restore_failures_read_in_latvian() {
            let number = RegistrationNumber::try_new("40003521600").unwrap();
            let other = RegistrationNumber::try_new("40003584818").unwrap();
            let register =
                One(RegisterRecord::new(number, "SIA \"Ziemeļu Rati\"").with_closed("L"));
            let found = serde_json::to_value(check_number(&number, &register).unwrap()).unwrap();
            let missing = serde_json::to_value(check_number(&other, &register).unwrap()).unwrap();
            let mut unlisted = found.clone();
            unlisted["discrepancies"] = json!([]);
            let mut looked_up = found;
            looked_up["registration_number"] = json!("40003584818");
            let mut not_listed = missing;
            not_listed["discrepancies"] = json!([]);
            let cases = [
                (
                    unlisted,
                    "the record's state is listed as it reads",
                    "restore.inconsistent: nevar atjaunot Verification: discrepancies: \
                     ieraksta stāvoklis ir norādīts neatbilstībās tāds, kāds tas ir ierakstā",
                ),
                (
                    looked_up,
                    "the record is the one of the number looked up",
                    "restore.inconsistent: nevar atjaunot Verification: record.registration_number: \
                     ieraksts ir tā numura ieraksts, kuru meklēja",
                ),
                (
                    not_listed,
                    "a number without a record is listed as not found",
                    "restore.inconsistent: nevar atjaunot Verification: discrepancies: \
                     numurs bez ieraksta ir norādīts kā neatrasts",
                ),
            ];
            for (value, english, latvian) in cases {
                let (public, message) = refusal(value);
                assert!(public.ends_with(english), "{public}");
                assert_eq!(message, latvian);
                assert!(!message.contains(english), "{message}");
            }
        }
    }
}
