//! Who and what the register is: [`RegisterIdentity`], printed on every receipt and report.

use apkalpe_core::CountryCode;
#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use super::error::*;

/// Who and what the register is: the data every receipt and report prints (`docs/sources.md` §13.2).
///
/// # Examples
///
/// ```
/// use apkalpe_payments::RegisterIdentity;
/// use apkalpe_core::CountryCode;
///
/// let identity = RegisterIdentity::try_new(
///     "SIA Apkalpe Demo", "40003521600", "Brīvības iela 1, Rīga", "KA-000123", "FM-7781", CountryCode::LV,
/// )?;
/// assert_eq!(identity.country(), CountryCode::LV);
/// # Ok::<(), apkalpe_payments::RegisterError>(())
/// ```
///
/// It deserializes through [`RegisterIdentity::try_new`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "IdentityRecord"))]
pub struct RegisterIdentity {
    pub(super) taxpayer_name: String,
    pub(super) taxpayer_number: String,
    pub(super) outlet_address: String,
    pub(super) device_serial: String,
    pub(super) fiscal_module: String,
    pub(super) country: CountryCode,
}

/// The saved form of a [`RegisterIdentity`].
#[cfg(feature = "serde")]
#[derive(Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(super) struct IdentityRecord {
    pub(super) taxpayer_name: String,
    pub(super) taxpayer_number: String,
    pub(super) outlet_address: String,
    pub(super) device_serial: String,
    pub(super) fiscal_module: String,
    pub(super) country: CountryCode,
}

#[cfg(feature = "serde")]
impl TryFrom<IdentityRecord> for RegisterIdentity {
    type Error = RestoreError;

    fn try_from(record: IdentityRecord) -> Result<Self, Self::Error> {
        RegisterIdentity::try_new(
            &record.taxpayer_name,
            &record.taxpayer_number,
            &record.outlet_address,
            &record.device_serial,
            &record.fiscal_module,
            record.country,
        )
        .map_err(|error| {
            let field = match error {
                RegisterError::Empty {
                    field: "taxpayer name",
                } => "taxpayer_name",
                RegisterError::Empty {
                    field: "taxpayer number",
                } => "taxpayer_number",
                RegisterError::Empty {
                    field: "outlet address",
                } => "outlet_address",
                RegisterError::Empty {
                    field: "device serial number",
                } => "device_serial",
                _ => "fiscal_module",
            };
            RestoreError::invalid("RegisterIdentity", field, error)
        })
    }
}

impl RegisterIdentity {
    /// Creates the identity. `country` picks the cash-rounding rule (the outlet's country).
    ///
    /// # Errors
    ///
    /// [`RegisterError::Empty`] for a blank field.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::CountryCode;
    /// use apkalpe_payments::RegisterIdentity;
    ///
    /// let identity = RegisterIdentity::try_new(
    ///     "SIA Apkalpe Demo", "40003521600", "Brīvības iela 1, Rīga", "KA-000123", "FM-7781", CountryCode::LV,
    /// )?;
    /// assert_eq!(identity.taxpayer_number(), "40003521600");
    /// let error = RegisterIdentity::try_new(" ", "1", "a", "s", "f", CountryCode::LV).unwrap_err();
    /// assert_eq!(error.code(), "register.empty");
    /// # Ok::<(), apkalpe_payments::RegisterError>(())
    /// ```
    pub fn try_new(
        taxpayer_name: &str,
        taxpayer_number: &str,
        outlet_address: &str,
        device_serial: &str,
        fiscal_module: &str,
        country: CountryCode,
    ) -> Result<Self, RegisterError> {
        Ok(RegisterIdentity {
            taxpayer_name: non_empty(taxpayer_name, "taxpayer name")?,
            taxpayer_number: non_empty(taxpayer_number, "taxpayer number")?,
            outlet_address: non_empty(outlet_address, "outlet address")?,
            device_serial: non_empty(device_serial, "device serial number")?,
            fiscal_module: non_empty(fiscal_module, "fiscal module code")?,
            country,
        })
    }

    /// Returns the taxpayer's name.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::CountryCode;
    /// use apkalpe_payments::RegisterIdentity;
    ///
    /// let identity = RegisterIdentity::try_new(
    ///     "SIA Apkalpe Demo", "40003521600", "Brīvības iela 1, Rīga", "KA-000123", "FM-7781", CountryCode::LV,
    /// )?;
    /// assert_eq!(identity.taxpayer_name(), "SIA Apkalpe Demo");
    /// # Ok::<(), apkalpe_payments::RegisterError>(())
    /// ```
    pub fn taxpayer_name(&self) -> &str {
        &self.taxpayer_name
    }

    /// Returns the taxpayer's registration or VAT number.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::CountryCode;
    /// use apkalpe_payments::RegisterIdentity;
    ///
    /// let identity = RegisterIdentity::try_new(
    ///     "SIA Apkalpe Demo", "40003521600", "Brīvības iela 1, Rīga", "KA-000123", "FM-7781", CountryCode::LV,
    /// )?;
    /// assert_eq!(identity.taxpayer_number(), "40003521600");
    /// # Ok::<(), apkalpe_payments::RegisterError>(())
    /// ```
    pub fn taxpayer_number(&self) -> &str {
        &self.taxpayer_number
    }

    /// Returns the outlet's address.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::CountryCode;
    /// use apkalpe_payments::RegisterIdentity;
    ///
    /// let identity = RegisterIdentity::try_new(
    ///     "SIA Apkalpe Demo", "40003521600", "Brīvības iela 1, Rīga", "KA-000123", "FM-7781", CountryCode::LV,
    /// )?;
    /// assert_eq!(identity.outlet_address(), "Brīvības iela 1, Rīga");
    /// # Ok::<(), apkalpe_payments::RegisterError>(())
    /// ```
    pub fn outlet_address(&self) -> &str {
        &self.outlet_address
    }

    /// Returns the device's serial (chassis) number.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::CountryCode;
    /// use apkalpe_payments::RegisterIdentity;
    ///
    /// let identity = RegisterIdentity::try_new(
    ///     "SIA Apkalpe Demo", "40003521600", "Brīvības iela 1, Rīga", "KA-000123", "FM-7781", CountryCode::LV,
    /// )?;
    /// assert_eq!(identity.device_serial(), "KA-000123");
    /// # Ok::<(), apkalpe_payments::RegisterError>(())
    /// ```
    pub fn device_serial(&self) -> &str {
        &self.device_serial
    }

    /// Returns the fiscal memory module's code.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::CountryCode;
    /// use apkalpe_payments::RegisterIdentity;
    ///
    /// let identity = RegisterIdentity::try_new(
    ///     "SIA Apkalpe Demo", "40003521600", "Brīvības iela 1, Rīga", "KA-000123", "FM-7781", CountryCode::LV,
    /// )?;
    /// assert_eq!(identity.fiscal_module(), "FM-7781");
    /// # Ok::<(), apkalpe_payments::RegisterError>(())
    /// ```
    pub fn fiscal_module(&self) -> &str {
        &self.fiscal_module
    }

    /// Returns the outlet's country.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::CountryCode;
    /// use apkalpe_payments::RegisterIdentity;
    ///
    /// let identity = RegisterIdentity::try_new(
    ///     "SIA Apkalpe Demo", "40003521600", "Brīvības iela 1, Rīga", "KA-000123", "FM-7781", CountryCode::LV,
    /// )?;
    /// assert_eq!(identity.country(), CountryCode::LV);
    /// # Ok::<(), apkalpe_payments::RegisterError>(())
    /// ```
    pub fn country(&self) -> CountryCode {
        self.country
    }
}
