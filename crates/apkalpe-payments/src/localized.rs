//! Errors in the reader's language: every error type of the crate implements core's
//! [`LocalizedError`], with a Latvian message written by hand for every variant, and
//! [`downcast_error`] finds them behind a `&dyn Error` (decision 0007).

use std::error::Error;
use std::fmt;

use apkalpe_core::{CountNoun, Language, LocalizedError};

use crate::{
    CardPaymentError, CardPaymentStatus, CashError, CashLimitError, DeclineReason, EpcQrError,
    FiscalDeviceError, ParseBicError, ParseCardExpiryError, ParseCardNumberError,
    ParseMaskedPanError, ParseTerminalIdError, PaymentsError, ReceivableError, ReceivablesCsvError,
    RegisterError, StatementError, TerminalError,
};

/// Digits, nominative: "bet ir 5 cipari".
const DIGITS: CountNoun<'static> = CountNoun::new("cipars", "cipari");
/// Characters, nominative: "bet ir 16 rakstzīmes".
const CHARACTERS: CountNoun<'static> = CountNoun::new("rakstzīme", "rakstzīmes");
/// Bytes, nominative: "ir 398 baiti".
const BYTES: CountNoun<'static> = CountNoun::new("baits", "baiti");
/// Columns, nominative: "bet ir 3 kolonnas".
const COLUMNS: CountNoun<'static> = CountNoun::new("kolonna", "kolonnas");
/// Columns, dative: "jābūt 6 kolonnām".
const COLUMNS_DATIVE: CountNoun<'static> = CountNoun::new("kolonnai", "kolonnām");

/// Receipts, nominative: "maiņā ir 3 čeki" (a restore reason).
#[cfg(feature = "serde")]
pub(crate) const RECEIPTS: CountNoun<'static> = CountNoun::new("čeks", "čeki");
/// Reconciliation outcomes, dative: "šis statuss ir 3 rezultātiem" (a restore reason).
#[cfg(feature = "serde")]
pub(crate) const OUTCOMES_DATIVE: CountNoun<'static> = CountNoun::new("rezultātam", "rezultātiem");

/// `n` and the form of `noun` that agrees with it in Latvian.
pub(crate) fn count(noun: CountNoun<'static>, n: usize) -> String {
    noun.count_of(Language::Latvian, n)
}

/// The Latvian name of a card payment's status, as a predicate ("ir autorizēts").
fn status(status: CardPaymentStatus) -> &'static str {
    match status {
        CardPaymentStatus::Initiated => "tikai uzsākts",
        CardPaymentStatus::Declined => "atteikts",
        CardPaymentStatus::Authorised => "autorizēts",
        CardPaymentStatus::Voided => "anulēts",
        CardPaymentStatus::Captured => "iekasēts",
        CardPaymentStatus::PartlyRefunded => "daļēji atmaksāts",
        CardPaymentStatus::Refunded => "atmaksāts",
    }
}

/// Why a terminal declined, in Latvian.
fn decline(reason: DeclineReason) -> &'static str {
    match reason {
        DeclineReason::InsufficientFunds => "nepietiek līdzekļu",
        DeclineReason::ExpiredCard => "kartei beidzies derīguma termiņš",
        DeclineReason::DoNotHonour => "izdevējbanka darījumu neapstiprina",
        DeclineReason::LostOrStolen => "karte pazaudēta vai nozagta",
    }
}

