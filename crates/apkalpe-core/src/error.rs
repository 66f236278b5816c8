//! The crate's root error, [`CoreError`], which every narrower error converts into.

use std::fmt;

use crate::rounding::RoundingError;
use crate::{
    CalendarError, CashRoundingError, LocalizedTextError, MoneyError, NumberSeriesError,
    ParseCountryCodeError, ParseCreditorReferenceError, ParseCurrencyError, ParseEmailAddressError,
    ParseIbanError, ParseLanguageError, ParseMoneyError, ParseNumberPatternError, ParsePeriodError,
    ParsePersonalCodeError, ParsePhoneNumberError, ParseRegistrationNumberError,
    ParseRetentionPeriodError, ParseVatNumberError, PartyError, RetentionError, VatError,
    WordsError,
};
use crate::{Language, LocalizedError, RestoreError};

/// Any error of `apkalpe-core`.
///
/// Functions return the narrow error of their operation (`ParseIbanError`, `MoneyError`) so
/// callers can branch on it; `CoreError` gathers them for callers that only pass errors on
/// with `?`. Every error has a stable code from [`CoreError::code`], the same code as the
/// narrow error's own `code()`, and a message in English and Latvian through
/// [`LocalizedError`].
///
/// # Examples
///
/// ```
/// use apkalpe_core::{CoreError, Currency, Money};
///
/// fn total(a: &str, b: &str) -> Result<Money, CoreError> {
///     let a = Money::parse(a, Currency::EUR)?;
///     let b = Money::parse(b, Currency::EUR)?;
///     Ok(a.checked_add(b)?)
/// }
/// assert_eq!(total("1,20", "2,30")?.to_string(), "3.50 EUR");
/// assert_eq!(total("1,20", "x").unwrap_err().code(), "amount.unexpected_character");
/// # Ok::<(), CoreError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CoreError {
    /// See [`MoneyError`].
    #[error(transparent)]
    Money(#[from] MoneyError),
    /// See [`ParseMoneyError`].
    #[error(transparent)]
    ParseMoney(#[from] ParseMoneyError),
    /// See [`ParseCurrencyError`].
    #[error(transparent)]
    ParseCurrency(#[from] ParseCurrencyError),
    /// See [`RoundingError`].
    #[error(transparent)]
    Rounding(#[from] RoundingError),
    /// See [`CashRoundingError`].
    #[error(transparent)]
    CashRounding(#[from] CashRoundingError),
    /// See [`VatError`].
    #[error(transparent)]
    Vat(#[from] VatError),
    /// See [`ParseCountryCodeError`].
    #[error(transparent)]
    ParseCountryCode(#[from] ParseCountryCodeError),
    /// See [`ParseLanguageError`].
    #[error(transparent)]
    ParseLanguage(#[from] ParseLanguageError),
    /// See [`LocalizedTextError`].
    #[error(transparent)]
    LocalizedText(#[from] LocalizedTextError),
    /// See [`ParsePersonalCodeError`].
    #[error(transparent)]
    ParsePersonalCode(#[from] ParsePersonalCodeError),
    /// See [`ParseRegistrationNumberError`].
    #[error(transparent)]
    ParseRegistrationNumber(#[from] ParseRegistrationNumberError),
    /// See [`ParseVatNumberError`].
    #[error(transparent)]
    ParseVatNumber(#[from] ParseVatNumberError),
    /// See [`ParseIbanError`].
    #[error(transparent)]
    ParseIban(#[from] ParseIbanError),
    /// See [`ParseCreditorReferenceError`].
    #[error(transparent)]
    ParseCreditorReference(#[from] ParseCreditorReferenceError),
    /// See [`CalendarError`].
    #[error(transparent)]
    Calendar(#[from] CalendarError),
    /// See [`ParsePeriodError`].
    #[error(transparent)]
    ParsePeriod(#[from] ParsePeriodError),
    /// See [`WordsError`].
    #[error(transparent)]
    Words(#[from] WordsError),
    /// See [`PartyError`].
    #[error(transparent)]
    Party(#[from] PartyError),
    /// See [`ParseEmailAddressError`].
    #[error(transparent)]
    ParseEmailAddress(#[from] ParseEmailAddressError),
    /// See [`ParsePhoneNumberError`].
    #[error(transparent)]
    ParsePhoneNumber(#[from] ParsePhoneNumberError),
    /// See [`NumberSeriesError`].
    #[error(transparent)]
    NumberSeries(#[from] NumberSeriesError),
    /// See [`ParseNumberPatternError`].
    #[error(transparent)]
    ParseNumberPattern(#[from] ParseNumberPatternError),
    /// See [`RestoreError`].
    #[error(transparent)]
    Restore(#[from] RestoreError),
    /// See [`RetentionError`].
    #[error(transparent)]
    Retention(#[from] RetentionError),
    /// See [`ParseRetentionPeriodError`].
    #[error(transparent)]
    ParseRetentionPeriod(#[from] ParseRetentionPeriodError),
}

impl CoreError {
    /// Returns the stable error code, such as `iban.checksum` or `money.currency_mismatch`.
    /// Codes are never renamed or reused.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CoreError, Iban};
    ///
    /// let error: CoreError = "LV80".parse::<Iban>().unwrap_err().into();
    /// assert_eq!(error.code(), "iban.length");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            CoreError::Money(error) => error.code(),
            CoreError::ParseMoney(error) => error.code(),
            CoreError::ParseCurrency(error) => error.code(),
            CoreError::Rounding(error) => error.code(),
            CoreError::CashRounding(error) => error.code(),
            CoreError::Vat(error) => error.code(),
            CoreError::ParseCountryCode(error) => error.code(),
            CoreError::ParseLanguage(error) => error.code(),
            CoreError::LocalizedText(error) => error.code(),
            CoreError::ParsePersonalCode(error) => error.code(),
            CoreError::ParseRegistrationNumber(error) => error.code(),
            CoreError::ParseVatNumber(error) => error.code(),
            CoreError::ParseIban(error) => error.code(),
            CoreError::ParseCreditorReference(error) => error.code(),
            CoreError::Calendar(error) => error.code(),
            CoreError::ParsePeriod(error) => error.code(),
            CoreError::Words(error) => error.code(),
            CoreError::Party(error) => error.code(),
            CoreError::ParseEmailAddress(error) => error.code(),
            CoreError::ParsePhoneNumber(error) => error.code(),
            CoreError::NumberSeries(error) => error.code(),
            CoreError::ParseNumberPattern(error) => error.code(),
            CoreError::Restore(error) => error.code(),
            CoreError::Retention(error) => error.code(),
            CoreError::ParseRetentionPeriod(error) => error.code(),
        }
    }
}

impl LocalizedError for CoreError {
    fn code(&self) -> &'static str {
        CoreError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CoreError::Money(error) => error.fmt_in(language, f),
            CoreError::ParseMoney(error) => error.fmt_in(language, f),
            CoreError::ParseCurrency(error) => error.fmt_in(language, f),
            CoreError::Rounding(error) => error.fmt_in(language, f),
            CoreError::CashRounding(error) => error.fmt_in(language, f),
            CoreError::Vat(error) => error.fmt_in(language, f),
            CoreError::ParseCountryCode(error) => error.fmt_in(language, f),
            CoreError::ParseLanguage(error) => error.fmt_in(language, f),
            CoreError::LocalizedText(error) => error.fmt_in(language, f),
            CoreError::ParsePersonalCode(error) => error.fmt_in(language, f),
            CoreError::ParseRegistrationNumber(error) => error.fmt_in(language, f),
            CoreError::ParseVatNumber(error) => error.fmt_in(language, f),
            CoreError::ParseIban(error) => error.fmt_in(language, f),
            CoreError::ParseCreditorReference(error) => error.fmt_in(language, f),
            CoreError::Calendar(error) => error.fmt_in(language, f),
            CoreError::ParsePeriod(error) => error.fmt_in(language, f),
            CoreError::Words(error) => error.fmt_in(language, f),
            CoreError::Party(error) => error.fmt_in(language, f),
            CoreError::ParseEmailAddress(error) => error.fmt_in(language, f),
            CoreError::ParsePhoneNumber(error) => error.fmt_in(language, f),
            CoreError::NumberSeries(error) => error.fmt_in(language, f),
            CoreError::ParseNumberPattern(error) => error.fmt_in(language, f),
            CoreError::Restore(error) => error.fmt_in(language, f),
            CoreError::Retention(error) => error.fmt_in(language, f),
            CoreError::ParseRetentionPeriod(error) => error.fmt_in(language, f),
        }
    }
}
