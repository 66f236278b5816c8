//! Restoring saved state: the one error every Apkalpe crate reports when a saved value
//! (a snapshot, a JSON document an integrator stored) breaks an invariant of its type.
//!
//! Every state type of the domain crates implements `Deserialize` as well as `Serialize`,
//! and deserialising goes through the same checks as building the value with its
//! constructors: a restored registry, ledger or shift is as trustworthy as one built by
//! calls. A value edited into an illegal state is refused with a [`RestoreError`] naming the
//! type, the field (a path such as `receivables[3].paid`) and what is wrong.
//!
//! serde carries a deserialiser's error as text, so the message of a [`RestoreError`] starts
//! with its stable code (`restore.inconsistent: …`): the code survives any format. To get
//! the error itself back, with its Latvian message, run the deserialisation inside
//! [`with_restore_error`].

use std::fmt;

use crate::{Language, LocalizedError};

/// What is wrong with a saved value: the kind of a [`RestoreError`].
///
/// # Examples
///
/// ```
/// use apkalpe_core::{RestoreError, RestoreProblem};
///
/// let error = RestoreError::missing("ReceivableLedger", "payments[0].receivable", "no receivable INV-9");
/// assert_eq!(error.problem(), RestoreProblem::Missing);
/// assert_eq!(RestoreProblem::Missing.code(), "restore.missing");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RestoreProblem {
    /// A field holds a value its type's constructor refuses (a malformed IBAN, a negative
    /// quantity); the refusal's own code is kept as [`RestoreError::cause_code`].
    Invalid,
    /// A key that must be unique appears twice (two receivables with one number).
    Duplicate,
    /// Something another field refers to is absent (a payment of an unknown receivable).
    Missing,
    /// Fields disagree with each other (totals that are not the sum of their lines, a
    /// sequence with a gap).
    Inconsistent,
}

impl RestoreProblem {
    /// Every problem, in the order of the enum.
    const ALL: [RestoreProblem; 4] = [
        RestoreProblem::Invalid,
        RestoreProblem::Duplicate,
        RestoreProblem::Missing,
        RestoreProblem::Inconsistent,
    ];

    /// Returns the stable code: `restore.invalid`, `restore.duplicate`, `restore.missing`
    /// or `restore.inconsistent`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::RestoreProblem;
    ///
    /// assert_eq!(RestoreProblem::Inconsistent.code(), "restore.inconsistent");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            RestoreProblem::Invalid => "restore.invalid",
            RestoreProblem::Duplicate => "restore.duplicate",
            RestoreProblem::Missing => "restore.missing",
            RestoreProblem::Inconsistent => "restore.inconsistent",
        }
    }

    /// Finds the problem whose code starts a deserialiser's message: serde carries a
    /// [`RestoreError`] as text, and this recovers its kind (and so its code) from that
    /// text. `None` when the message does not start with a restore code followed by `:`
    /// (a syntax error, a missing field, a refusal of a value's own constructor).
    ///
    /// # Examples
    ///
    /// ```
    /// # #[cfg(feature = "serde")] {
    /// use apkalpe_core::{Calendar, RestoreProblem};
    ///
    /// let json = serde_json::to_string(&Calendar::latvia())?;
    /// let edited = json.replace("2023-07-09", "2023-07-16");
    /// let message = serde_json::from_str::<Calendar>(&edited.replace("2018-07-08", "2023-07-02"))
    ///     .unwrap_err()
    ///     .to_string();
    /// assert_eq!(RestoreProblem::from_message(&message), Some(RestoreProblem::Duplicate));
    /// assert_eq!(RestoreProblem::from_message("expected value at line 1 column 1"), None);
    /// # }
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn from_message(message: &str) -> Option<RestoreProblem> {
        RestoreProblem::ALL.into_iter().find(|problem| {
            message
                .strip_prefix(problem.code())
                .is_some_and(|rest| rest.starts_with(':'))
        })
    }
}

