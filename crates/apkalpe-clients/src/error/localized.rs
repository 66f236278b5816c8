//! The crate's errors in Latvian and English ([`LocalizedError`], decision 0007), and
//! [`downcast_error`], the way back to them from a `Box<dyn Error>`.
//!
//! English is each error's `Display` text. The Latvian messages are written by hand, one per
//! variant, with the variant's fields; counts agree with their nouns through
//! [`CountNoun`]. Field and token names (`category`, `segment`) are shown by their Latvian
//! names in Latvian messages.

use std::error::Error;
use std::fmt;

use apkalpe_core::{CountNoun, Language, LocalizedError};

use super::{
    ClientsError, NeedError, ParseTextError, ParseTokenError, PrivacyError, RecordKind,
    RegisterError, RegisterRowError, RegisterRowProblem, RegistryError, ResponseError,
    ResponsesCsvError, SurveyError,
};

/// Characters, nominative: "ir 101 rakstzīme".
const CHARACTERS: CountNoun<'static> = CountNoun::new("rakstzīme", "rakstzīmes");
/// Fields of a row, nominative: "rindā ir 3 lauki".
const FIELDS: CountNoun<'static> = CountNoun::new("lauks", "lauki");
/// Options of a choice question, nominative: "ir 1 atbilžu variants".
const OPTIONS: CountNoun<'static> = CountNoun::new("atbilžu variants", "atbilžu varianti");
/// Points of a rating scale, nominative: "ir 11 punkti".
const POINTS: CountNoun<'static> = CountNoun::new("punkts", "punkti");

/// `n` with the Latvian form of `noun` that agrees with it.
fn count(noun: CountNoun<'static>, n: usize) -> String {
    noun.count_of(Language::Latvian, n)
}

