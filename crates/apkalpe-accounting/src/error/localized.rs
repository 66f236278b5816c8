//! The errors of the crate in the reader's language: every error type implements
//! [`LocalizedError`] (decision 0007), with a hand-written Latvian message for every
//! variant. English is each error's `Display` text; German and Russian fall back to it.

use std::error::Error;
use std::fmt;

use apkalpe_core::{CountNoun, Language, LocalizedError};

use super::{
    AccountingError, CashError, CreditNoteError, Finding, GoodsError, LineError, ReadUblError,
    ServicesError, ValidationReport,
};
use crate::received::{
    DocumentPart, ParseCurrencyCodeError, ParseReceivedVatCategoryError, ReadInvoiceError,
};

/// Bytes, nominative: "ir 70 baiti".
const BYTES: CountNoun<'static> = CountNoun::new("baits", "baiti");
/// Bytes, accusative after "ne vairāk kā": "ne vairāk kā 64 baitus".
const BYTES_ACCUSATIVE: CountNoun<'static> = CountNoun::new("baitu", "baitus");
/// Nesting levels, after "par": "dziļāk par 64 līmeņiem".
const LEVELS: CountNoun<'static> = CountNoun::new("līmeni", "līmeņiem");
/// Characters, after "līdz": "no 1 līdz 200 rakstzīmēm".
const CHARACTERS_DATIVE: CountNoun<'static> = CountNoun::new("rakstzīmei", "rakstzīmēm");
/// Problems found, nominative: "3 problēmas".
const PROBLEMS: CountNoun<'static> = CountNoun::new("problēma", "problēmas");
/// Rows, nominative: "ir 2 rindas".
const ROWS: CountNoun<'static> = CountNoun::new("rinda", "rindas");

/// Shows `n` with the Latvian form of `noun` that agrees with it.
fn count(noun: CountNoun<'static>, n: usize) -> String {
    noun.count_of(Language::Latvian, n)
}

/// The Latvian name of a text field named in [`LineError::Text`], in the nominative; a
/// field this list does not know keeps its English name in quotes.
fn field(name: &str) -> String {
    let latvian = match name {
        "business name" => "uzņēmuma nosaukums",
        "buyer reference" => "pircēja atsauce",
        "cashier" => "kasieris",
        "client id" => "klienta identifikators",
        "company name" => "uzņēmuma nosaukums",
        "exemption code" => "atbrīvojuma kods",
        "exemption text" => "atbrīvojuma pamatojums",
        "invoice number" => "rēķina numurs",
        "item name" => "preces nosaukums",
        "name" => "vārds vai nosaukums",
        "note" => "piezīme",
        "order reference" => "pasūtījuma atsauce",
        "payment terms" => "samaksas noteikumi",
        "reason" => "pamatojums",
        "record id" => "ieraksta identifikators",
        "seller item id" => "pārdevēja preces kods",
        "service" => "pakalpojums",
        "signatory name" => "parakstītāja vārds",
        "signatory position" => "parakstītāja amats",
        "vehicle" => "transportlīdzeklis",
        other => return format!("lauks {other:?}"),
    };
    latvian.to_owned()
}

/// The Latvian form of a fixed English phrase an error carries (what a value should be,
/// what a rule asks for, why a writer failed); a phrase this list does not know (a list of
/// codes, a path) is shown as it is.
fn phrase(english: &'static str) -> &'static str {
    match english {
        "a date" => "datums",
        "a date (xs:date)" => "datums (xs:date)",
        "a decimal number" => "decimālskaitlis",
        "a decimal (xs:decimal)" => "decimālskaitlis (xs:decimal)",
        "an amount (xs:decimal)" => "summa (xs:decimal)",
        "an amount with its currencyID" => "summa ar tās currencyID",
        "a currency code" => "valūtas kods",
        "an ISO 4217 currency code" => "ISO 4217 valūtas kods",
        "the document currency" => "dokumenta valūta",
        "a vat category" => "PVN kategorija",
        "a vat rate" => "PVN likme",
        "an EN 16931 VAT category (S, Z, E, AE, K, G, O, L, M, B)" => {
            "EN 16931 PVN kategorija (S, Z, E, AE, K, G, O, L, M, B)"
        }
        "true or false" => "true vai false",
        "true, false, 1 or 0 (xs:boolean)" => "true, false, 1 vai 0 (xs:boolean)",
        "380 or 386" => "380 vai 386",
        "30, 58, 10 or 48" => "30, 58, 10 vai 48",
        "none in a euro document" => "nekas (dokuments ir euro)",
        "at least one" => "vismaz vienu",
        "exactly one" => "tieši vienu",
        "exactly one VAT total in the document currency" => {
            "tieši vienu PVN kopsummu dokumenta valūtā"
        }
        "the record could not be written" => "ierakstu neizdevās uzrakstīt",
        "the writer could not be flushed" => "rakstītāja buferi neizdevās izvadīt",
        "the output is not utf-8" => "rezultāts nav UTF-8",
        other => other,
    }
}

/// A part of a received document, in Latvian: "pārdevējs", "rinda 3".
struct Part<'a>(&'a DocumentPart);

