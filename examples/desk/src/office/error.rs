//! Why the office refused an operation, with the domain crates' stable codes.

use std::fmt;

use apkalpe_accounting::AccountingError;
use apkalpe_core::{Language, LocalizedError, Money};
use uuid::Uuid;

/// What [`OfficeError::CashLimit`] says: the operation, its cash, the deal it makes with the
/// operations linked with it, and the cap it is over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CashLimitExceeded {
    /// What the operation is: `sale`, `refund`, `cash receipt order`, `cash disbursement
    /// order`.
    pub(crate) what: &'static str,
    /// Its cash part (a card part does not count).
    pub(crate) cash: Money,
    /// The deal: its cash and that of every operation linked with it.
    pub(crate) deal: Money,
    /// The cap.
    pub(crate) cap: Money,
    /// The references of the recorded operations it is linked with (receipts `čeks Nr. …`,
    /// cash orders), in the order recorded.
    pub(crate) linked: Vec<String>,
}

/// Why an operation was refused. The office is unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub(crate) enum OfficeError {
    /// The accounting crate refused, with its findings (a draft's requisites).
    Accounting(AccountingError),
    /// A domain crate refused; `code` is its stable code.
    Domain {
        /// The crate's code.
        code: &'static str,
        /// The crate's message (English, its `Display`).
        message: String,
        /// The crate's message in Latvian (its `LocalizedError::message_in`).
        latvian: String,
    },
    /// A document with this number exists already (two series make the same numbers).
    DuplicateNumber {
        /// The number.
        number: String,
    },
    /// No shift is open.
    NoShift,
    /// A shift is open already.
    ShiftOpen,
    /// The id names no client.
    UnknownClient {
        /// The id.
        id: Uuid,
    },
    /// A number names no document of that kind.
    Unknown {
        /// What was looked for: `receipt`, `invoice`, `complaint`, `product`, `line`.
        what: &'static str,
        /// The number given.
        number: String,
    },
    /// A field of the input is wrong.
    Input {
        /// The field.
        field: &'static str,
        /// What is wrong.
        message: String,
        /// What is wrong, in Latvian.
        latvian: String,
    },
    /// The drawer cannot give the change.
    NoChange {
        /// The change due.
        change: Money,
    },
    /// The drawer does not hold the notes and coins to pay an amount out.
    DrawerShort {
        /// The amount to pay out.
        amount: Money,
        /// What the drawer holds.
        holds: Money,
    },
    /// The cash of an operation, alone or with the cash operations linked with it, is over
    /// the legal cash limit: law "Par nodokļiem un nodevām" art. 30, no cash transaction over
    /// 7 200 EUR, one operation or several linked ones (`docs/sources.md` §10 \[C4\]\[C5\]).
    /// The code is the payments crate's, `cash_limit.exceeded`. Boxed: the refusal's amounts
    /// would make every `Result` of the office larger.
    CashLimit(Box<CashLimitExceeded>),
    /// The office's history (the store's tables of closed shifts, paid invoices and filed
    /// documents) could not be read. Not a refusal: the operation was not tried.
    History {
        /// What was being read.
        what: &'static str,
        /// Why it failed.
        message: String,
    },
    /// A check the office made before changing anything passed, and the change still
    /// failed: a defect. The office may be half-changed and must be opened again.
    Internal {
        /// The step that failed.
        step: &'static str,
        /// The crate's code.
        code: &'static str,
        /// The crate's message.
        message: String,
    },
}

impl OfficeError {
    /// Returns the stable code: the domain crate's own, or `office.*`.
    pub(crate) fn code(&self) -> &'static str {
        match self {
            OfficeError::Accounting(error) => error.code(),
            OfficeError::Domain { code, .. } => code,
            OfficeError::DuplicateNumber { .. } => "office.duplicate_number",
            OfficeError::NoShift => "office.no_shift",
            OfficeError::ShiftOpen => "office.shift_open",
            OfficeError::UnknownClient { .. } => "office.unknown_client",
            OfficeError::Unknown { .. } => "office.unknown",
            OfficeError::Input { .. } => "office.input",
            OfficeError::NoChange { .. } => "office.no_change",
            OfficeError::DrawerShort { .. } => "office.drawer_short",
            OfficeError::CashLimit(_) => "cash_limit.exceeded",
            OfficeError::History { .. } => "office.history",
            OfficeError::Internal { .. } => "office.internal",
        }
    }
}