/// The Latvian name of a free-text field, for "laukā „kategorija”".
fn text_field(field: &'static str) -> &'static str {
    match field {
        "staff" => "darbinieks",
        "reason" => "iemesls",
        "category" => "kategorija",
        "required_feature" => "obligātā īpašība",
        "preferred_feature" => "vēlamā īpašība",
        "notes" => "piezīmes",
        "subject" => "temats",
        "summary" => "kopsavilkums",
        "description" => "apraksts",
        other => other,
    }
}

/// The Latvian name of a kind of token, for "laukā „segments”".
fn token_kind(kind: &'static str) -> &'static str {
    match kind {
        "segment" => "segments",
        "tag" => "birka",
        "sku" => "preces kods",
        "legal_form" => "uzņēmējdarbības forma",
        "survey_id" => "aptaujas id",
        "question_id" => "jautājuma id",
        "option_id" => "atbilžu varianta id",
        "response_id" => "atbildes id",
        other => other,
    }
}

/// The Latvian name of a client identifier, nominative.
fn identifier(identifier: &'static str) -> &'static str {
    match identifier {
        "personal_code" => "personas kods",
        "registration_number" => "reģistrācijas numurs",
        "vat_number" => "PVN numurs",
        other => other,
    }
}

/// A kind of client (`person`, `organisation`) in Latvian, nominative.
pub(crate) fn client_kind(kind: &'static str) -> &'static str {
    match kind {
        "person" => "fiziska persona",
        "organisation" => "organizācija",
        other => other,
    }
}

/// A kind of client in Latvian, accusative after "uz".
fn client_kind_accusative(kind: &'static str) -> &'static str {
    match kind {
        "person" => "fizisku personu",
        "organisation" => "organizāciju",
        other => other,
    }
}

/// A kind of record in Latvian: nominative and genitive.
fn record(kind: RecordKind) -> (&'static str, &'static str) {
    match kind {
        RecordKind::Client => ("klients", "klienta"),
        RecordKind::Need => ("vajadzība", "vajadzības"),
        RecordKind::Interaction => ("saziņas ieraksts", "saziņas ieraksta"),
        RecordKind::FollowUp => ("turpmākais uzdevums", "turpmākā uzdevuma"),
    }
}

/// A state of a need in Latvian (`open` → "atvērta").
fn need_state(state: &'static str) -> &'static str {
    match state {
        "open" => "atvērta",
        "offered" => "piedāvāta",
        "accepted" => "pieņemta",
        "declined" => "noraidīta",
        "lapsed" => "novecojusi",
        other => other,
    }
}

/// A purpose of processing in Latvian (`marketing_email` → "mārketinga e-pasti").
fn purpose(purpose: &'static str) -> &'static str {
    match purpose {
        "marketing_email" => "mārketinga e-pasti",
        "phone_calls" => "tālruņa zvani",
        "surveys" => "aptaujas",
        "profiling" => "profilēšana",
        other => other,
    }
}

/// What an answer must be, in Latvian (`one option` → "vienu atbilžu variantu").
fn answer_kind(expected: &'static str) -> &'static str {
    match expected {
        "one option" => "vienu atbilžu variantu",
        "a list of options" => "atbilžu variantu sarakstu",
        "a number" => "skaitli",
        "text" => "tekstu",
        other => other,
    }
}

impl LocalizedError for ParseTextError {
    fn code(&self) -> &'static str {
        ParseTextError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            ParseTextError::Blank { field } => {
                write!(f, "laukā „{}” nav teksta", text_field(field))
            }
            ParseTextError::TooLong { field, max, found } => write!(
                f,
                "laukā „{}” ir {}, atļauts ne vairāk kā {max}",
                text_field(field),
                count(CHARACTERS, *found)
            ),
            ParseTextError::ControlCharacter { field, position } => write!(
                f,
                "laukā „{}” ir vadības rakstzīme pozīcijā {position}",
                text_field(field)
            ),
        }
    }
}

impl LocalizedError for ParseTokenError {
    fn code(&self) -> &'static str {
        ParseTokenError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            ParseTokenError::Blank { kind } => {
                write!(f, "laukā „{}” nav teksta", token_kind(kind))
            }
            ParseTokenError::TooLong { kind, max, found } => write!(
                f,
                "laukā „{}” ir {}, atļauts ne vairāk kā {max}",
                token_kind(kind),
                count(CHARACTERS, *found)
            ),
            ParseTokenError::Character {
                kind,
                position,
                found,
            } => write!(
                f,
                "laukā „{}” ir neatļauta rakstzīme {found:?} pozīcijā {position}",
                token_kind(kind)
            ),
        }
    }
}

impl LocalizedError for RegistryError {
    fn code(&self) -> &'static str {
        RegistryError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            RegistryError::UnknownRecord { kind, id } => {
                write!(f, "nav {} ar id {id}", record(*kind).1)
            }
            RegistryError::DuplicateId { kind, id } => {
                write!(f, "{} ar id {id} jau ir", record(*kind).0)
            }
            RegistryError::IdentifierTaken {
                identifier: which,
                holder,
            } => write!(f, "{} jau pieder klientam {holder}", identifier(which)),
            RegistryError::IdentifierUnderAnotherName {
                identifier: which,
                holder,
            } => {
                let which = identifier(which);
                write!(
                    f,
                    "norādītais {which} pieder klientam {holder} ar citu vārdu: jāpārbauda \
                     {which} vai vispirms jāmaina šī klienta vārds"
                )
            }
            RegistryError::FieldNotApplicable { field, kind } => write!(
                f,
                "lauks {field} neattiecas uz {}",
                client_kind_accusative(kind)
            ),
            RegistryError::MergeSelf { id } => {
                write!(f, "klientu {id} nevar apvienot pašu ar sevi")
            }
            RegistryError::MergeKinds { kept, absorbed } => write!(
                f,
                "klientu, kas ir {}, nevar pievienot klientam, kas ir {}",
                client_kind(absorbed),
                client_kind(kept)
            ),
            RegistryError::Erased { id } => write!(
                f,
                "klienta {id} dati ir dzēsti, un jaunus datus tam nepievieno"
            ),
            RegistryError::FollowUpDone { id } => {
                write!(f, "turpmākais uzdevums {id} jau ir izpildīts")
            }
        }
    }
}

impl LocalizedError for NeedError {
    fn code(&self) -> &'static str {
        NeedError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            NeedError::BudgetEmpty => {
                f.write_str("budžeta diapazonam vajag apakšējo vai augšējo robežu")
            }
            NeedError::BudgetNegative { amount } => {
                write!(f, "budžeta robeža {amount} ir negatīva")
            }
            NeedError::BudgetCurrency { min, max } => {
                write!(f, "budžeta robežas ir dažādās valūtās: {min} un {max}")
            }
            NeedError::BudgetOrder { min, max } => write!(
                f,
                "budžeta apakšējā robeža {min} ir lielāka par augšējo robežu {max}"
            ),
            NeedError::QuantityNotPositive { found } => {
                write!(f, "daudzumam jābūt pozitīvam, bet ir {found}")
            }
            NeedError::NoSkus => f.write_str("piedāvājumā vajag vismaz vienu preces kodu"),
            NeedError::Transition { from, to } => write!(
                f,
                "vajadzība nevar pāriet no stāvokļa „{}” uz „{}”",
                need_state(from),
                need_state(to)
            ),
        }
    }
}

