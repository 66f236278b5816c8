//! Errors in the reader's language: the trait every Apkalpe error implements, and the way
//! back to it from a `Box<dyn Error>`.
//!
//! Decision 0007 (`docs/decisions/0007-errors-in-two-languages.md` in the repository) records
//! why the design is this one; this page is enough to use it.

use std::error::Error;
use std::fmt;

use crate::Language;

/// An error with a stable code and a message in a requested [`Language`]: the trait every
/// error of every Apkalpe crate implements.
///
/// - [`code`](LocalizedError::code) is the stable dotted code (`iban.checksum`): programs
///   branch on it, and it is the same in every language. Codes are never renamed or reused.
/// - [`fmt_in`](LocalizedError::fmt_in) writes the message in a language. English is the
///   error's `Display` text (lower case, no trailing period); Latvian is written by hand for
///   every variant, with the variant's fields, in the same register ("IBAN kontrolcipari
///   nesakrīt"). German and Russian fall back to the English text for now: an error's
///   message is for the specialist and the integrator, not for the client.
/// - [`message_in`](LocalizedError::message_in) returns the message as a `String`.
///
/// The trait is object safe, and every implementor is `Send + Sync + 'static`, so a
/// `Box<dyn LocalizedError>` takes any Apkalpe error through `?` and still answers with the
/// code and both messages. A `Box<dyn Error>` made elsewhere gives the trait object back
/// through [`find_localized`].
///
/// Every implementor implements [`HasCode`](crate::HasCode) too, so a
/// [`RestoreError`](crate::RestoreError) can wrap it.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Iban, Language, LocalizedError};
///
/// let error = "LV81BANK0000435195001".parse::<Iban>().unwrap_err();
/// assert_eq!(LocalizedError::code(&error), "iban.checksum");
/// assert_eq!(error.message_in(Language::English), "iban check digits do not match");
/// assert_eq!(error.message_in(Language::Latvian), "IBAN kontrolcipari nesakrīt");
/// // German and Russian fall back to English.
/// assert_eq!(error.message_in(Language::German), error.to_string());
/// ```
///
/// # Example: any Apkalpe error through `?`
///
/// ```
/// use apkalpe_core::{Currency, Iban, Language, LocalizedError, Money};
///
/// fn check(iban: &str, amount: &str) -> Result<(Iban, Money), Box<dyn LocalizedError>> {
///     Ok((iban.parse::<Iban>()?, Money::parse(amount, Currency::EUR)?))
/// }
/// let error = check("LV80BANK0000435195001", "12,345").unwrap_err();
/// assert_eq!(error.code(), "amount.too_many_decimals");
/// assert_eq!(error.message_in(Language::Latvian), "aiz komata ir 3 cipari, EUR atļauj 2");
/// ```
pub trait LocalizedError: Error + Send + Sync + 'static {
    /// Returns the stable code, such as `iban.checksum`: the same code as the error type's
    /// own `code()` method.
    fn code(&self) -> &'static str;

    /// Writes the message in `language`: English is the `Display` text; Latvian is
    /// translated; German and Russian fall back to English.
    ///
    /// # Errors
    ///
    /// Only the formatter's own error.
    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result;

    /// Returns the message in `language` (see [`LocalizedError::fmt_in`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Language, LocalizedError, PersonalCode};
    ///
    /// let error = "161175-19998".parse::<PersonalCode>().unwrap_err();
    /// assert_eq!(
    ///     error.message_in(Language::Latvian),
    ///     "personas koda kontrolciparam jābūt 7, bet ir 8"
    /// );
    /// ```
    fn message_in(&self, language: Language) -> String {
        InLanguage(self, language).to_string()
    }
}

/// Shows an error's message in one language through `Display`.
struct InLanguage<'a, E: ?Sized>(&'a E, Language);

impl<E: LocalizedError + ?Sized> fmt::Display for InLanguage<'_, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt_in(self.1, f)
    }
}

impl<E: LocalizedError> From<E> for Box<dyn LocalizedError> {
    /// Boxes any Apkalpe error, so `?` works in functions returning
    /// `Result<_, Box<dyn LocalizedError>>`.
    fn from(error: E) -> Self {
        Box::new(error)
    }
}