/// A field name of the crate's errors in Latvian, nominative; the English name when the
/// crate has no such field (never reached: every `field` literal of the crate is listed).
fn field(name: &'static str) -> &'static str {
    match name {
        "taxpayer name" => "nodokļu maksātāja nosaukums",
        "taxpayer number" => "nodokļu maksātāja numurs",
        "outlet address" => "tirdzniecības vietas adrese",
        "device serial number" => "ierīces sērijas numurs",
        "fiscal module code" => "fiskālā moduļa kods",
        "discount reason" => "atlaides iemesls",
        "line description" => "rindas apraksts",
        "cashier" => "kasieris",
        "number" => "numurs",
        "debtor" => "debitors",
        "key" => "atslēga",
        "name" => "nosaukums",
        "reference" => "atsauce",
        "invoice" => "rēķins",
        "beneficiary name" => "saņēmēja nosaukums",
        "remittance text" => "maksājuma mērķa teksts",
        "information" => "informācija maksātājam",
        "amount" => "summa",
        "currency" => "valūta",
        "due_date" => "apmaksas termiņš",
        other => other,
    }
}

impl LocalizedError for ParseCardNumberError {
    fn code(&self) -> &'static str {
        ParseCardNumberError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            ParseCardNumberError::Empty => f.write_str("kartes numurs ir tukšs"),
            ParseCardNumberError::InvalidCharacter { position } => write!(
                f,
                "kartes numurā pozīcijā {position} ir rakstzīme, kas nav cipars, atstarpe vai defise"
            ),
            ParseCardNumberError::Length { found } => write!(
                f,
                "kartes numurā ir no 12 līdz 19 cipariem, bet ir {}",
                count(DIGITS, *found)
            ),
            ParseCardNumberError::Checksum => {
                f.write_str("kartes numura kontrolcipars neatbilst Luhn algoritmam")
            }
            ParseCardNumberError::UnknownBrand => {
                f.write_str("kartes numura IIN nepieder nevienai zināmai karšu sistēmai")
            }
            ParseCardNumberError::BrandLength {
                brand,
                expected,
                found,
            } => write!(
                f,
                "{brand} kartes numurā ir {} cipari, bet ir {}",
                expected.replace(" or ", " vai "),
                count(DIGITS, *found)
            ),
        }
    }
}

impl LocalizedError for ParseMaskedPanError {
    fn code(&self) -> &'static str {
        ParseMaskedPanError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            ParseMaskedPanError::Format { found } => write!(
                f,
                "maskētais kartes numurs ir 6 cipari, vismaz 2 '*' un 4 cipari (12 līdz 19 rakstzīmes), bet ir {}",
                count(CHARACTERS, *found)
            ),
        }
    }
}

impl LocalizedError for ParseCardExpiryError {
    fn code(&self) -> &'static str {
        ParseCardExpiryError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            ParseCardExpiryError::Format => {
                f.write_str("kartes derīguma termiņu raksta MM/GG vai MM/GGGG")
            }
            ParseCardExpiryError::Month { found } => write!(
                f,
                "derīguma termiņa mēnesim jābūt no 1 līdz 12, bet ir {found}"
            ),
        }
    }
}

impl LocalizedError for ParseTerminalIdError {
    fn code(&self) -> &'static str {
        ParseTerminalIdError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            ParseTerminalIdError::Format { what } => {
                let what = match *what {
                    "idempotency key" => "idempotences atslēgā",
                    "card token" => "kartes marķierī",
                    "authorisation code" => "autorizācijas kodā",
                    other => other,
                };
                write!(
                    f,
                    "{what} jābūt no 1 līdz 64 drukājamām ASCII rakstzīmēm bez atstarpēm"
                )
            }
            ParseTerminalIdError::LooksLikeCardNumber => {
                f.write_str("kartes marķierī nedrīkst būt 12 vai vairāk ciparu pēc kārtas")
            }
        }
    }
}

impl LocalizedError for TerminalError {
    fn code(&self) -> &'static str {
        TerminalError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            TerminalError::Declined { reason } => write!(f, "atteikts: {}", decline(*reason)),
            TerminalError::TimedOut => f.write_str(
                "terminālis laikā neatbildēja; atkārtojiet pieprasījumu ar to pašu idempotences atslēgu",
            ),
            TerminalError::Unavailable => f.write_str("terminālis nav pieejams"),
            TerminalError::UnknownToken => f.write_str("terminālis nepazīst šo kartes marķieri"),
            TerminalError::KeyReused { key } => write!(
                f,
                "idempotences atslēga {key} jau izmantota citam pieprasījumam"
            ),
        }
    }
}

impl LocalizedError for CardPaymentError {
    fn code(&self) -> &'static str {
        CardPaymentError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CardPaymentError::Terminal(error) => return error.fmt_in(language, f),
            CardPaymentError::Money(error) => return error.fmt_in(language, f),
            _ if language != Language::Latvian => return fmt::Display::fmt(self, f),
            _ => {}
        }
        match self {
            CardPaymentError::State {
                operation,
                status: now,
            } => {
                let operation = match *operation {
                    "authorise" => "autorizēt",
                    "capture" => "iekasēt",
                    "void" => "anulēt",
                    "refund" => "atmaksāt",
                    other => other,
                };
                write!(f, "nevar {operation} maksājumu, kas ir {}", status(*now))
            }
            CardPaymentError::Amount { expected, found } => {
                write!(f, "summa {found} nav pozitīva summa valūtā {expected}")
            }
            CardPaymentError::Exceeds {
                operation,
                requested,
                available,
            } => {
                let operation = match *operation {
                    "capture" => "iekasējums",
                    "refund" => "atmaksa",
                    other => other,
                };
                write!(f, "{operation} {requested} pārsniedz pieejamos {available}")
            }
            CardPaymentError::CardExpired { expiry } => {
                write!(f, "kartes derīguma termiņš beidzās {expiry} beigās")
            }
            CardPaymentError::KeyConflict { key } => write!(
                f,
                "idempotences atslēga {key} jau tika izmantota citam pieprasījumam"
            ),
            CardPaymentError::Terminal(error) => error.fmt_in(language, f),
            CardPaymentError::Money(error) => error.fmt_in(language, f),
        }
    }
}

