//! The output contract: one line per value, as text or JSON.

use std::io::Write;

use std::error::Error;

use apkalpe_core::{ErrorDowncast, Language, LocalizedError, find_localized};
use serde_json::{Map, Value};

use crate::{EXIT_INVALID, EXIT_VALID};

/// Writes the result lines of a command and remembers whether any value was invalid.
pub struct Report<'a> {
    output: &'a mut dyn Write,
    json: bool,
    language: Language,
    any_invalid: bool,
    failed: bool,
}

impl std::fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Report")
            .field("json", &self.json)
            .field("language", &self.language)
            .field("any_invalid", &self.any_invalid)
            .finish_non_exhaustive()
    }
}

/// Recognises the desk's own errors behind a `&dyn Error` (the office's refusals, the
/// store's failures, refused command-line values).
fn downcast_desk<'a>(error: &'a (dyn Error + 'static)) -> Option<&'a dyn LocalizedError> {
    None.or_else(|| {
        error
            .downcast_ref::<crate::office::OfficeError>()
            .map(|e| e as &dyn LocalizedError)
    })
    .or_else(|| {
        error
            .downcast_ref::<crate::store::StoreError>()
            .map(|e| e as &dyn LocalizedError)
    })
    .or_else(|| crate::commands::downcast_error(error))
}

/// Every crate's [`ErrorDowncast`], and the desk's own: what [`message_in`] looks for.
const DOWNCASTS: [ErrorDowncast; 7] = [
    downcast_desk,
    apkalpe_core::downcast_error,
    apkalpe_clients::downcast_error,
    apkalpe_catalogue::downcast_error,
    apkalpe_documents::downcast_error,
    apkalpe_payments::downcast_error,
    apkalpe_accounting::downcast_error,
];

/// Returns the message of an error that lost its type (a `Box<dyn Error>`) in `language`:
/// the first Apkalpe or desk error of its `source` chain gives it
/// ([`find_localized`]); an error that is none of these keeps its own `Display` text.
pub(crate) fn message_in(error: &(dyn Error + 'static), language: Language) -> String {
    match find_localized(error, &DOWNCASTS) {
        Some(found) => found.message_in(language),
        None => error.to_string(),
    }
}

/// Keeps a field of the text form on one line and in one column.
fn clean(field: &str) -> String {
    field.replace(['\t', '\n', '\r'], " ")
}

impl<'a> Report<'a> {
    /// Creates a report writing text, or JSON lines when `json` is set, with error messages
    /// in English (see [`Report::in_language`]).
    pub fn new(output: &'a mut dyn Write, json: bool) -> Self {
        Report {
            output,
            json,
            language: Language::English,
            any_invalid: false,
            failed: false,
        }
    }

    /// The same report, writing the messages of errors (see [`Report::error`]) in
    /// `language`: `desk --lang lv` gives Latvian. Codes do not change with the language.
    pub fn in_language(self, language: Language) -> Self {
        Report { language, ..self }
    }

    /// Returns the language of error messages.
    pub fn language(&self) -> Language {
        self.language
    }

    /// Tells whether JSON lines are written.
    pub fn is_json(&self) -> bool {
        self.json
    }

    fn write_line(&mut self, line: &str) {
        if self.failed {
            return;
        }
        if writeln!(self.output, "{line}").is_err() {
            // A closed pipe: stop writing, say nothing.
            self.failed = true;
        }
    }

    /// Tells whether writing failed (a closed pipe); commands stop reading input then.
    pub fn is_closed(&self) -> bool {
        self.failed
    }

    /// Writes a valid value: `valid<TAB>canonical`, or JSON with `extra` fields added.
    pub fn valid(&mut self, canonical: &str, extra: Map<String, Value>) {
        if self.json {
            let mut object = Map::new();
            object.insert("valid".into(), Value::Bool(true));
            object.insert("canonical".into(), Value::String(canonical.into()));
            object.extend(extra);
            self.write_line(&Value::Object(object).to_string());
        } else {
            let line = format!("valid\t{}", clean(canonical));
            self.write_line(&line);
        }
    }

    /// Writes a valid value of several checked at once: `valid<TAB>canonical<TAB>input`, the
    /// value as given in the last column (JSON: an `input` field), so each line says which
    /// value it answers.
    pub fn valid_input(&mut self, input: &str, canonical: &str, mut extra: Map<String, Value>) {
        if self.json {
            extra.insert("input".into(), Value::String(input.into()));
            self.valid(canonical, extra);
        } else {
            let line = format!("valid\t{}\t{}", clean(canonical), clean(input));
            self.write_line(&line);
        }
    }

    /// Writes an invalid value of several checked at once: `invalid<TAB>code<TAB>message<TAB>
    /// input` (JSON: an `input` field).
    pub fn invalid_input(&mut self, input: &str, code: &str, message: &str) {
        self.any_invalid = true;
        if self.json {
            let mut object = Map::new();
            object.insert("valid".into(), Value::Bool(false));
            object.insert("code".into(), Value::String(code.into()));
            object.insert("message".into(), Value::String(message.into()));
            object.insert("input".into(), Value::String(input.into()));
            self.write_line(&Value::Object(object).to_string());
        } else {
            let line = format!(
                "invalid\t{}\t{}\t{}",
                clean(code),
                clean(message),
                clean(input)
            );
            self.write_line(&line);
        }
    }

    /// Writes an invalid value: `invalid<TAB>code<TAB>message`.
    pub fn invalid(&mut self, code: &str, message: &str) {
        self.any_invalid = true;
        if self.json {
            let mut object = Map::new();
            object.insert("valid".into(), Value::Bool(false));
            object.insert("code".into(), Value::String(code.into()));
            object.insert("message".into(), Value::String(message.into()));
            self.write_line(&Value::Object(object).to_string());
        } else {
            let line = format!("invalid\t{}\t{}", clean(code), clean(message));
            self.write_line(&line);
        }
    }

    /// Writes an error as an invalid value: `invalid<TAB>code<TAB>message`, the message in
    /// the report's language ([`LocalizedError::message_in`]), the code the error's own.
    pub fn error(&mut self, error: &dyn LocalizedError) {
        let message = error.message_in(self.language);
        self.invalid(error.code(), &message);
    }

    /// Writes an error about one value of several checked at once, as
    /// [`Report::invalid_input`] does, the message in the report's language.
    pub fn error_input(&mut self, input: &str, error: &dyn LocalizedError) {
        let message = error.message_in(self.language);
        self.invalid_input(input, error.code(), &message);
    }

    /// Writes an invalid value whose message the desk writes itself, in English and in
    /// Latvian: `latvian` when the report's language is Latvian, else `english`.
    pub fn invalid_in(&mut self, code: &str, english: &str, latvian: &str) {
        let message = match self.language {
            Language::Latvian => latvian,
            _ => english,
        };
        self.invalid(code, message);
    }

    /// Writes a line of free text (in JSON mode, `{"text": ...}`).
    pub fn text(&mut self, text: &str) {
        if self.json {
            let mut object = Map::new();
            object.insert("text".into(), Value::String(text.into()));
            self.write_line(&Value::Object(object).to_string());
        } else {
            self.write_line(text);
        }
    }

    /// Writes a JSON object as is (JSON mode), or `text` (text mode).
    pub fn record(&mut self, text: &str, object: Map<String, Value>) {
        if self.json {
            self.write_line(&Value::Object(object).to_string());
        } else {
            self.write_line(text);
        }
    }

    /// Returns the exit code: 1 when any value was invalid, else 0.
    pub fn exit_code(&self) -> u8 {
        if self.any_invalid {
            EXIT_INVALID
        } else {
            EXIT_VALID
        }
    }
}

#[cfg(test)]
mod tests {
    use std::error::Error;

    use apkalpe_core::{Iban, Language, LocalizedError};

    use super::{Report, message_in};
    use crate::office::OfficeError;
    use crate::store::StoreError;

    #[test]
    fn an_error_behind_a_box_dyn_error_keeps_its_latvian_message() {
        let crate_error: Box<dyn Error> =
            Box::new("LV81BANK0000435195001".parse::<Iban>().unwrap_err());
        assert_eq!(
            message_in(&*crate_error, Language::Latvian),
            "IBAN kontrolcipari nesakrīt"
        );
        let office: Box<dyn Error> = Box::new(OfficeError::ShiftOpen);
        assert_eq!(
            message_in(&*office, Language::Latvian),
            "kases maiņa jau ir atvērta"
        );
        assert_eq!(
            message_in(&*office, Language::English),
            "a cash register shift is open already"
        );
        let store: Box<dyn Error> = Box::new(StoreError::Office(OfficeError::NoShift));
        assert!(message_in(&*store, Language::Latvian).starts_with("kases maiņa nav atvērta"));
        // An error of no Apkalpe crate keeps its own text.
        let other: Box<dyn Error> = "plain text".into();
        assert_eq!(message_in(&*other, Language::Latvian), "plain text");
    }

    #[test]
    fn a_domain_refusal_carries_the_crates_latvian_message() {
        let error: OfficeError = "LV80".parse::<Iban>().unwrap_err().into();
        assert_eq!(LocalizedError::code(&error), "iban.length");
        assert_eq!(
            error.message_in(Language::Latvian),
            "LV IBAN numurā jābūt 21 rakstzīmei, bet ir 4 rakstzīmes"
        );
        assert_eq!(error.message_in(Language::German), error.to_string());
    }

    #[test]
    fn the_report_writes_the_message_in_its_language_and_the_same_code() {
        let error = "LV81BANK0000435195001".parse::<Iban>().unwrap_err();
        let mut latvian = Vec::new();
        let mut report = Report::new(&mut latvian, false).in_language(Language::Latvian);
        report.error(&error);
        report.invalid_in("x.y", "english", "latviski");
        assert_eq!(report.exit_code(), crate::EXIT_INVALID);
        let mut english = Vec::new();
        let mut report = Report::new(&mut english, false);
        report.error(&error);
        report.invalid_in("x.y", "english", "latviski");
        assert_eq!(
            String::from_utf8(latvian).unwrap(),
            "invalid\tiban.checksum\tIBAN kontrolcipari nesakrīt\ninvalid\tx.y\tlatviski\n"
        );
        assert_eq!(
            String::from_utf8(english).unwrap(),
            "invalid\tiban.checksum\tiban check digits do not match\ninvalid\tx.y\tenglish\n"
        );
    }
}