/// A function that recognises a crate's errors behind a `&dyn Error`: every Apkalpe crate
/// exports one (`apkalpe_core::downcast_error`, `apkalpe_clients::downcast_error`, …) for
/// [`find_localized`].
///
/// # Examples
///
/// ```
/// use std::error::Error;
///
/// use apkalpe_core::{downcast_error, find_localized, ErrorDowncast, LocalizedError};
///
/// // A crate of your own recognises its errors the same way.
/// #[derive(Debug, thiserror::Error)]
/// #[error("stock is short")]
/// struct StockError;
/// impl LocalizedError for StockError {
///     fn code(&self) -> &'static str {
///         "stock.short"
///     }
///     fn fmt_in(&self, language: apkalpe_core::Language, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
///         match language {
///             apkalpe_core::Language::Latvian => f.write_str("krājumu nepietiek"),
///             _ => std::fmt::Display::fmt(self, f),
///         }
///     }
/// }
/// fn downcast_stock<'a>(error: &'a (dyn Error + 'static)) -> Option<&'a dyn LocalizedError> {
///     error.downcast_ref::<StockError>().map(|e| e as &dyn LocalizedError)
/// }
/// let downcasts: [ErrorDowncast; 2] = [downcast_error, downcast_stock];
/// let boxed: Box<dyn Error> = Box::new(StockError);
/// assert_eq!(find_localized(&*boxed, &downcasts).map(|e| e.code()), Some("stock.short"));
/// ```
pub type ErrorDowncast = for<'a> fn(&'a (dyn Error + 'static)) -> Option<&'a dyn LocalizedError>;

/// Returns the [`LocalizedError`] behind a `&dyn Error`: the error itself, or the first
/// error of its [`source`](Error::source) chain, that one of `downcasts` recognises.
///
/// A `Box<dyn Error>` erases the type, so the code seems lost; each Apkalpe crate exports a
/// [`ErrorDowncast`] that tries its own error types, and this function tries every one given
/// along the chain. Pass the functions of the crates you use; core's is
/// [`downcast_error`].
///
/// # Examples
///
/// ```
/// use std::error::Error;
///
/// use apkalpe_core::{downcast_error, find_localized, Iban, Language};
///
/// let boxed: Box<dyn Error + Send + Sync> = Box::new("LV80".parse::<Iban>().unwrap_err());
/// let found = find_localized(&*boxed, &[downcast_error]).ok_or("not an Apkalpe error")?;
/// assert_eq!(found.code(), "iban.length");
/// assert_eq!(
///     found.message_in(Language::Latvian),
///     "LV IBAN numurā jābūt 21 rakstzīmei, bet ir 4 rakstzīmes"
/// );
///
/// let other: Box<dyn Error> = "plain text".into();
/// assert!(find_localized(&*other, &[downcast_error]).is_none());
/// # Ok::<(), Box<dyn Error>>(())
/// ```
pub fn find_localized<'a>(
    error: &'a (dyn Error + 'static),
    downcasts: &[ErrorDowncast],
) -> Option<&'a dyn LocalizedError> {
    let mut next = Some(error);
    while let Some(error) = next {
        if let Some(found) = downcasts.iter().find_map(|downcast| downcast(error)) {
            return Some(found);
        }
        next = error.source();
    }
    None
}

/// Tries each listed error type on a `&dyn Error` in turn and gives the first match as a
/// `&dyn LocalizedError` (`None` when none matches): the body of a crate's `downcast_error`,
/// an [`ErrorDowncast`]. Every listed type must implement [`LocalizedError`].
///
/// # Examples
///
/// ```
/// use std::error::Error;
///
/// use apkalpe_core::{LocalizedError, MoneyError, ParseIbanError, downcast_localized};
///
/// fn mine<'a>(error: &'a (dyn Error + 'static)) -> Option<&'a dyn LocalizedError> {
///     downcast_localized!(error, MoneyError, ParseIbanError)
/// }
/// let boxed: Box<dyn Error> = Box::new("LV00".parse::<apkalpe_core::Iban>().unwrap_err());
/// assert!(mine(&*boxed).is_some_and(|found| found.code().starts_with("iban.")));
/// let other: Box<dyn Error> = Box::new(std::fmt::Error);
/// assert!(mine(&*other).is_none());
/// ```
#[macro_export]
macro_rules! downcast_localized {
    ($error:expr, $($type:ty),* $(,)?) => {
        None$(.or_else(|| {
            $error
                .downcast_ref::<$type>()
                .map(|e| e as &dyn $crate::LocalizedError)
        }))*
    };
}