impl fmt::Display for Part<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            DocumentPart::Document => f.write_str("dokuments"),
            DocumentPart::Seller => f.write_str("pārdevējs"),
            DocumentPart::Buyer => f.write_str("pircējs"),
            DocumentPart::Payee => f.write_str("maksājuma saņēmējs"),
            DocumentPart::TaxRepresentative => f.write_str("pārdevēja nodokļu pārstāvis"),
            DocumentPart::Delivery => f.write_str("piegāde"),
            DocumentPart::Payment { .. } => f.write_str("maksājuma veids"),
            DocumentPart::PayeeAccount { .. } => f.write_str("saņēmēja konts"),
            DocumentPart::PaymentReference { .. } => f.write_str("maksājuma atsauce"),
            DocumentPart::DirectDebit { .. } => f.write_str("tiešais debets"),
            DocumentPart::AllowanceCharge { position } => {
                write!(f, "dokumenta atlaide vai uzcenojums {position}")
            }
            DocumentPart::Totals => f.write_str("kopsummas"),
            DocumentPart::VatBreakdown { category, rate } => match rate {
                Some(rate) => write!(f, "PVN sadalījums {category} {}%", rate.normalize()),
                None => write!(f, "PVN sadalījums {category}"),
            },
            DocumentPart::SupportingDocument { position } => {
                write!(f, "pamatojošais dokuments {position}")
            }
            DocumentPart::Line { id, .. } => write!(f, "rinda {id}"),
        }
    }
}

impl LocalizedError for LineError {
    fn code(&self) -> &'static str {
        LineError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            LineError::Quantity { found } => write!(
                f,
                "daudzumam jābūt lielākam par nulli, ne vairāk kā 6 cipari aiz komata, bet ir {found}"
            ),
            LineError::QuantityFormat { found } => write!(f, "daudzums {found:?} nav skaitlis"),
            LineError::UnitCode { found } => write!(
                f,
                "mērvienības kodā jābūt 1 līdz 3 lielajiem burtiem vai cipariem, bet ir {found:?}"
            ),
            LineError::Text { field: name, max } => write!(
                f,
                "{}: jābūt no 1 līdz {} bez vadības rakstzīmēm",
                field(name),
                count(CHARACTERS_DATIVE, *max)
            ),
            LineError::NegativePrice { found } => {
                write!(f, "vienības cena nevar būt negatīva, bet ir {found}")
            }
            LineError::AllowanceAmount { found } => write!(
                f,
                "atlaides vai uzcenojuma summai jābūt lielākai par nulli un veselos centos, bet ir {found}"
            ),
            LineError::CategoryRate { category, rate } => {
                write!(f, "PVN kategorijai {category} nevar būt likme {rate}")
            }
            LineError::UnsupportedCategory { category } => {
                write!(f, "PVN kategoriju {category} Latvijas piegādēm neizmanto")
            }
            LineError::PayableRounding { increment } => write!(
                f,
                "maksājamo summu noapaļo līdz veseliem centiem (0.01, 0.05, 1.00…), nevis līdz {increment}"
            ),
            LineError::ExchangeRate { found } => write!(
                f,
                "valūtas kursam jābūt lielākam par nulli, ne vairāk kā 6 cipari aiz komata, bet ir {found}"
            ),
            LineError::ExchangeRateOfEuro => {
                f.write_str("valūtas kursu norāda valūtai, kas nav euro")
            }
        }
    }
}