impl LocalizedError for PrivacyError {
    fn code(&self) -> &'static str {
        PrivacyError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            PrivacyError::AlreadyWithdrawn => f.write_str("piekrišana jau ir atsaukta"),
            PrivacyError::WithdrawnBeforeGranted => {
                f.write_str("piekrišanu nevar atsaukt agrāk, nekā tā dota")
            }
            PrivacyError::NoActiveConsent { purpose: which } => write!(
                f,
                "nav spēkā esošas piekrišanas mērķim „{}”",
                purpose(which)
            ),
            PrivacyError::NotANaturalPerson => {
                f.write_str("dzēst var tikai fiziskas personas datus")
            }
            PrivacyError::AlreadyErased => f.write_str("klienta personas dati jau ir dzēsti"),
        }
    }
}

impl LocalizedError for RegisterRowProblem {
    fn code(&self) -> &'static str {
        RegisterRowProblem::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        let usize_of = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
        match self {
            RegisterRowProblem::Columns { expected, found } => write!(
                f,
                "rindā ir {}, galvenes rindā {expected}",
                count(FIELDS, usize_of(*found))
            ),
            RegisterRowProblem::RegistrationNumber { source } => write!(
                f,
                "nederīgs reģistrācijas numurs (regcode): {}",
                source.message_in(language)
            ),
            RegisterRowProblem::Date { column } => {
                write!(f, "kolonnā {column} nav datuma formā GGGG-MM-DD")
            }
            RegisterRowProblem::Encoding => f.write_str("rinda nav derīgā UTF-8 kodējumā"),
            RegisterRowProblem::Duplicate { first_line } => {
                write!(f, "šis regcode jau bija {first_line}. rindā")
            }
        }
    }
}

impl LocalizedError for RegisterRowError {
    fn code(&self) -> &'static str {
        RegisterRowError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        write!(f, "{}. rinda: ", self.line)?;
        self.problem.fmt_in(language, f)
    }
}

impl LocalizedError for RegisterError {
    fn code(&self) -> &'static str {
        RegisterError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            RegisterError::MissingColumn { column } => {
                write!(f, "reģistra failā nav kolonnas {column}")
            }
            RegisterError::Io { kind } => {
                write!(f, "reģistra failu neizdevās nolasīt: {kind}")
            }
            RegisterError::TooLarge => f.write_str("reģistra faila teksts pārsniedz 4 GiB"),
            RegisterError::Unavailable { register } => {
                write!(f, "komercreģistrs {register} nav sasniedzams")
            }
        }
    }
}

impl LocalizedError for SurveyError {
    fn code(&self) -> &'static str {
        SurveyError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            SurveyError::NoQuestions => f.write_str("aptaujā vajag vismaz vienu jautājumu"),
            SurveyError::DuplicateQuestion { question } => {
                write!(f, "jautājuma id {question} ir izmantots divreiz")
            }
            SurveyError::DuplicateOption { question, option } => write!(
                f,
                "jautājuma {question} atbilžu varianta id {option} ir izmantots divreiz"
            ),
            SurveyError::TooFewOptions { question, found } => write!(
                f,
                "izvēles jautājumam {question} vajag vismaz 2 atbilžu variantus, bet ir {}",
                count(OPTIONS, *found)
            ),
            SurveyError::Scale { question, found } => write!(
                f,
                "vērtējuma jautājuma {question} skalā vajag no 2 līdz 10 punktiem, bet ir {}",
                count(POINTS, usize::from(*found))
            ),
            SurveyError::InvalidResponse { response, source } => {
                write!(f, "atbilde {response}: ")?;
                source.fmt_in(language, f)
            }
            SurveyError::UnknownQuestion { question } => {
                write!(f, "aptaujā nav jautājuma {question}")
            }
            SurveyError::QuestionKind { question, expected } => {
                write!(f, "jautājums {question} nav veida „{expected}”")
            }
        }
    }
}

impl LocalizedError for ResponseError {
    fn code(&self) -> &'static str {
        ResponseError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            ResponseError::UnknownQuestion { question } => {
                write!(f, "aptaujā nav jautājuma {question}")
            }
            ResponseError::UnknownOption { question, option } => {
                write!(f, "jautājumam {question} nav atbilžu varianta {option}")
            }
            ResponseError::RepeatedOption { question, option } => write!(
                f,
                "jautājuma {question} atbilžu variants {option} ir izvēlēts divreiz"
            ),
            ResponseError::ValueOutOfRange {
                question,
                value,
                min,
                max,
            } => write!(
                f,
                "atbilde {value} uz jautājumu {question} nav robežās no {min} līdz {max}"
            ),
            ResponseError::AnswerKind { question, expected } => {
                write!(f, "jautājumam {question} vajag {}", answer_kind(expected))
            }
            ResponseError::MissingRequired { question } => {
                write!(f, "obligātajam jautājumam {question} nav atbildes")
            }
        }
    }
}