impl fmt::Display for OfficeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OfficeError::Accounting(error) => write!(f, "{error}"),
            OfficeError::Domain { message, .. } => f.write_str(message),
            OfficeError::DuplicateNumber { number } => {
                write!(f, "a document numbered {number} exists already")
            }
            OfficeError::NoShift => f.write_str(
                "no cash register shift is open; open one with `desk shift open --cashier NAME \
                 --float SPEC`",
            ),
            OfficeError::ShiftOpen => f.write_str("a cash register shift is open already"),
            OfficeError::UnknownClient { id } => write!(f, "no client has the id {id}"),
            OfficeError::Unknown { what, number } => write!(f, "no {what} {number:?}"),
            OfficeError::Input { field, message, .. } => write!(f, "{field}: {message}"),
            OfficeError::NoChange { change } => {
                write!(f, "the drawer cannot give {change} in change")
            }
            OfficeError::DrawerShort { amount, holds } => write!(
                f,
                "the drawer cannot pay out {amount} in its notes and coins (it holds {holds})"
            ),
            OfficeError::CashLimit(refusal) => {
                let CashLimitExceeded {
                    what,
                    cash,
                    deal,
                    cap,
                    linked,
                } = refusal.as_ref();
                write!(f, "the cash of this {what}, {cash}, ")?;
                if !linked.is_empty() {
                    write!(
                        f,
                        "with the cash of the operations it is linked with ({}: the same \
                         client on the same day, or the same invoice), makes {deal}, ",
                        linked.join(", ")
                    )?;
                }
                let instead = match *what {
                    "refund" => "refund it to a card or by transfer",
                    _ => "pay the rest by card or transfer",
                };
                write!(
                    f,
                    "over the cash limit of {cap} (law \"Par nodokļiem un nodevām\" art. 30: \
                     one operation or several linked ones); {instead}"
                )
            }
            OfficeError::History { what, message } => {
                write!(
                    f,
                    "the desk's history could not be read ({what}): {message}"
                )
            }
            OfficeError::Internal {
                step,
                code,
                message,
            } => write!(
                f,
                "{step} failed after every check passed ({code}: {message}); the desk must be \
                 opened again"
            ),
        }
    }
}

impl std::error::Error for OfficeError {}

/// What a refused `what` is called in Latvian, in the genitive ("nav čeka \"17\"").
fn latvian_genitive(what: &str) -> &str {
    match what {
        "receipt" => "čeka",
        "invoice" => "rēķina",
        "open invoice" => "neapmaksāta rēķina",
        "complaint" => "sūdzības",
        "open complaint" => "atvērtas sūdzības",
        "product" => "preces",
        "line" => "rindas",
        "order" => "pasūtījuma",
        "client" => "klienta",
        "need of this client" => "šī klienta vajadzības",
        "sale" => "pārdošanas",
        "refund" => "atmaksas",
        "cash receipt order" => "kases ieņēmumu ordera",
        "cash disbursement order" => "kases izdevumu ordera",
        other => other,
    }
}