/// A saved value that cannot be restored: which type, which field, and why.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{RestoreError, RestoreProblem};
///
/// let error = RestoreError::duplicate("ReceivableLedger", "receivables[1].number", "INV-1");
/// assert_eq!(error.code(), "restore.duplicate");
/// assert_eq!(error.problem(), RestoreProblem::Duplicate);
/// assert_eq!(
///     error.to_string(),
///     "restore.duplicate: cannot restore ReceivableLedger: receivables[1].number: \"INV-1\" appears more than once"
/// );
///
/// // A constructor's refusal keeps its own code.
/// let iban: Result<apkalpe_core::Iban, _> = "LV00BANK0000435195001".parse();
/// let error = RestoreError::invalid("Party", "iban", iban.unwrap_err());
/// assert_eq!(error.code(), "restore.invalid");
/// assert_eq!(error.cause_code(), Some("iban.checksum"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestoreError {
    what: &'static str,
    field: String,
    problem: RestoreProblem,
    cause_code: Option<&'static str>,
    reason: String,
    /// The reason in Latvian, when the caller or the cause gave one.
    latvian_reason: Option<String>,
}

/// An error with a stable code: what [`RestoreError::invalid`] wraps.
///
/// Every [`LocalizedError`] implements it, with its code and its messages, so the usual way to
/// get `HasCode` is to implement [`LocalizedError`]. Implementing `HasCode` directly is the
/// migration path for an error that has no Latvian message yet (its messages are then the
/// English `Display` text); when the error implements [`LocalizedError`], delete its
/// `HasCode` impl (decision 0007).
///
/// # Examples
///
/// ```
/// use apkalpe_core::{HasCode, Iban, Language};
///
/// let error = "LV81BANK0000435195001".parse::<Iban>().unwrap_err();
/// assert_eq!(HasCode::code(&error), "iban.checksum");
/// assert_eq!(error.localized_message(Language::Latvian), "IBAN kontrolcipari nesakrīt");
/// ```
pub trait HasCode: fmt::Display {
    /// Returns the stable code.
    fn code(&self) -> &'static str;

    /// Returns the message in `language`: the `Display` text unless the error is a
    /// [`LocalizedError`], which gives its own.
    fn localized_message(&self, language: Language) -> String {
        let _ = language;
        self.to_string()
    }
}

impl<E: LocalizedError + ?Sized> HasCode for E {
    fn code(&self) -> &'static str {
        LocalizedError::code(self)
    }

    fn localized_message(&self, language: Language) -> String {
        self.message_in(language)
    }
}

impl RestoreError {
    /// A field whose value its constructor refuses with `cause`; the cause's code and its
    /// messages are kept.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Iban, Language, LocalizedError, RestoreError};
    ///
    /// let cause = "LV81BANK0000435195001".parse::<Iban>().unwrap_err();
    /// let error = RestoreError::invalid("Party", "iban", cause);
    /// assert_eq!(error.cause_code(), Some("iban.checksum"));
    /// assert_eq!(
    ///     error.message_in(Language::Latvian),
    ///     "restore.invalid: nevar atjaunot Party: iban: IBAN kontrolcipari nesakrīt [iban.checksum]"
    /// );
    /// ```
    pub fn invalid(what: &'static str, field: impl Into<String>, cause: impl HasCode) -> Self {
        RestoreError {
            what,
            field: field.into(),
            problem: RestoreProblem::Invalid,
            cause_code: Some(cause.code()),
            reason: cause.localized_message(Language::English),
            latvian_reason: Some(cause.localized_message(Language::Latvian)),
        }
    }

    /// A field whose value its constructor refuses, given as the refusal's code and message
    /// (for errors that do not implement [`HasCode`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::RestoreError;
    ///
    /// let error = RestoreError::invalid_with("Shift", "opened_at", "shift.time", "the shift opens after it closes");
    /// assert_eq!(error.code(), "restore.invalid");
    /// assert_eq!(error.cause_code(), Some("shift.time"));
    /// ```
    pub fn invalid_with(
        what: &'static str,
        field: impl Into<String>,
        cause_code: &'static str,
        message: impl fmt::Display,
    ) -> Self {
        RestoreError {
            what,
            field: field.into(),
            problem: RestoreProblem::Invalid,
            cause_code: Some(cause_code),
            reason: message.to_string(),
            latvian_reason: None,
        }
    }