impl LocalizedError for CashError {
    fn code(&self) -> &'static str {
        CashError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CashError::CashRounding(error) => return error.fmt_in(language, f),
            CashError::Money(error) => return error.fmt_in(language, f),
            _ if language != Language::Latvian => return fmt::Display::fmt(self, f),
            _ => {}
        }
        match self {
            CashError::Currency { found } => {
                write!(f, "skaidru naudu skaita EUR, bet ir {found}")
            }
            CashError::NotWholeCents { amount } => {
                write!(f, "{amount} nav nenegatīva summa veselos centos")
            }
            CashError::ChangeUnavailable { amount } => write!(
                f,
                "kasē nav banknošu un monētu, lai izdotu atlikumu {amount}"
            ),
            CashError::InsufficientTender { due, tendered } => write!(
                f,
                "iedoti {tendered}, mazāk nekā skaidrā naudā maksājamie {due}"
            ),
            CashError::DrawerShort {
                denomination,
                held,
                requested,
            } => write!(
                f,
                "kasē ir {held} gab. pa {denomination}, bet pieprasīti {requested}"
            ),
            CashError::Empty { field } => match *field {
                "reason" => f.write_str("skaidras naudas operācijas iemesls nedrīkst būt tukšs"),
                "document reference" => {
                    f.write_str("skaidras naudas operācijas dokumenta atsauce nedrīkst būt tukša")
                }
                other => write!(
                    f,
                    "skaidras naudas operācijas lauks {other} nedrīkst būt tukšs"
                ),
            },
            CashError::NonPositive { amount } => write!(
                f,
                "skaidras naudas kustībai jābūt pozitīvai, bet ir {amount}"
            ),
            CashError::Overflow => f.write_str("skaitītājs pārpildījās"),
            CashError::CashRounding(error) => error.fmt_in(language, f),
            CashError::Money(error) => error.fmt_in(language, f),
        }
    }
}

impl LocalizedError for CashLimitError {
    fn code(&self) -> &'static str {
        CashLimitError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CashLimitError::Cash(error) => return error.fmt_in(language, f),
            _ if language != Language::Latvian => return fmt::Display::fmt(self, f),
            _ => {}
        }
        match self {
            CashLimitError::Exceeded {
                reference,
                cash,
                deal,
                cap,
                linked,
            } => write!(
                f,
                "skaidrā nauda {cash} dokumentā {reference} veido darījumu par {deal}, kas pārsniedz robežu {cap} (saistīto reģistrēto operāciju skaits: {linked})"
            ),
            CashLimitError::Duplicate { reference } => {
                write!(f, "skaidras naudas operācija {reference} jau ir reģistrēta")
            }
            CashLimitError::Text {
                field: name,
                problem,
            } => write!(
                f,
                "skaidras naudas operācijas lauks “{}”: {}",
                field(name),
                problem.message_in(language)
            ),
            CashLimitError::Cash(error) => error.fmt_in(language, f),
        }
    }
}

impl LocalizedError for ParseBicError {
    fn code(&self) -> &'static str {
        ParseBicError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            ParseBicError::Length { found } => write!(
                f,
                "BIC kodā ir 8 vai 11 rakstzīmes, bet ir {}",
                count(CHARACTERS, *found)
            ),
            ParseBicError::Format { position, expected } => {
                let expected = match *expected {
                    "a letter" => "burtam",
                    "a letter or digit" => "burtam vai ciparam",
                    other => other,
                };
                write!(f, "BIC kodā pozīcijā {position} jābūt {expected}")
            }
        }
    }
}