/// Recognises every error type of `apkalpe-core` behind a `&dyn Error`: the
/// [`ErrorDowncast`] of this crate, for [`find_localized`].
///
/// # Examples
///
/// ```
/// use std::error::Error;
///
/// use apkalpe_core::{downcast_error, CoreError, Currency, Money};
///
/// let error: CoreError = Money::parse("x", Currency::EUR).unwrap_err().into();
/// let erased: &(dyn Error + 'static) = &error;
/// assert_eq!(downcast_error(erased).map(|e| e.code()), Some("amount.unexpected_character"));
/// ```
pub fn downcast_error<'a>(error: &'a (dyn Error + 'static)) -> Option<&'a dyn LocalizedError> {
    use crate::rounding::RoundingError;
    use crate::*;
    crate::downcast_localized!(
        error,
        CoreError,
        MoneyError,
        ParseMoneyError,
        ParseCurrencyError,
        RoundingError,
        CashRoundingError,
        VatError,
        ParseCountryCodeError,
        ParseLanguageError,
        LocalizedTextError,
        ParsePersonalCodeError,
        ParseRegistrationNumberError,
        ParseVatNumberError,
        ParseIbanError,
        ParseCreditorReferenceError,
        CalendarError,
        ParsePeriodError,
        WordsError,
        PartyError,
        FieldError,
        ParseEmailAddressError,
        ParsePhoneNumberError,
        NumberSeriesError,
        ParseNumberPatternError,
        TextRuleError,
        RestoreError,
        RetentionError,
        ParseRetentionPeriodError,
    )
}

/// Latvian nouns that agree with a count in error messages ("3 cipari", "21 rakstzīme").
pub(crate) mod latvian {
    use std::fmt;

    use crate::{CountNoun, Language};

    /// Digits, nominative: "bet ir 10 cipari".
    pub(crate) const DIGITS: CountNoun<'static> = CountNoun::new("cipars", "cipari");
    /// Characters, nominative: "bet ir 20 rakstzīmes".
    pub(crate) const CHARACTERS: CountNoun<'static> = CountNoun::new("rakstzīme", "rakstzīmes");
    /// Characters, dative: "jābūt 21 rakstzīmei", "līdz 25 rakstzīmēm".
    pub(crate) const CHARACTERS_DATIVE: CountNoun<'static> =
        CountNoun::new("rakstzīmei", "rakstzīmēm");
    /// Street lines, nominative: "ir 4 ielas rindas".
    pub(crate) const STREET_LINES: CountNoun<'static> =
        CountNoun::new("ielas rinda", "ielas rindas");

    /// Shows `n` with the form of `noun` that agrees with it in Latvian.
    pub(crate) fn count(noun: CountNoun<'static>, n: usize) -> impl fmt::Display {
        let n = u64::try_from(n).unwrap_or(u64::MAX);
        Counted(n, noun.form(Language::Latvian, n))
    }

    /// A count and its noun.
    struct Counted(u64, &'static str);

    impl fmt::Display for Counted {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "{} {}", self.0, self.1)
        }
    }

    /// The Latvian name of a day of the week, in the nominative ("sestdiena").
    pub(crate) fn weekday(day: chrono::Weekday) -> &'static str {
        match day {
            chrono::Weekday::Mon => "pirmdiena",
            chrono::Weekday::Tue => "otrdiena",
            chrono::Weekday::Wed => "trešdiena",
            chrono::Weekday::Thu => "ceturtdiena",
            chrono::Weekday::Fri => "piektdiena",
            chrono::Weekday::Sat => "sestdiena",
            chrono::Weekday::Sun => "svētdiena",
        }
    }
}