    /// A key that appears twice.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::RestoreError;
    ///
    /// let error = RestoreError::duplicate("Catalogue", "products[4].sku", "LAP-E14");
    /// assert_eq!(error.to_string(), "restore.duplicate: cannot restore Catalogue: products[4].sku: \"LAP-E14\" appears more than once");
    /// ```
    pub fn duplicate(
        what: &'static str,
        field: impl Into<String>,
        value: impl fmt::Display,
    ) -> Self {
        let value = value.to_string();
        RestoreError {
            what,
            field: field.into(),
            problem: RestoreProblem::Duplicate,
            cause_code: None,
            reason: format!("{value:?} appears more than once"),
            latvian_reason: Some(format!("{value:?} ir norādīts vairāk nekā vienu reizi")),
        }
    }

    /// A reference to something absent.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::RestoreError;
    ///
    /// let error = RestoreError::missing("Register", "entries[2].case", "no case 5-3 in the file plan");
    /// assert_eq!(error.code(), "restore.missing");
    /// assert_eq!(error.field(), "entries[2].case");
    /// ```
    pub fn missing(
        what: &'static str,
        field: impl Into<String>,
        reason: impl fmt::Display,
    ) -> Self {
        RestoreError {
            what,
            field: field.into(),
            problem: RestoreProblem::Missing,
            cause_code: None,
            reason: reason.to_string(),
            latvian_reason: None,
        }
    }

    /// Fields that disagree.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::RestoreError;
    ///
    /// let error = RestoreError::inconsistent("Invoice", "total", "the lines sum to 12.10 EUR");
    /// assert_eq!(error.code(), "restore.inconsistent");
    /// assert_eq!(error.what(), "Invoice");
    /// ```
    pub fn inconsistent(
        what: &'static str,
        field: impl Into<String>,
        reason: impl fmt::Display,
    ) -> Self {
        RestoreError {
            what,
            field: field.into(),
            problem: RestoreProblem::Inconsistent,
            cause_code: None,
            reason: reason.to_string(),
            latvian_reason: None,
        }
    }

    /// Returns the stable code of the problem (`restore.invalid`, …).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{RestoreError, RestoreProblem};
    ///
    /// let error = RestoreError::inconsistent("Ledger", "paid", "more than due");
    /// assert_eq!(error.code(), "restore.inconsistent");
    /// # let _ = RestoreProblem::Invalid;
    /// ```
    pub fn code(&self) -> &'static str {
        self.problem.code()
    }

    /// Returns the kind of problem.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{RestoreError, RestoreProblem};
    ///
    /// let error = RestoreError::inconsistent("Ledger", "paid", "more than due");
    /// assert_eq!(error.problem(), RestoreProblem::Inconsistent);
    /// # let _ = RestoreProblem::Invalid;
    /// ```
    pub fn problem(&self) -> RestoreProblem {
        self.problem
    }

    /// Returns the type that could not be restored (`ReceivableLedger`).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{RestoreError, RestoreProblem};
    ///
    /// let error = RestoreError::inconsistent("Ledger", "paid", "more than due");
    /// assert_eq!(error.what(), "Ledger");
    /// # let _ = RestoreProblem::Invalid;
    /// ```
    pub fn what(&self) -> &'static str {
        self.what
    }

    /// Returns the field, as a path within the saved value (`receivables[3].paid`).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{RestoreError, RestoreProblem};
    ///
    /// let error = RestoreError::inconsistent("Ledger", "paid", "more than due");
    /// assert_eq!(error.field(), "paid");
    /// # let _ = RestoreProblem::Invalid;
    /// ```
    pub fn field(&self) -> &str {
        &self.field
    }

    /// Returns the code of the constructor's refusal, for [`RestoreProblem::Invalid`].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{RestoreError, RestoreProblem};
    ///
    /// let error = RestoreError::inconsistent("Ledger", "paid", "more than due");
    /// assert_eq!(error.cause_code(), None);
    /// # let _ = RestoreProblem::Invalid;
    /// ```
    pub fn cause_code(&self) -> Option<&'static str> {
        self.cause_code
    }

    /// Returns the error with the reason in Latvian too: the reasons given to
    /// [`RestoreError::missing`], [`RestoreError::inconsistent`] and
    /// [`RestoreError::invalid_with`] are English, and the Latvian message repeats them as
    /// given unless this supplies its translation.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Language, LocalizedError, RestoreError};
    ///
    /// let error = RestoreError::inconsistent("Ledger", "paid", "more than due")
    ///     .with_latvian_reason("vairāk nekā maksājams");
    /// assert_eq!(
    ///     error.message_in(Language::Latvian),
    ///     "restore.inconsistent: nevar atjaunot Ledger: paid: vairāk nekā maksājams"
    /// );
    /// assert_eq!(
    ///     error.to_string(),
    ///     "restore.inconsistent: cannot restore Ledger: paid: more than due"
    /// );
    /// ```
    #[must_use]
    pub fn with_latvian_reason(mut self, reason: impl fmt::Display) -> Self {
        self.latvian_reason = Some(reason.to_string());
        self
    }

    /// Returns the field's path under `parent`: a collection restoring its elements names
    /// the element (`receivables[3]`) in front of the element's own field.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::RestoreError;
    ///
    /// let error = RestoreError::inconsistent("Ledger", "paid", "more than due").within("receivables[3]");
    /// assert_eq!(error.field(), "receivables[3].paid");
    /// ```
    #[must_use]
    pub fn within(mut self, parent: impl fmt::Display) -> Self {
        self.field = if self.field.is_empty() {
            parent.to_string()
        } else {
            format!("{parent}.{}", self.field)
        };
        self
    }
}