impl LocalizedError for CreditNoteError {
    fn code(&self) -> &'static str {
        CreditNoteError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            CreditNoteError::NoSuchLine { invoice, line } => {
                write!(f, "rēķinā {invoice} nav {line}. rindas")
            }
            CreditNoteError::LineExceeded {
                invoice,
                line,
                invoiced,
                credited,
            } => write!(
                f,
                "rēķina {invoice} {line}. rinda: rēķinā {invoiced}, kreditēts {credited}"
            ),
            CreditNoteError::ExceedsInvoice {
                invoice,
                invoiced,
                credited,
            } => write!(
                f,
                "rēķina {invoice} kredītrēķini kopā būtu {credited}, vairāk nekā rēķina {invoiced}"
            ),
            CreditNoteError::ForeignCreditNote {
                credit_note,
                credits,
                invoice,
            } => write!(
                f,
                "kredītrēķins {credit_note} kreditē rēķinu {credits}, nevis {invoice}"
            ),
            CreditNoteError::Empty => f.write_str("kredītrēķinā jābūt vismaz vienai rindai"),
        }
    }
}

impl LocalizedError for ReadUblError {
    fn code(&self) -> &'static str {
        ReadUblError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            ReadUblError::Xml { position } => {
                write!(f, "XML nav labi veidots, kļūda pie baita {position}")
            }
            ReadUblError::TooDeep { max } => {
                write!(f, "XML ligzdots dziļāk par {}", count(LEVELS, *max))
            }
            ReadUblError::Root { found } => write!(
                f,
                "saknes elementam jābūt Invoice vai CreditNote, bet ir {found:?}"
            ),
            ReadUblError::Missing { path } => write!(f, "trūkst elementa {path}"),
            ReadUblError::Value {
                path,
                expected,
                found,
            } => write!(
                f,
                "elementā {path} ir {found:?}, bet jābūt: {}",
                phrase(expected)
            ),
            ReadUblError::TotalsMismatch {
                term,
                stated,
                computed,
            } => write!(f, "{term} dokumentā ir {stated}, bet aprēķināts {computed}"),
        }
    }
}

impl LocalizedError for CashError {
    fn code(&self) -> &'static str {
        CashError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            CashError::WrongSeries {
                direction,
                expected,
                found,
            } => {
                let orders = match *direction {
                    "receipt" => "kases ieņēmumu orderus",
                    "disbursement" => "kases izdevumu orderus",
                    _ => "kases orderus",
                };
                write!(f, "{orders} numurē sērijā {expected}, nevis {found}")
            }
            CashError::SharedSeries { series } => write!(
                f,
                "ieņēmumu un izdevumu orderiem vajag atsevišķas sērijas, bet abām norādīta {series}"
            ),
            CashError::NegativeBalance {
                date,
                amount,
                balance,
            } => write!(
                f,
                "{date} izmaksājot {amount}, kasē paliktu {balance}"
            ),
            CashError::OutOfOrder { date, last } => write!(
                f,
                "kases grāmatā ir ieraksti līdz {last}, orderi ar datumu {date} iegrāmatot nevar"
            ),
            CashError::AlreadyPosted { number } => {
                write!(f, "orderis {number} jau ir iegrāmatots")
            }
            CashError::Currency { expected, found } => write!(
                f,
                "kases grāmatu kārto valūtā {expected}, bet orderis ir valūtā {found}"
            ),
            CashError::OtherBusiness { number, business } => write!(
                f,
                "orderis {number} ir uzņēmuma {business} orderis, nevis tā uzņēmuma, kas kārto šo kases grāmatu"
            ),
            CashError::BusinessIdentifier => f.write_str(
                "uzņēmumu, kas kārto kasi, norāda ar reģistrācijas numuru vai nodokļu maksātāja kodu",
            ),
        }
    }
}

