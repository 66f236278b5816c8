//! The crate's root error, [`PaymentsError`], which every narrower error converts into.

use apkalpe_core::RestoreError;

use crate::{
    CardPaymentError, CashError, CashLimitError, EpcQrError, FiscalDeviceError, ParseBicError,
    ParseCardExpiryError, ParseCardNumberError, ParseMaskedPanError, ParseTerminalIdError,
    ReceivableError, ReceivablesCsvError, RegisterError, StatementError, TerminalError,
};

/// Any error of `apkalpe-payments`.
///
/// Each variant boxes its error, so `PaymentsError` is two words wide and callers' `Result`s
/// stay small.
///
/// Functions return the narrow error of their operation ([`CashError`],
/// [`ParseCardNumberError`], …) so callers can branch on it; `PaymentsError` gathers them for
/// callers that pass errors on with `?`. [`PaymentsError::code`] returns the narrow error's
/// stable code.
///
/// # Examples
///
/// ```
/// use apkalpe_payments::{CardNumber, PaymentsError};
///
/// fn masked(text: &str) -> Result<String, PaymentsError> {
///     Ok(text.parse::<CardNumber>()?.masked().to_string())
/// }
/// assert_eq!(masked("5555555555554444")?, "555555******4444");
/// assert_eq!(masked("5555555555554445").unwrap_err().code(), "card.checksum");
/// # Ok::<(), PaymentsError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PaymentsError {
    /// See [`ParseCardNumberError`].
    #[error(transparent)]
    CardNumber(Box<ParseCardNumberError>),
    /// See [`ParseMaskedPanError`].
    #[error(transparent)]
    MaskedPan(Box<ParseMaskedPanError>),
    /// See [`ParseCardExpiryError`].
    #[error(transparent)]
    CardExpiry(Box<ParseCardExpiryError>),
    /// See [`ParseTerminalIdError`].
    #[error(transparent)]
    TerminalId(Box<ParseTerminalIdError>),
    /// See [`TerminalError`].
    #[error(transparent)]
    Terminal(Box<TerminalError>),
    /// See [`CardPaymentError`].
    #[error(transparent)]
    CardPayment(Box<CardPaymentError>),
    /// See [`CashError`].
    #[error(transparent)]
    Cash(Box<CashError>),
    /// See [`CashLimitError`].
    #[error(transparent)]
    CashLimit(Box<CashLimitError>),
    /// See [`ParseBicError`].
    #[error(transparent)]
    Bic(Box<ParseBicError>),
    /// See [`EpcQrError`].
    #[error(transparent)]
    EpcQr(Box<EpcQrError>),
    /// See [`RegisterError`].
    #[error(transparent)]
    Register(Box<RegisterError>),
    /// See [`FiscalDeviceError`].
    #[error(transparent)]
    FiscalDevice(Box<FiscalDeviceError>),
    /// See [`ReceivableError`].
    #[error(transparent)]
    Receivable(Box<ReceivableError>),
    /// See [`ReceivablesCsvError`].
    #[error(transparent)]
    ReceivablesCsv(Box<ReceivablesCsvError>),
    /// See [`StatementError`].
    #[error(transparent)]
    Statement(Box<StatementError>),
    /// An error of `apkalpe-core` (parsing an IBAN, a reference, an amount; money arithmetic).
    #[error(transparent)]
    Core(Box<apkalpe_core::CoreError>),
    /// A saved value (a ledger, a shift, a register) that breaks an invariant of its type: the
    /// error of every `Deserialize` of this crate. Its code is the problem's
    /// (`restore.inconsistent`, …).
    #[error(transparent)]
    Restore(Box<RestoreError>),
}

impl PaymentsError {
    /// Returns the stable error code.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::{CardExpiry, PaymentsError};
    ///
    /// let error: PaymentsError = "13/30".parse::<CardExpiry>().unwrap_err().into();
    /// assert_eq!(error.code(), "card_expiry.month");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            PaymentsError::CardNumber(error) => error.code(),
            PaymentsError::MaskedPan(error) => error.code(),
            PaymentsError::CardExpiry(error) => error.code(),
            PaymentsError::TerminalId(error) => error.code(),
            PaymentsError::Terminal(error) => error.code(),
            PaymentsError::CardPayment(error) => error.code(),
            PaymentsError::Cash(error) => error.code(),
            PaymentsError::CashLimit(error) => error.code(),
            PaymentsError::Bic(error) => error.code(),
            PaymentsError::EpcQr(error) => error.code(),
            PaymentsError::Register(error) => error.code(),
            PaymentsError::FiscalDevice(error) => error.code(),
            PaymentsError::Receivable(error) => error.code(),
            PaymentsError::ReceivablesCsv(error) => error.code(),
            PaymentsError::Statement(error) => error.code(),
            PaymentsError::Core(error) => error.code(),
            PaymentsError::Restore(error) => error.code(),
        }
    }
}

macro_rules! boxed {
    ($($variant:ident($error:ty)),* $(,)?) => {
        $(
            impl From<$error> for PaymentsError {
                fn from(error: $error) -> Self {
                    PaymentsError::$variant(Box::new(error))
                }
            }
        )*
    };
}

boxed!(
    CardNumber(ParseCardNumberError),
    MaskedPan(ParseMaskedPanError),
    CardExpiry(ParseCardExpiryError),
    TerminalId(ParseTerminalIdError),
    Terminal(TerminalError),
    CardPayment(CardPaymentError),
    Cash(CashError),
    CashLimit(CashLimitError),
    Bic(ParseBicError),
    EpcQr(EpcQrError),
    Register(RegisterError),
    FiscalDevice(FiscalDeviceError),
    Receivable(ReceivableError),
    ReceivablesCsv(ReceivablesCsvError),
    Statement(StatementError),
    Core(apkalpe_core::CoreError),
    Restore(RestoreError),
);

macro_rules! via_core {
    ($($error:ty),* $(,)?) => {
        $(
            impl From<$error> for PaymentsError {
                fn from(error: $error) -> Self {
                    PaymentsError::Core(Box::new(error.into()))
                }
            }
        )*
    };
}

via_core!(
    apkalpe_core::MoneyError,
    apkalpe_core::ParseMoneyError,
    apkalpe_core::ParseIbanError,
    apkalpe_core::ParseCreditorReferenceError,
    apkalpe_core::CashRoundingError,
    apkalpe_core::VatError,
    apkalpe_core::ParseCurrencyError,
);