/// The office's refusals in Latvian (`desk --lang lv`): a crate's refusal in the crate's own
/// Latvian, the office's own written here. German and Russian fall back to English, as the
/// crates' do.
impl LocalizedError for OfficeError {
    fn code(&self) -> &'static str {
        OfficeError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let OfficeError::Accounting(error) = self {
            return error.fmt_in(language, f);
        }
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            OfficeError::Accounting(error) => error.fmt_in(language, f),
            OfficeError::Domain { latvian, .. } => f.write_str(latvian),
            OfficeError::DuplicateNumber { number } => {
                write!(f, "dokuments ar numuru {number} jau pastāv")
            }
            OfficeError::NoShift => f.write_str(
                "kases maiņa nav atvērta; atveriet to ar `desk shift open --cashier VĀRDS \
                 --float SPEC`",
            ),
            OfficeError::ShiftOpen => f.write_str("kases maiņa jau ir atvērta"),
            OfficeError::UnknownClient { id } => write!(f, "nav klienta ar identifikatoru {id}"),
            OfficeError::Unknown { what, number } => {
                write!(f, "nav {} {number:?}", latvian_genitive(what))
            }
            OfficeError::Input { field, latvian, .. } => write!(f, "{field}: {latvian}"),
            OfficeError::NoChange { change } => {
                write!(f, "no kases nevar izdot atlikumu {change}")
            }
            OfficeError::DrawerShort { amount, holds } => write!(
                f,
                "ar kasē esošajām banknotēm un monētām nevar izmaksāt {amount} (kasē ir {holds})"
            ),
            OfficeError::CashLimit(refusal) => {
                let CashLimitExceeded {
                    what,
                    cash,
                    deal,
                    cap,
                    linked,
                } = refusal.as_ref();
                // "šīs pārdošanas" (feminine), "šī kases ieņēmumu ordera" (masculine).
                let this = if what.ends_with("order") {
                    "šī"
                } else {
                    "šīs"
                };
                write!(
                    f,
                    "{this} {} skaidrā nauda, {cash}, ",
                    latvian_genitive(what)
                )?;
                if !linked.is_empty() {
                    write!(
                        f,
                        "kopā ar saistīto darbību skaidro naudu ({}: tas pats klients tajā pašā \
                         dienā vai tas pats rēķins) ir {deal} un ",
                        linked.join(", ")
                    )?;
                }
                let instead = match *what {
                    "refund" => "atmaksājiet uz karti vai ar pārskaitījumu",
                    _ => "pārējo samaksājiet ar karti vai pārskaitījumu",
                };
                write!(
                    f,
                    "pārsniedz skaidrās naudas limitu {cap} (likuma \"Par nodokļiem un \
                     nodevām\" 30. pants: viena darbība vai vairākas saistītas); {instead}"
                )
            }
            OfficeError::History { what, message } => {
                write!(f, "darba vietas vēsturi nevar nolasīt ({what}): {message}")
            }
            OfficeError::Internal {
                step,
                code,
                message,
            } => write!(
                f,
                "solis \"{step}\" neizdevās, lai gan visas pārbaudes bija izietas ({code}: \
                 {message}); darba vieta jāatver vēlreiz"
            ),
        }
    }
}

impl OfficeError {
    /// Whether the office refused the operation (and is unchanged), as opposed to failing
    /// to read its history or breaking mid-way ([`OfficeError::History`],
    /// [`OfficeError::Internal`]).
    pub(crate) fn is_refusal(&self) -> bool {
        !matches!(
            self,
            OfficeError::History { .. } | OfficeError::Internal { .. }
        )
    }

    /// The error of a step that every earlier check said would succeed.
    pub(crate) fn internal(step: &'static str) -> impl Fn(OfficeError) -> OfficeError {
        move |error| {
            debug_assert!(false, "{step}: {error}");
            OfficeError::Internal {
                step,
                code: error.code(),
                message: error.to_string(),
            }
        }
    }
}

impl From<AccountingError> for OfficeError {
    fn from(error: AccountingError) -> Self {
        OfficeError::Accounting(error)
    }
}

/// Converts any crate error with a stable code.
macro_rules! domain_errors {
    ($($error:ty),* $(,)?) => {
        $(impl From<$error> for OfficeError {
            fn from(error: $error) -> Self {
                OfficeError::Domain {
                    code: error.code(),
                    message: error.to_string(),
                    latvian: LocalizedError::message_in(&error, Language::Latvian),
                }
            }
        })*
    };
}