impl LocalizedError for EpcQrError {
    fn code(&self) -> &'static str {
        EpcQrError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EpcQrError::Bic(error) => return error.fmt_in(language, f),
            EpcQrError::Reference(error) => return error.fmt_in(language, f),
            _ if language != Language::Latvian => return fmt::Display::fmt(self, f),
            _ => {}
        }
        match self {
            EpcQrError::NameEmpty => {
                f.write_str("saņēmēja nosaukums nedrīkst būt tukšs (EPC lauks 6)")
            }
            EpcQrError::NameLength { found } => write!(
                f,
                "saņēmēja nosaukumā ir {}, EPC atļauj ne vairāk kā 70 (lauks 6)",
                count(CHARACTERS, *found)
            ),
            EpcQrError::BothRemittances => f.write_str(
                "norādiet vai nu strukturētu RF atsauci, vai maksājuma mērķa tekstu, ne abus (EPC lauki 10 un 11)",
            ),
            EpcQrError::TextLength { found } => write!(
                f,
                "maksājuma mērķa tekstā ir {}, EPC atļauj ne vairāk kā 140 (lauks 11)",
                count(CHARACTERS, *found)
            ),
            EpcQrError::InformationLength { found } => write!(
                f,
                "informācijā maksātājam ir {}, EPC atļauj ne vairāk kā 70 (lauks 12)",
                count(CHARACTERS, *found)
            ),
            EpcQrError::Purpose => f.write_str("mērķa kodā jābūt 4 burtiem (EPC lauks 9)"),
            EpcQrError::LineBreak { field: name } => write!(
                f,
                "laukā “{}” nedrīkst būt rindas pārnesuma",
                field(name)
            ),
            EpcQrError::Currency { found } => {
                write!(f, "EPC QR summas ir EUR, bet ir {found}")
            }
            EpcQrError::AmountRange { amount } => write!(
                f,
                "summa {amount} nav robežās no 0.01 līdz 999999999.99 EUR veselos centos (EPC lauks 8)"
            ),
            EpcQrError::PayloadLength { found } => write!(
                f,
                "saturā ir {}, EPC atļauj ne vairāk kā 331",
                count(BYTES, *found)
            ),
            EpcQrError::QrVersion { found } => write!(
                f,
                "QR kodam vajag versiju {found}, EPC atļauj ne augstāku par 13"
            ),
            EpcQrError::QrEncoding => f.write_str("saturs neietilpst QR kodā"),
            EpcQrError::Bic(error) => error.fmt_in(language, f),
            EpcQrError::Reference(error) => error.fmt_in(language, f),
        }
    }
}

impl LocalizedError for RegisterError {
    fn code(&self) -> &'static str {
        RegisterError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RegisterError::CashLimit(error) => return error.fmt_in(language, f),
            RegisterError::Cash(error) => return error.fmt_in(language, f),
            RegisterError::Money(error) => return error.fmt_in(language, f),
            RegisterError::Vat(error) => return error.fmt_in(language, f),
            RegisterError::FiscalDevice(error) => return error.fmt_in(language, f),
            _ if language != Language::Latvian => return fmt::Display::fmt(self, f),
            _ => {}
        }
        match self {
            RegisterError::Empty { field: name } => {
                write!(f, "lauks “{}” nedrīkst būt tukšs", field(name))
            }
            RegisterError::NoLines => f.write_str("čekā jābūt vismaz vienai rindai"),
            RegisterError::Quantity { line, found } => write!(
                f,
                "rinda {line}: daudzumam jābūt pozitīvam, bet ir {found}"
            ),
            RegisterError::DiscountAmount { found, line_amount } => write!(
                f,
                "atlaidei jābūt pozitīvai un ne lielākai par rindas summu {line_amount}, bet ir {found}"
            ),
            RegisterError::DiscountPercent { found } => write!(
                f,
                "atlaides procentam jābūt lielākam par 0 un ne lielākam par 100, bet ir {found}"
            ),
            RegisterError::Price { line, found } => write!(
                f,
                "rinda {line}: vienības cena nedrīkst būt negatīva, bet ir {found}"
            ),
            RegisterError::Currency { expected, found } => write!(
                f,
                "kases aparāts strādā valūtā {expected}, bet ir {found}"
            ),
            RegisterError::Tenders {
                total,
                non_cash,
                cash,
            } => write!(
                f,
                "samaksa nesedz kopsummu {total}: bezskaidrā naudā {non_cash}, skaidrā naudā {cash}"
            ),
            RegisterError::Tender { found } => {
                write!(f, "samaksai jābūt pozitīvai, bet ir {found}")
            }
            RegisterError::ReturnOriginal { original } => write!(
                f,
                "čeks {original} nav šī kases aparāta agrāks pārdošanas čeks"
            ),
            RegisterError::UnknownOriginal { original, last } => write!(
                f,
                "čeks {original} nav izsniegts: kases aparāta pēdējais čeks ir {last}"
            ),
            RegisterError::CardReference => f.write_str(
                "kartes maksājuma atsaucei jābūt maskētam kartes numuram vai termināļa atsaucei, nevis kartes numuram",
            ),
            RegisterError::Counter { counter } => match *counter {
                "receipt" => f.write_str("kases aparāta čeku skaitītājs pārpildījās"),
                "z report" => f.write_str("kases aparāta Z atskaišu skaitītājs pārpildījās"),
                other => write!(f, "kases aparāta skaitītājs “{other}” pārpildījās"),
            },
            RegisterError::CashLimit(error) => error.fmt_in(language, f),
            RegisterError::Cash(error) => error.fmt_in(language, f),
            RegisterError::Money(error) => error.fmt_in(language, f),
            RegisterError::Vat(error) => error.fmt_in(language, f),
            RegisterError::FiscalDevice(error) => error.fmt_in(language, f),
        }
    }
}