impl LocalizedError for GoodsError {
    fn code(&self) -> &'static str {
        GoodsError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            GoodsError::NoSuchOrderLine { order, line } => {
                write!(f, "pasūtījumā {order} nav {line}. rindas")
            }
            GoodsError::DuplicateReceivedLine { line } => {
                write!(f, "pasūtījuma {line}. rinda saņemta divreiz")
            }
            GoodsError::ReceivedQuantity { line, found } => write!(
                f,
                "{line}. rinda: daudzumam jābūt nullei vai lielākam, ne vairāk kā 6 cipari aiz komata, bet ir {found}"
            ),
            GoodsError::DamagedExceedsReceived {
                line,
                received,
                damaged,
            } => write!(
                f,
                "{line}. rinda: bojāti {damaged}, vairāk nekā saņemti {received}"
            ),
            GoodsError::ReceiptBeforeOrder {
                order_date,
                receipt_date,
            } => write!(
                f,
                "preces nevar saņemt {receipt_date}, pirms pasūtījuma {order_date}"
            ),
        }
    }
}

impl LocalizedError for ServicesError {
    fn code(&self) -> &'static str {
        ServicesError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            ServicesError::DuplicateRecord { id } => {
                write!(f, "pakalpojuma ieraksts {id} jau ir reģistrēts")
            }
            ServicesError::UnknownRecord { id } => write!(f, "nav pakalpojuma ieraksta {id}"),
            ServicesError::AlreadyBilled { id, invoice } => write!(
                f,
                "pakalpojuma ieraksts {id} jau ir iekļauts rēķinā {invoice}"
            ),
            ServicesError::NothingToBill { client } => write!(
                f,
                "klientam {client} nav pakalpojumu, par kuriem vēl nav izrakstīts rēķins"
            ),
            ServicesError::RepeatedRecord { id } => {
                write!(f, "pakalpojuma ieraksts {id} norādīts divreiz")
            }
        }
    }
}

impl LocalizedError for ReadInvoiceError {
    fn code(&self) -> &'static str {
        ReadInvoiceError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            ReadInvoiceError::TooLarge { max, found } => write!(
                f,
                "dokumentā ir {}, nolasa ne vairāk kā {}",
                count(BYTES, *found),
                count(BYTES_ACCUSATIVE, *max)
            ),
            ReadInvoiceError::Xml { position } => {
                write!(f, "XML nav labi veidots, kļūda pie baita {position}")
            }
            ReadInvoiceError::TooDeep { max } => {
                write!(f, "XML ligzdots dziļāk par {}", count(LEVELS, *max))
            }
            ReadInvoiceError::NotUbl { found, namespace } => write!(
                f,
                "saknes elementam jābūt UBL 2.1 Invoice vai CreditNote, bet ir {found:?} vārdtelpā {namespace:?}"
            ),
            ReadInvoiceError::Missing {
                rule,
                part,
                term,
                path,
            } => write!(f, "{}: trūkst {term} ({path}) ({rule})", Part(part)),
            ReadInvoiceError::Value {
                rule,
                part,
                term,
                path,
                expected,
                found,
            } => write!(
                f,
                "{}: {term} ({path}) ir {found:?}, bet jābūt: {} ({rule})",
                Part(part),
                phrase(expected)
            ),
            ReadInvoiceError::Contradiction {
                rule,
                part,
                term,
                stated,
                expected,
            } => match stated {
                Some(stated) => write!(
                    f,
                    "{}: {term} ir {stated}, pēc {rule} jābūt {expected}",
                    Part(part)
                ),
                None => write!(
                    f,
                    "{}: {term} nav norādīts, pēc {rule} jābūt {expected}",
                    Part(part)
                ),
            },
            ReadInvoiceError::Breakdown {
                rule,
                category,
                found,
                expected,
            } => write!(
                f,
                "PVN sadalījumā kategorijai {category} ir {}, {rule} prasa {}",
                count(ROWS, *found),
                phrase(expected)
            ),
            ReadInvoiceError::Overflow { part, term } => write!(
                f,
                "{}: summas ir pārāk lielas, lai aprēķinātu {term}",
                Part(part)
            ),
        }
    }
}

impl LocalizedError for ParseCurrencyCodeError {
    fn code(&self) -> &'static str {
        ParseCurrencyCodeError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            ParseCurrencyCodeError::Format { found } => write!(
                f,
                "valūtas kodā jābūt trim lielajiem latīņu burtiem, bet ir {found:?}"
            ),
        }
    }
}