impl fmt::Display for RestoreError {
    /// `code: cannot restore What: field: reason`, without the field when the whole value is
    /// at fault (an empty path), and with the refusal's own code in brackets for
    /// [`RestoreProblem::Invalid`] (`… [iban.checksum]`): serde carries only this text, so
    /// both codes must be in it. Inside [`with_restore_error`], the error written is also
    /// kept for the caller (the one effect of writing it, and only there).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        CAUGHT.with(|caught| {
            if let Ok(mut caught) = caught.try_borrow_mut()
                && let Some(slot) = caught.as_mut()
            {
                *slot = Some(self.clone());
            }
        });
        self.fmt_in(Language::English, f)
    }
}

std::thread_local! {
    /// While [`with_restore_error`] runs on this thread: the last [`RestoreError`] written
    /// as text (`Some(None)` until one is). `None` outside it.
    static CAUGHT: std::cell::RefCell<Option<Option<RestoreError>>> =
        const { std::cell::RefCell::new(None) };
}

/// Runs `parse` (a deserialisation: `serde_json::from_str`, a CSV or XML reader, …) and, when
/// it fails, returns its error together with the [`RestoreError`] behind it, if a type's
/// checks refused the value: the typed error that serde could carry only as English text,
/// with its code, field and Latvian message ([`LocalizedError::message_in`]).
///
/// It works because serde writes the refusal as text on the same thread while `parse` runs;
/// the error kept is the last one written, which is the one serde's error carries. Calls may
/// nest. Nothing is kept outside this function, and no clock, I/O or randomness is involved.
///
/// # Errors
///
/// `parse`'s error, with `Some` [`RestoreError`] when a type's checks refused the saved
/// value, `None` when the text did not parse at all (bad syntax, a missing field).
///
/// # Examples
///
/// ```
/// # #[cfg(feature = "serde")] {
/// use apkalpe_core::{with_restore_error, DocumentNumber, Language, LocalizedError};
///
/// // A saved invoice number whose sequence was edited to 0.
/// let saved = r#"{"series": "invoices", "year": 2026, "sequence": 0, "text": "INV2026-0"}"#;
/// let read = with_restore_error(|| serde_json::from_str::<DocumentNumber>(saved));
/// let Err((error, Some(restore))) = read else {
///     panic!("the edited number is refused");
/// };
/// // serde's error holds the English text only; the RestoreError has both languages.
/// assert!(error.to_string().starts_with("restore.inconsistent: "));
/// assert_eq!((restore.code(), restore.field()), ("restore.inconsistent", "sequence"));
/// assert!(restore.message_in(Language::Latvian).ends_with("kārtas numuri sākas ar 1"));
///
/// // Bad syntax is not a refusal of the value.
/// let read = with_restore_error(|| serde_json::from_str::<DocumentNumber>("["));
/// assert!(matches!(read, Err((_, None))));
/// # }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn with_restore_error<T, E>(
    parse: impl FnOnce() -> Result<T, E>,
) -> Result<T, (E, Option<RestoreError>)> {
    let outer = CAUGHT.with(|caught| {
        caught
            .try_borrow_mut()
            .ok()
            .and_then(|mut caught| caught.replace(None))
    });
    let result = parse();
    let mine = CAUGHT.with(|caught| {
        caught
            .try_borrow_mut()
            .ok()
            .and_then(|mut caught| std::mem::replace(&mut *caught, outer))
            .flatten()
    });
    result.map_err(|error| (error, mine))
}