impl LocalizedError for ResponsesCsvError {
    fn code(&self) -> &'static str {
        ResponsesCsvError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            ResponsesCsvError::Header => f.write_str(
                "galvenes rindai jābūt response_id,client_id,segment,question_id,answer",
            ),
            ResponsesCsvError::Columns { line, found } => write!(
                f,
                "{line}. rinda: rindā ir {}, vajag 5",
                count(FIELDS, usize::try_from(*found).unwrap_or(usize::MAX))
            ),
            ResponsesCsvError::Field {
                line,
                column,
                latvian_message,
                ..
            } => write!(f, "{line}. rinda: kolonna {column}: {latvian_message}"),
            ResponsesCsvError::DuplicateAnswer {
                line,
                response,
                question,
            } => write!(
                f,
                "{line}. rinda: atbildē {response} jau ir atbilde uz jautājumu {question}"
            ),
            ResponsesCsvError::Inconsistent { line, response } => write!(
                f,
                "{line}. rinda: atbildei {response} kādā iepriekšējā rindā ir cits klients vai \
                 segments"
            ),
            ResponsesCsvError::Encoding { line } => {
                write!(f, "{line}. rinda: teksts nav derīgā UTF-8 kodējumā")
            }
            ResponsesCsvError::Io { kind } => {
                write!(f, "atbildes neizdevās nolasīt: {kind}")
            }
        }
    }
}

impl LocalizedError for ClientsError {
    fn code(&self) -> &'static str {
        ClientsError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClientsError::Text(error) => error.fmt_in(language, f),
            ClientsError::Token(error) => error.fmt_in(language, f),
            ClientsError::Party(error) => error.fmt_in(language, f),
            ClientsError::PersonalCode(error) => error.fmt_in(language, f),
            ClientsError::RegistrationNumber(error) => error.fmt_in(language, f),
            ClientsError::VatNumber(error) => error.fmt_in(language, f),
            ClientsError::Email(error) => error.fmt_in(language, f),
            ClientsError::Phone(error) => error.fmt_in(language, f),
            ClientsError::ParseMoney(error) => error.fmt_in(language, f),
            ClientsError::Money(error) => error.fmt_in(language, f),
            ClientsError::Registry(error) => error.fmt_in(language, f),
            ClientsError::Need(error) => error.fmt_in(language, f),
            ClientsError::Privacy(error) => error.fmt_in(language, f),
            ClientsError::Register(error) => error.fmt_in(language, f),
            ClientsError::Survey(error) => error.fmt_in(language, f),
            ClientsError::Response(error) => error.fmt_in(language, f),
            ClientsError::ResponsesCsv(error) => error.fmt_in(language, f),
            ClientsError::Restore(error) => error.fmt_in(language, f),
        }
    }
}

/// Recognises every error type of `apkalpe-clients` behind a `&dyn Error`: the
/// [`ErrorDowncast`](apkalpe_core::ErrorDowncast) of this crate, for
/// [`find_localized`](apkalpe_core::find_localized). Core's errors that this crate wraps
/// ([`ClientsError::PersonalCode`], …) are found through [`ClientsError`]; pass
/// `apkalpe_core::downcast_error` too for core errors on their own.
///
/// # Examples
///
/// ```
/// use std::error::Error;
///
/// use apkalpe_clients::{Tag, downcast_error};
/// use apkalpe_core::{Language, find_localized};
///
/// let boxed: Box<dyn Error + Send + Sync> = Box::new(Tag::try_new("").unwrap_err());
/// let found = find_localized(&*boxed, &[downcast_error, apkalpe_core::downcast_error])
///     .ok_or("not an Apkalpe error")?;
/// assert_eq!(found.code(), "token.blank");
/// assert_eq!(found.message_in(Language::Latvian), "laukā „birka” nav teksta");
/// # Ok::<(), Box<dyn Error>>(())
/// ```
pub fn downcast_error<'a>(error: &'a (dyn Error + 'static)) -> Option<&'a dyn LocalizedError> {
    apkalpe_core::downcast_localized!(
        error,
        ClientsError,
        ParseTextError,
        ParseTokenError,
        RegistryError,
        NeedError,
        PrivacyError,
        RegisterRowError,
        RegisterRowProblem,
        RegisterError,
        SurveyError,
        ResponseError,
        ResponsesCsvError,
    )
}