impl LocalizedError for ParseReceivedVatCategoryError {
    fn code(&self) -> &'static str {
        ParseReceivedVatCategoryError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            ParseReceivedVatCategoryError::Unknown { found } => {
                write!(f, "{found:?} nav EN 16931 PVN kategorijas kods")
            }
        }
    }
}

/// A finding in Latvian: its field, Latvian message and code, as its `Display` shows it in
/// English (see [`Finding::message_in`]).
struct LatvianFinding<'a>(&'a Finding);

impl fmt::Display for LatvianFinding<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let finding = self.0;
        write!(
            f,
            "{}: {} [{}]",
            finding.field(),
            finding.message_in(Language::Latvian),
            finding.code()
        )
    }
}

/// The Latvian summary of a validation report, as its English `Display`: how many problems,
/// and the first one (its field, Latvian message and code).
fn report_in_latvian(report: &ValidationReport, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    match report.findings() {
        [] => f.write_str("problēmu nav"),
        [only] => write!(f, "{}: {}", count(PROBLEMS, 1), LatvianFinding(only)),
        [first, rest @ ..] => write!(
            f,
            "{}, pirmā: {}",
            count(PROBLEMS, rest.len().saturating_add(1)),
            LatvianFinding(first)
        ),
    }
}

impl LocalizedError for AccountingError {
    fn code(&self) -> &'static str {
        AccountingError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AccountingError::Line(error) => error.fmt_in(language, f),
            AccountingError::CreditNote(error) => error.fmt_in(language, f),
            AccountingError::ReadUbl(error) => error.fmt_in(language, f),
            AccountingError::Received(error) => error.fmt_in(language, f),
            AccountingError::Cash(error) => error.fmt_in(language, f),
            AccountingError::Goods(error) => error.fmt_in(language, f),
            AccountingError::Services(error) => error.fmt_in(language, f),
            AccountingError::Money(error) => error.fmt_in(language, f),
            AccountingError::Vat(error) => error.fmt_in(language, f),
            AccountingError::NumberSeries(error) => error.fmt_in(language, f),
            AccountingError::Words(error) => error.fmt_in(language, f),
            AccountingError::Party(error) => error.fmt_in(language, f),
            AccountingError::Restore(error) => error.fmt_in(language, f),
            _ if language != Language::Latvian => fmt::Display::fmt(self, f),
            AccountingError::Invalid(report) => {
                f.write_str("dokuments nav derīgs: ")?;
                report_in_latvian(report, f)
            }
            AccountingError::Csv { reason } => {
                write!(f, "grāmatojumu CSV nevarēja uzrakstīt: {}", phrase(reason))
            }
            AccountingError::Internal { code } => write!(f, "iekšēja kļūda {code}"),
        }
    }
}

/// Recognises every error type of `apkalpe-accounting` behind a `&dyn Error`: the
/// [`ErrorDowncast`](apkalpe_core::ErrorDowncast) of this crate, for
/// [`find_localized`](apkalpe_core::find_localized).
///
/// # Examples
///
/// ```
/// use std::error::Error;
///
/// use apkalpe_accounting::{downcast_error, Quantity};
/// use apkalpe_core::{find_localized, Language};
///
/// let boxed: Box<dyn Error> = Box::new("-1".parse::<Quantity>().unwrap_err());
/// let found = find_localized(&*boxed, &[downcast_error, apkalpe_core::downcast_error])
///     .ok_or("not an Apkalpe error")?;
/// assert_eq!(found.code(), "line.quantity");
/// assert_eq!(
///     found.message_in(Language::Latvian),
///     "daudzumam jābūt lielākam par nulli, ne vairāk kā 6 cipari aiz komata, bet ir -1"
/// );
/// # Ok::<(), Box<dyn Error>>(())
/// ```
pub fn downcast_error<'a>(error: &'a (dyn Error + 'static)) -> Option<&'a dyn LocalizedError> {
    apkalpe_core::downcast_localized!(
        error,
        AccountingError,
        LineError,
        CreditNoteError,
        ReadUblError,
        CashError,
        GoodsError,
        ServicesError,
        ReadInvoiceError,
        ParseCurrencyCodeError,
        ParseReceivedVatCategoryError,
    )
}