impl LocalizedError for FiscalDeviceError {
    fn code(&self) -> &'static str {
        FiscalDeviceError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            FiscalDeviceError::Unavailable => f.write_str("fiskālā ierīce nav pieejama"),
            FiscalDeviceError::Rejected { reason } => {
                write!(f, "fiskālā ierīce atteica dokumentu: {reason}")
            }
        }
    }
}

impl LocalizedError for ReceivableError {
    fn code(&self) -> &'static str {
        ReceivableError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReceivableError::Money(error) => return error.fmt_in(language, f),
            _ if language != Language::Latvian => return fmt::Display::fmt(self, f),
            _ => {}
        }
        match self {
            ReceivableError::Empty { field: name } => match *name {
                "number" => f.write_str("debitora parāda numurs nedrīkst būt tukšs"),
                "debtor" => f.write_str("debitora parāda debitors nedrīkst būt tukšs"),
                other => write!(f, "debitora parāda lauks “{other}” nedrīkst būt tukšs"),
            },
            ReceivableError::NonPositive { what, found } => {
                let what = match *what {
                    "receivable amount" => "debitora parāda summai",
                    "payment amount" => "maksājuma summai",
                    "credit" => "kredītam",
                    other => other,
                };
                write!(f, "{what} jābūt pozitīvai, bet ir {found}")
            }
            ReceivableError::Duplicate { number } => {
                write!(f, "debitora parāds {number} jau ir reģistrā")
            }
            ReceivableError::Unknown { target } => {
                write!(f, "nav debitora parāda {target}")
            }
            ReceivableError::AlreadyApplied { id } => {
                write!(f, "maksājums {id} jau ir piesaistīts")
            }
            ReceivableError::BeforeHorizon { id, date, horizon } => write!(
                f,
                "maksājums {id} ({date}) ir pirms reģistra horizonta {horizon}, tāpēc to nepiesaista"
            ),
            ReceivableError::Currency { expected, found } => write!(
                f,
                "maksājums valūtā {found} nevar segt debitora parādu valūtā {expected}"
            ),
            ReceivableError::Money(error) => error.fmt_in(language, f),
        }
    }
}

impl LocalizedError for ReceivablesCsvError {
    fn code(&self) -> &'static str {
        ReceivablesCsvError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            ReceivablesCsvError::Header { expected, found } => {
                write!(f, "galvenei jābūt {expected:?}, bet ir {found:?}")
            }
            ReceivablesCsvError::Columns {
                line,
                expected,
                found,
            } => write!(
                f,
                "{line}. rinda: jābūt {}, bet ir {}",
                count(COLUMNS_DATIVE, *expected),
                count(COLUMNS, *found)
            ),
            ReceivablesCsvError::Quote { line } => {
                write!(f, "{line}. rinda: pēdiņās sākts lauks nav noslēgts")
            }
            ReceivablesCsvError::Field {
                line,
                field: name,
                code,
            } => write!(
                f,
                "{line}. rinda: lauks “{}” nav derīgs ({code})",
                field(name)
            ),
            ReceivablesCsvError::AtLine { line, source } => {
                write!(f, "{line}. rinda: {}", source.message_in(language))
            }
        }
    }
}