domain_errors!(
    apkalpe_core::CoreError,
    apkalpe_core::MoneyError,
    apkalpe_clients::ClientsError,
    apkalpe_clients::RegistryError,
    apkalpe_clients::RegisterError,
    apkalpe_catalogue::CatalogueError,
    apkalpe_catalogue::QuoteError,
    apkalpe_documents::DocumentsError,
    apkalpe_documents::CaseError,
    apkalpe_documents::RequisiteError,
    apkalpe_payments::PaymentsError,
    apkalpe_payments::RegisterError,
    apkalpe_payments::ReceivableError,
    apkalpe_payments::StatementError,
    apkalpe_payments::CashError,
    apkalpe_payments::CashLimitError,
    apkalpe_core::CalendarError,
    apkalpe_core::NumberSeriesError,
    apkalpe_core::ParseCreditorReferenceError,
    apkalpe_core::ParseEmailAddressError,
    apkalpe_core::ParseIbanError,
    apkalpe_core::ParsePersonalCodeError,
    apkalpe_core::ParsePhoneNumberError,
    apkalpe_core::ParseRegistrationNumberError,
    apkalpe_core::ParseVatNumberError,
    apkalpe_core::PartyError,
    apkalpe_clients::ParseTokenError,
    apkalpe_documents::FilePlanError,
    apkalpe_documents::RegisterError,
    apkalpe_documents::SubmissionError,
    apkalpe_documents::RetentionError,
    apkalpe_core::RetentionError,
    apkalpe_accounting::LineError,
    apkalpe_catalogue::StockError,
    apkalpe_catalogue::DeliveryError,
    apkalpe_catalogue::ParseCodeError,
    apkalpe_clients::NeedError,
    apkalpe_clients::ParseTextError,
    apkalpe_clients::SurveyError,
    apkalpe_clients::ResponsesCsvError,
);

pub(crate) fn input<E: LocalizedError>(field: &'static str) -> impl Fn(E) -> OfficeError {
    move |error| OfficeError::Input {
        field,
        message: error.to_string(),
        latvian: error.message_in(Language::Latvian),
    }
}

#[cfg(test)]
mod tests {
    use apkalpe_core::{Currency, Language, LocalizedError, Money};
    use rust_decimal::Decimal;

    use super::{CashLimitExceeded, OfficeError};

    fn eur(amount: i64) -> Money {
        Money::new(Decimal::from(amount), Currency::EUR)
    }

    fn latvian(error: &OfficeError) -> String {
        error.message_in(Language::Latvian)
    }

    #[test]
    fn the_office_refusals_read_in_latvian_with_the_same_code() {
        let unknown = OfficeError::Unknown {
            what: "receipt",
            number: "17".into(),
        };
        assert_eq!(latvian(&unknown), "nav čeka \"17\"");
        assert_eq!(LocalizedError::code(&unknown), "office.unknown");
        let open_invoice = OfficeError::Unknown {
            what: "open invoice",
            number: "INV2026-00001".into(),
        };
        assert_eq!(
            latvian(&open_invoice),
            "nav neapmaksāta rēķina \"INV2026-00001\""
        );
        let change = OfficeError::NoChange { change: eur(5) };
        assert_eq!(
            latvian(&change),
            format!("no kases nevar izdot atlikumu {}", eur(5))
        );
        // English is the Display text, German falls back to it.
        assert_eq!(change.message_in(Language::English), change.to_string());
        assert_eq!(change.message_in(Language::German), change.to_string());
    }

    #[test]
    fn the_cash_limit_reads_in_latvian_alone_and_linked() {
        let alone = OfficeError::CashLimit(Box::new(CashLimitExceeded {
            what: "sale",
            cash: eur(8000),
            deal: eur(8000),
            cap: eur(7200),
            linked: Vec::new(),
        }));
        assert_eq!(
            latvian(&alone),
            format!(
                "šīs pārdošanas skaidrā nauda, {}, pārsniedz skaidrās naudas limitu {} (likuma \
                 \"Par nodokļiem un nodevām\" 30. pants: viena darbība vai vairākas saistītas); \
                 pārējo samaksājiet ar karti vai pārskaitījumu",
                eur(8000),
                eur(7200)
            )
        );
        let linked = OfficeError::CashLimit(Box::new(CashLimitExceeded {
            what: "cash receipt order",
            cash: eur(5500),
            deal: eur(7500),
            cap: eur(7200),
            linked: vec!["KIO2026-00001".into()],
        }));
        let text = latvian(&linked);
        assert!(
            text.starts_with(&format!(
                "šī kases ieņēmumu ordera skaidrā nauda, {}, kopā ar saistīto darbību skaidro \
                 naudu (KIO2026-00001: ",
                eur(5500)
            )),
            "{text}"
        );
        assert!(
            text.contains(&format!("ir {} un pārsniedz", eur(7500))),
            "{text}"
        );
        assert_eq!(LocalizedError::code(&linked), "cash_limit.exceeded");
    }
}