impl std::error::Error for RestoreError {}

impl LocalizedError for RestoreError {
    fn code(&self) -> &'static str {
        RestoreError::code(self)
    }

    /// In Latvian: `code: nevar atjaunot What: field: iemesls [cause]`, the reason in
    /// Latvian when one was given (see [`RestoreError::with_latvian_reason`]).
    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (frame, reason) = match (language, &self.latvian_reason) {
            (Language::Latvian, Some(latvian)) => ("nevar atjaunot", latvian),
            (Language::Latvian, None) => ("nevar atjaunot", &self.reason),
            _ => ("cannot restore", &self.reason),
        };
        write!(f, "{}: {frame} {}: ", self.code(), self.what)?;
        if !self.field.is_empty() {
            write!(f, "{}: ", self.field)?;
        }
        f.write_str(reason)?;
        match self.cause_code {
            Some(cause) => write!(f, " [{cause}]"),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(reason: &str) -> RestoreError {
        RestoreError::inconsistent("Ledger", "total", reason).with_latvian_reason("summa nesakrīt")
    }

    #[test]
    fn the_error_written_inside_the_call_is_returned_and_nothing_is_kept_outside() {
        // Written outside any call: nothing is kept for the next call.
        let _ = refusal("outside").to_string();
        let read: Result<(), _> =
            with_restore_error(|| Err::<(), String>(refusal("inside").to_string()));
        let (text, caught) = read.unwrap_err();
        let caught = caught.unwrap();
        assert_eq!(text, caught.to_string());
        assert!(text.ends_with("total: inside"));
        assert!(
            caught
                .message_in(Language::Latvian)
                .ends_with("summa nesakrīt")
        );
        // A failure that wrote no RestoreError has none; a success none either.
        let read: Result<(), _> = with_restore_error(|| Err::<(), &str>("bad syntax"));
        assert!(matches!(read, Err(("bad syntax", None))));
        assert_eq!(with_restore_error(|| Ok::<u8, ()>(7)), Ok(7));
        CAUGHT.with(|caught| assert!(caught.borrow().is_none()));
    }

    #[test]
    fn the_last_error_written_is_kept_and_calls_nest() {
        let read: Result<(), _> = with_restore_error(|| {
            let _ = refusal("first").to_string();
            let inner: Result<(), _> =
                with_restore_error(|| Err::<(), String>(refusal("inner").to_string()));
            let (_, inner) = inner.unwrap_err();
            assert!(inner.unwrap().to_string().ends_with("inner"));
            Err::<(), String>(refusal("last").to_string())
        });
        let (_, caught) = read.unwrap_err();
        assert!(caught.unwrap().to_string().ends_with("total: last"));
        CAUGHT.with(|caught| assert!(caught.borrow().is_none()));
    }

    #[test]
    fn every_problem_has_its_code() {
        let cases = [
            (RestoreError::duplicate("T", "a", 1), "restore.duplicate"),
            (RestoreError::missing("T", "a", "gone"), "restore.missing"),
            (
                RestoreError::inconsistent("T", "a", "sum"),
                "restore.inconsistent",
            ),
            (
                RestoreError::invalid_with("T", "a", "x.y", "bad"),
                "restore.invalid",
            ),
        ];
        for (error, code) in cases {
            assert_eq!(error.code(), code);
            assert!(error.to_string().starts_with(code), "{error}");
        }
    }

    #[test]
    fn within_prefixes_the_path() {
        let error =
            RestoreError::inconsistent("Ledger", "paid", "more than due").within("items[2]");
        assert_eq!(error.field(), "items[2].paid");
        let error = RestoreError::missing("Ledger", "", "gone").within("items[0]");
        assert_eq!(error.field(), "items[0]");
    }
}