impl LocalizedError for StatementError {
    fn code(&self) -> &'static str {
        StatementError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            StatementError::Encoding { position } => {
                write!(f, "izraksts nav UTF-8 kodējumā (baits {position})")
            }
            // The parser's reason is its own English text.
            StatementError::Xml { position, reason } => {
                write!(f, "kļūdains XML baitā {position}: {reason}")
            }
            StatementError::NotCamt { found } => write!(
                f,
                "tas nav camt.052, camt.053 vai camt.054 ziņojums (atrasts {found})"
            ),
            StatementError::Missing { entry, field } => {
                write!(f, "ieraksts {entry}: trūkst {field}")
            }
            StatementError::Amount {
                entry,
                field,
                found,
            } => write!(
                f,
                "ieraksts {entry}: {field} {found:?} nav derīga summa vai valūta"
            ),
            StatementError::Date {
                entry,
                field,
                found,
            } => write!(f, "ieraksts {entry}: {field} {found:?} nav datums"),
            StatementError::Negative { field, found } => {
                write!(f, "summa {field} nedrīkst būt negatīva, bet ir {found}")
            }
            StatementError::CreditDebit { entry, found } => write!(
                f,
                "ieraksts {entry}: kredīta/debeta pazīme {found:?} nav ne CRDT, ne DBIT"
            ),
        }
    }
}

impl LocalizedError for PaymentsError {
    fn code(&self) -> &'static str {
        PaymentsError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PaymentsError::CardNumber(error) => error.fmt_in(language, f),
            PaymentsError::MaskedPan(error) => error.fmt_in(language, f),
            PaymentsError::CardExpiry(error) => error.fmt_in(language, f),
            PaymentsError::TerminalId(error) => error.fmt_in(language, f),
            PaymentsError::Terminal(error) => error.fmt_in(language, f),
            PaymentsError::CardPayment(error) => error.fmt_in(language, f),
            PaymentsError::Cash(error) => error.fmt_in(language, f),
            PaymentsError::CashLimit(error) => error.fmt_in(language, f),
            PaymentsError::Bic(error) => error.fmt_in(language, f),
            PaymentsError::EpcQr(error) => error.fmt_in(language, f),
            PaymentsError::Register(error) => error.fmt_in(language, f),
            PaymentsError::FiscalDevice(error) => error.fmt_in(language, f),
            PaymentsError::Receivable(error) => error.fmt_in(language, f),
            PaymentsError::ReceivablesCsv(error) => error.fmt_in(language, f),
            PaymentsError::Statement(error) => error.fmt_in(language, f),
            PaymentsError::Core(error) => error.fmt_in(language, f),
            PaymentsError::Restore(error) => error.fmt_in(language, f),
        }
    }
}

/// Recognises every error type of `apkalpe-payments` behind a `&dyn Error`: the
/// [`ErrorDowncast`](apkalpe_core::ErrorDowncast) of this crate, for
/// [`find_localized`](apkalpe_core::find_localized).
///
/// # Examples
///
/// ```
/// use std::error::Error;
///
/// use apkalpe_core::{find_localized, Language};
/// use apkalpe_payments::{downcast_error, CardNumber};
///
/// let boxed: Box<dyn Error> = Box::new("4111111111111112".parse::<CardNumber>().unwrap_err());
/// let found = find_localized(&*boxed, &[apkalpe_core::downcast_error, downcast_error])
///     .ok_or("not an Apkalpe error")?;
/// assert_eq!(found.code(), "card.checksum");
/// assert_eq!(
///     found.message_in(Language::Latvian),
///     "kartes numura kontrolcipars neatbilst Luhn algoritmam"
/// );
/// # Ok::<(), Box<dyn Error>>(())
/// ```
pub fn downcast_error<'a>(error: &'a (dyn Error + 'static)) -> Option<&'a dyn LocalizedError> {
    apkalpe_core::downcast_localized!(
        error,
        PaymentsError,
        ParseCardNumberError,
        ParseMaskedPanError,
        ParseCardExpiryError,
        ParseTerminalIdError,
        TerminalError,
        CardPaymentError,
        CashError,
        CashLimitError,
        ParseBicError,
        EpcQrError,
        RegisterError,
        FiscalDeviceError,
        ReceivableError,
        ReceivablesCsvError,
        StatementError,
    )
}
