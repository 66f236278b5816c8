//! The service desk as one state machine: every change of a working day is an
//! [`Operation`], applied by [`Office::apply`] through the domain crates.
//!
//! The office is pure like the crates it composes: the time of an operation comes in as an
//! argument, new ids are numbered from its own counters, and it does no I/O. That is what
//! lets [`crate::store`] keep a day safely: the store writes each operation to its journal
//! together with what the operation produced, in one transaction, and rebuilds the office
//! on opening by applying the journal again. Applying the same operations in the same order
//! always gives the same office, with the same numbers.
//!
//! An operation that fails returns an [`OfficeError`] and leaves the office as it was: each
//! operation checks everything that can fail before it changes anything.

use std::collections::BTreeMap;
use std::fmt;

use apkalpe_accounting::{
    AccountingBatch, AccountingError, BatchEntry, CreditedLine,
    DocumentKind as AccountingDocumentKind, DraftCreditNote, DraftInvoice, DraftWaybill,
    InvoiceDraftInput, InvoiceKind, InvoiceLine, IssueOptions, IssuedCreditNote, IssuedInvoice,
    ItemLine as WaybillLine, LineVat, Quantity as InvoiceQuantity, UnitCode, Waybill,
};
use apkalpe_catalogue::{
    CarrierId, CatalogueFile, OrderReference, Quantity as CatalogueQuantity, Reservation,
    ScheduledDelivery, Sku,
};
use apkalpe_clients::{
    AggregateOptions, BudgetRange, ClientDetails, ClientId, ClientRegistry, Consent, ErasureReport,
    LegalBasis, LegalForm, Need, NeedId, NeedStatus, Organisation, Person, PersonalField, Purpose,
    QuestionId, QuestionKind, RegisterFile, Registration, RetentionHold, Sku as ClientSku, Survey,
    SurveyStats, Verification, read_responses_csv, verify,
};
use apkalpe_core::{
    Address, Calendar, CountryCode, CreditorReference, Currency, EmailAddress, Money,
    NumberPattern, NumberSeries, Party, PartyName, Period, PhoneNumber, VatRateTable, YearReset,
    riga_date,
};
use apkalpe_documents::{
    AnswerOutcome, AnswerRules, CaseIndex, Channel as SubmissionChannel, CountingRule,
    DeadlineRegime, DocumentDraft, DocumentId, DocumentKind, FilePlan, Letter, NewSubmission,
    OpenCase, OpenSubmission, Register, RegisterKind, Requisite, RetentionObligation, Salutation,
    SubmissionKind,
};
use apkalpe_payments::{
    AllocationTarget, BankStatement, CashCount, CashRegister, Denomination, IncomingPayment,
    MaskedPan, OpenShift, Receipt, ReceiptKind, ReceiptLine, Receivable, ReceivableLedger,
    ReconciliationReport, RegisterIdentity, Tender, ZReport, reconcile,
};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The sample Register of Enterprises file shipped with apkalpe-clients.
pub(crate) const REGISTER_CSV: &str =
    include_str!("../../../crates/apkalpe-clients/tests/fixtures/register.csv");
/// The sample file plan shipped with apkalpe-documents.
pub(crate) const FILE_PLAN_CSV: &str =
    include_str!("../../../crates/apkalpe-documents/tests/fixtures/fileplan.csv");
/// The sample catalogue shipped with apkalpe-catalogue.
pub(crate) const CATALOGUE_JSON: &str =
    include_str!("../../../crates/apkalpe-catalogue/tests/fixtures/catalogue.json");

/// The number series the desk issues invoices from, and its pattern.
pub(crate) const INVOICE_SERIES: (&str, &str) = ("invoices", "INV{year}-{seq:5}");
/// The number series of credit notes, and its pattern.
pub(crate) const CREDIT_NOTE_SERIES: (&str, &str) = ("credit-notes", "KR{year}-{seq:5}");
/// The number series of waybills (*preču pavadzīmes*), and its pattern.
pub(crate) const WAYBILL_SERIES: (&str, &str) = ("waybills", "PP{year}-{seq:4}");

/// Where each kind of document is filed: the file plan's case indexes (the sample plan,
/// MK 282 numbering).
pub(crate) mod cases {
    /// Consumer complaints and the answers to them.
    pub(crate) const COMPLAINTS: &str = "2.1";
    /// Client surveys and reports on them.
    pub(crate) const SURVEYS: &str = "2.7";
    /// Contracts with clients.
    pub(crate) const CONTRACTS: &str = "3.1";
    /// Invoices and other source documents.
    pub(crate) const INVOICES: &str = "4.2";
    /// Cash documents: the register's Z reports.
    pub(crate) const CASH: &str = "4.4";
    /// Every case the desk files into.
    pub(crate) const ALL: [&str; 5] = [COMPLAINTS, SURVEYS, CONTRACTS, INVOICES, CASH];
}

/// One product line of a sale or an invoice: a catalogue SKU and a whole quantity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ItemLine {
    /// The catalogue SKU.
    pub(crate) sku: String,
    /// How many units (whole units; at least 1).
    pub(crate) quantity: u32,
}

/// A new client as the desk takes it down.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub(crate) struct ClientInput {
    /// A person's given name (with `family`), or empty for an organisation.
    pub(crate) given: String,
    /// A person's family name.
    pub(crate) family: String,
    /// A person's personal code (*personas kods*).
    pub(crate) personal_code: Option<String>,
    /// An organisation's name without its legal form.
    pub(crate) organisation: Option<String>,
    /// The legal form (SIA, AS, …).
    pub(crate) legal_form: Option<String>,
    /// The registration number (checked against the company register).
    pub(crate) registration_number: Option<String>,
    /// The VAT number.
    pub(crate) vat_number: Option<String>,
    /// Street and house, for invoices.
    pub(crate) street: Option<String>,
    /// City.
    pub(crate) city: Option<String>,
    /// Postcode.
    pub(crate) postcode: Option<String>,
    /// E-mail address.
    pub(crate) email: Option<String>,
    /// Phone number.
    pub(crate) phone: Option<String>,
    /// Purposes the client consents to: `marketing_email`, `phone_calls`, `surveys`,
    /// `profiling`.
    pub(crate) consents: Vec<String>,
}

impl ClientInput {
    /// The input without the fields `erased` says are erased: what the journal may keep of
    /// a registration after an erasure. An erased name becomes the register's own marker.
    pub(crate) fn redacted(&self, erased: impl Fn(PersonalField) -> bool) -> ClientInput {
        let mut input = self.clone();
        if erased(PersonalField::Name) {
            input.given = if input.given.is_empty() {
                String::new()
            } else {
                "[erased]".into()
            };
            input.family = "[erased]".into();
        }
        if erased(PersonalField::PersonalCode) {
            input.personal_code = None;
        }
        if erased(PersonalField::Addresses) {
            input.street = None;
            input.city = None;
            input.postcode = None;
        }
        if erased(PersonalField::Emails) {
            input.email = None;
        }
        if erased(PersonalField::Phones) {
            input.phone = None;
        }
        input
    }
}

/// A captured card payment as the terminal reported it: only the masked number is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CardCapture {
    /// The amount captured.
    pub(crate) amount: Money,
    /// The masked card number (first 6 and last 4 digits at most).
    pub(crate) masked: MaskedPan,
}

/// A change to the desk's state. The store's journal keeps these, as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
pub(crate) enum Operation {
    /// Opens the working day: loads the file plan of the day's year (MK 282) and opens the
    /// cases the desk files into (T3.4).
    OpenDay,
    /// Registers a client (T2.1); an organisation is checked in the company register (S30).
    RegisterClient {
        /// The client.
        client: ClientInput,
    },
    /// A client's registration as the journal keeps it after the client was erased: the
    /// erased fields are gone from `client`, and the outcome is pinned (the id, and whether
    /// an existing client was found), so applying the journal again gives the same office.
    /// Only the store writes it, when it redacts its journal for [`Operation::EraseClient`].
    RegisterClientRedacted {
        /// The id the registration gave.
        id: Uuid,
        /// Whether it found an existing client.
        existing: bool,
        /// What is left of the input.
        client: ClientInput,
    },
    /// Erases a person's personal data (GDPR art. 17), keeping what the law still requires:
    /// the name (and for invoices and contracts the address) until the retention of every
    /// case holding a document of that client ends (K1.2, T6.3).
    EraseClient {
        /// The client.
        client: Uuid,
    },
    /// Opens a cash register shift with a float (T4.2).
    OpenShift {
        /// The cashier.
        cashier: String,
        /// The float, by denomination.
        float: CashCount,
    },
    /// A sale at the register: card, cash or both (T4.2, S33).
    Sell {
        /// The products.
        lines: Vec<ItemLine>,
        /// The card part, when paid by card.
        #[serde(default)]
        card: Option<CardCapture>,
        /// The cash handed over, when paid in cash.
        #[serde(default)]
        cash: Option<Money>,
    },
    /// A return of one line of a receipt, refunded by card or in cash (T4.4).
    Refund {
        /// The sale receipt's number.
        receipt: u64,
        /// The line, from 1.
        line: usize,
        /// The card refunded, or `None` for cash.
        #[serde(default)]
        card: Option<MaskedPan>,
    },
    /// A contract drawn up and registered in its case (T3.2, T3.4).
    RegisterContract {
        /// The client.
        client: Uuid,
        /// The contract's title.
        title: String,
        /// Its text.
        text: String,
    },
    /// An invoice to a client, priced from the catalogue (T4.6).
    IssueInvoice {
        /// The buyer.
        client: Uuid,
        /// The products.
        lines: Vec<ItemLine>,
        /// Payment term in working days.
        due_in_working_days: u32,
    },
    /// An invoice from a draft JSON, as `desk invoice issue` reads it.
    IssueDraftInvoice {
        /// The series id.
        series_id: String,
        /// The series pattern.
        pattern: String,
        /// The draft, as JSON.
        draft: String,
        /// The issue date.
        date: NaiveDate,
    },
    /// A credit note for units of one invoice line (T4.8).
    IssueCreditNote {
        /// The invoice number.
        invoice: String,
        /// The line, from 1.
        line: usize,
        /// Units credited.
        quantity: u32,
        /// Why.
        reason: String,
    },
    /// A consumer complaint registered with its answer deadline (T2.8, T3.5).
    RegisterComplaint {
        /// The client complaining.
        client: Uuid,
        /// What the client wrote.
        text: String,
        /// The invoice it concerns.
        #[serde(default)]
        invoice: Option<String>,
    },
    /// The answer to a complaint, by letter (T3.7).
    AnswerComplaint {
        /// The complaint's registration number.
        number: String,
        /// Whether the claim is accepted.
        accepted: bool,
        /// The answer.
        text: String,
    },
    /// A bank statement (camt.053/054) reconciled with the open receivables (T4.3).
    ApplyStatement {
        /// The statement's XML.
        xml: String,
    },
    /// Closes the shift with the counted drawer: the Z report (T4.2).
    CloseShift {
        /// The drawer as counted.
        counted: CashCount,
    },
    /// A client's need recorded in the client register for follow-up (T2.3, C13).
    RecordNeed {
        /// The client.
        client: Uuid,
        /// The catalogue category wanted (`it/laptops`).
        category: String,
        /// How many units (at least 1).
        quantity: u32,
        /// The most the client will pay for the whole quantity, with VAT.
        #[serde(default)]
        budget: Option<Money>,
        /// The day the client needs it by.
        #[serde(default)]
        needed_by: Option<NaiveDate>,
        /// Features the client would like (`16 GB RAM`).
        #[serde(default)]
        preferred: Vec<String>,
    },
    /// An order taken: every line's stock reserved until the hold ends, and one delivery
    /// scheduled with the carrier from the day all of it is ready (T1.5, S31, S32). The office
    /// numbers the order `PAS-{year}/{seq:4}`.
    ReserveOrder {
        /// The client.
        client: Uuid,
        /// The products.
        lines: Vec<ItemLine>,
        /// The carrier's id in the catalogue (`courier`).
        carrier: String,
        /// How many working days the reservation holds.
        hold_working_days: u32,
        /// The client's need the order answers: it is offered the ordered products and
        /// accepted (T2.3–T2.5).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        need: Option<Uuid>,
    },
    /// A waybill (*preču pavadzīme*) for the goods of an invoice, carried by the seller's own
    /// vehicle from the seller's address to the buyer's, filed with the invoices (T4.1).
    IssueWaybill {
        /// The invoice number.
        invoice: String,
        /// The vehicle (make and plate).
        vehicle: String,
        /// The dispatch day (not before the issue day).
        dispatch: NaiveDate,
        /// The order whose goods leave with it: its reservations are fulfilled, so the goods
        /// leave stock on hand (T1.5). `None` for goods not reserved.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        order: Option<String>,
    },
    /// A survey's responses aggregated, its detractors listed and the report filed in the
    /// surveys' case (T5.7, T5.8, T5.9).
    FileSurveyReport {
        /// The survey definition (JSON, as `apkalpe_clients::Survey` reads it).
        survey: String,
        /// The responses (CSV: `response_id,client_id,segment,question_id,answer`).
        responses: String,
    },
    /// A catalogue file (JSON, `apkalpe-catalogue/1`) becomes the desk's catalogue: products,
    /// prices, promotions, stock, carriers and payment terms (T1.4, T6.3). Reservations still
    /// open are carried over into the new stock, and a file whose stock cannot hold them is
    /// refused; so is a file loaded while a delivery is still to come. A new desk starts with
    /// the sample catalogue.
    LoadCatalogue {
        /// The catalogue file's text.
        json: String,
    },
}

impl Operation {
    /// Returns the operation's snake_case name, as the journal's `kind` column holds it.
    pub(crate) fn kind(&self) -> &'static str {
        match self {
            Operation::OpenDay => "open_day",
            Operation::RegisterClient { .. } => "register_client",
            Operation::RegisterClientRedacted { .. } => "register_client_redacted",
            Operation::EraseClient { .. } => "erase_client",
            Operation::OpenShift { .. } => "open_shift",
            Operation::Sell { .. } => "sell",
            Operation::Refund { .. } => "refund",
            Operation::RegisterContract { .. } => "register_contract",
            Operation::IssueInvoice { .. } => "issue_invoice",
            Operation::IssueDraftInvoice { .. } => "issue_draft_invoice",
            Operation::IssueCreditNote { .. } => "issue_credit_note",
            Operation::RegisterComplaint { .. } => "register_complaint",
            Operation::AnswerComplaint { .. } => "answer_complaint",
            Operation::ApplyStatement { .. } => "apply_statement",
            Operation::CloseShift { .. } => "close_shift",
            Operation::RecordNeed { .. } => "record_need",
            Operation::ReserveOrder { .. } => "reserve_order",
            Operation::IssueWaybill { .. } => "issue_waybill",
            Operation::FileSurveyReport { .. } => "file_survey_report",
            Operation::LoadCatalogue { .. } => "load_catalogue",
        }
    }
}

/// A document the desk registered or issued, and the case it is filed in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Filed {
    /// The document's id.
    pub(crate) id: DocumentId,
    /// Its number (register number, invoice number, Z report number).
    pub(crate) number: String,
    /// What it is: `invoice`, `credit_note`, `waybill`, `contract`, `complaint`, `letter`,
    /// `survey_report`, `z_report`.
    pub(crate) kind: &'static str,
    /// The case.
    pub(crate) case: CaseIndex,
    /// The date.
    pub(crate) date: NaiveDate,
}

/// What an operation produced.
#[derive(Debug, Clone, PartialEq)]
#[allow(clippy::large_enum_variant)]
pub(crate) enum Outcome {
    /// The day is open.
    DayOpened {
        /// The file plan's year.
        year: i32,
        /// Cases opened now (none when the year's cases were open already).
        opened: Vec<CaseIndex>,
    },
    /// A client registered, or found already registered.
    Client {
        /// The client's id.
        id: ClientId,
        /// Whether an existing client was found instead.
        existing: bool,
        /// The company register check, for an organisation.
        check: Option<Verification>,
    },
    /// The shift is open.
    ShiftOpened {
        /// The float.
        float: Money,
    },
    /// A sale or return receipt.
    Receipt(Receipt),
    /// A registered contract.
    Contract(Filed),
    /// An issued invoice and where it is filed.
    Invoice(IssuedInvoice, Filed),
    /// An issued credit note and where it is filed.
    CreditNote(IssuedCreditNote, Filed),
    /// A registered complaint and its answer deadline.
    Complaint {
        /// The registered complaint.
        filed: Filed,
        /// The deadline for the answer.
        due: NaiveDate,
    },
    /// The answer letter.
    Answer {
        /// The registered letter.
        filed: Filed,
        /// The letter's text.
        letter: String,
        /// Whether it was in time.
        in_time: bool,
    },
    /// The reconciliation of a statement.
    Reconciled(ReconciliationReport),
    /// The Z report.
    ShiftClosed(ZReport, Filed),
    /// A recorded need.
    Need {
        /// The need's id.
        id: NeedId,
    },
    /// An order: its reservations and its delivery.
    Order {
        /// The order's reference, numbered by the office.
        reference: OrderReference,
        /// One reservation per line.
        reservations: Vec<Reservation>,
        /// The scheduled delivery.
        delivery: ScheduledDelivery,
    },
    /// An issued waybill and where it is filed.
    Waybill(Waybill, Filed),
    /// A person's personal data erased: what was erased and what was kept, and why.
    Erased(ErasureReport),
    /// The catalogue loaded.
    CatalogueLoaded {
        /// How many products it has.
        products: usize,
        /// How many open reservations were carried over.
        reservations: usize,
    },
    /// A survey report.
    SurveyReport {
        /// The registered report.
        filed: Filed,
        /// The statistics.
        stats: SurveyStats,
        /// The detractors (NPS 0–6), lowest score first.
        detractors: Vec<DetractorRow>,
        /// The report's text, as filed.
        text: String,
    },
}

/// A detractor of a survey: who answered the NPS question with 0–6.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DetractorRow {
    /// The response's id.
    pub(crate) response: String,
    /// The client who answered, when known and registered.
    pub(crate) client: Option<ClientId>,
    /// The score.
    pub(crate) score: u8,
}

/// An order the desk took: its client, lines and delivery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Order {
    /// The client.
    pub(crate) client: ClientId,
    /// The products.
    pub(crate) lines: Vec<ItemLine>,
    /// The delivery.
    pub(crate) delivery: ScheduledDelivery,
    /// The waybill the goods left with, once they did.
    pub(crate) dispatched: Option<String>,
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
        /// The crate's message.
        message: String,
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
    },
    /// The drawer cannot give the change.
    NoChange {
        /// The change due.
        change: Money,
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
            OfficeError::NoShift => f.write_str("no cash register shift is open"),
            OfficeError::ShiftOpen => f.write_str("a cash register shift is open already"),
            OfficeError::UnknownClient { id } => write!(f, "no client has the id {id}"),
            OfficeError::Unknown { what, number } => write!(f, "no {what} {number:?}"),
            OfficeError::Input { field, message } => write!(f, "{field}: {message}"),
            OfficeError::NoChange { change } => {
                write!(f, "the drawer cannot give {change} in change")
            }
        }
    }
}

impl std::error::Error for OfficeError {}

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
                OfficeError::Domain { code: error.code(), message: error.to_string() }
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
    apkalpe_accounting::LineError,
    apkalpe_catalogue::StockError,
    apkalpe_catalogue::DeliveryError,
    apkalpe_catalogue::ParseCodeError,
    apkalpe_clients::NeedError,
    apkalpe_clients::ParseTextError,
    apkalpe_clients::SurveyError,
    apkalpe_clients::ResponsesCsvError,
);

fn input<E: fmt::Display>(field: &'static str) -> impl Fn(E) -> OfficeError {
    move |error| OfficeError::Input {
        field,
        message: error.to_string(),
    }
}

/// A complaint and where it stands.
#[derive(Debug, Clone)]
struct Complaint {
    submission: OpenSubmission,
    client: ClientId,
    answered: bool,
}

/// The desk: every aggregate of the day, composed.
#[derive(Debug, Clone)]
pub(crate) struct Office {
    seller: Party,
    calendar: Calendar,
    rates: VatRateTable,
    companies: RegisterFile,
    catalogue: CatalogueFile,
    registry: ClientRegistry,
    client_count: u128,
    plans: BTreeMap<i32, FilePlan>,
    cases: BTreeMap<(i32, CaseIndex), OpenCase>,
    filed: Vec<Filed>,
    incoming: Register,
    outgoing: Register,
    internal: Register,
    register: Option<CashRegister>,
    shift: Option<OpenShift>,
    drawer: CashCount,
    receipts: BTreeMap<u64, Receipt>,
    z_reports: Vec<ZReport>,
    series: BTreeMap<String, NumberSeries>,
    invoices: BTreeMap<String, IssuedInvoice>,
    credit_notes: BTreeMap<String, Vec<IssuedCreditNote>>,
    ledger: ReceivableLedger,
    complaints: BTreeMap<String, Complaint>,
    need_count: u128,
    orders: BTreeMap<String, Order>,
    waybills: BTreeMap<String, Waybill>,
    /// The filed documents that name each client: what keeps their name after an erasure.
    client_documents: BTreeMap<ClientId, Vec<Filed>>,
}

/// The seller: the sample company of the demo, SIA Apkalpe.
pub(crate) fn seller() -> Result<Party, OfficeError> {
    Ok(Party::organisation(
        PartyName::try_new("SIA Apkalpe")?,
        Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?,
    )
    .try_with_registration_number("40003521600".parse()?)?
    .try_with_vat_number("LV40003521600".parse()?)?
    .with_iban("LV80BANK0000435195001".parse()?))
}

/// The register's identity printed on every receipt.
pub(crate) fn register_identity() -> Result<RegisterIdentity, OfficeError> {
    Ok(RegisterIdentity::try_new(
        "SIA Apkalpe",
        "40003521600",
        "Brīvības iela 1, Rīga",
        "KA-0001",
        "FM-0001",
        CountryCode::LV,
    )?)
}

impl Office {
    /// A new office with the sample company register, catalogue and file plan, and nothing
    /// done yet.
    pub(crate) fn new() -> Result<Office, OfficeError> {
        Ok(Office {
            seller: seller()?,
            calendar: Calendar::latvia(),
            rates: VatRateTable::latvia(),
            companies: RegisterFile::from_reader(REGISTER_CSV.as_bytes())?.into_register(),
            catalogue: CatalogueFile::from_json(CATALOGUE_JSON)?,
            registry: ClientRegistry::new(),
            client_count: 0,
            plans: BTreeMap::new(),
            cases: BTreeMap::new(),
            filed: Vec::new(),
            incoming: Register::try_new(RegisterKind::Incoming, "{index}/{seq}")?,
            outgoing: Register::try_new(RegisterKind::Outgoing, "{yy}-{index}/{seq}")?,
            internal: Register::try_new(RegisterKind::Internal, "L-{index}/{seq}")?,
            register: Some(CashRegister::new(register_identity()?, Currency::EUR)),
            shift: None,
            drawer: CashCount::new(),
            receipts: BTreeMap::new(),
            z_reports: Vec::new(),
            series: BTreeMap::new(),
            invoices: BTreeMap::new(),
            credit_notes: BTreeMap::new(),
            ledger: ReceivableLedger::new(),
            complaints: BTreeMap::new(),
            client_documents: BTreeMap::new(),
            need_count: 0,
            orders: BTreeMap::new(),
            waybills: BTreeMap::new(),
        })
    }

    /// Applies one operation at `at`; the day is `at`'s date in Riga.
    ///
    /// # Errors
    ///
    /// [`OfficeError`] when the operation is refused; the office is then unchanged.
    pub(crate) fn apply(
        &mut self,
        operation: &Operation,
        at: DateTime<Utc>,
    ) -> Result<Outcome, OfficeError> {
        let today = riga_date(at);
        match operation {
            Operation::OpenDay => self.open_day(today),
            Operation::RegisterClient { client } => self.register_client(client, None, at, today),
            Operation::RegisterClientRedacted {
                id,
                existing,
                client,
            } => self.register_client(client, Some((*id, *existing)), at, today),
            Operation::EraseClient { client } => self.erase_client(*client, at, today),
            Operation::OpenShift { cashier, float } => self.open_shift(cashier, *float, at),
            Operation::Sell { lines, card, cash } => {
                self.sell(lines, card.as_ref(), *cash, at, today)
            }
            Operation::Refund {
                receipt,
                line,
                card,
            } => self.refund(*receipt, *line, card.as_ref(), at),
            Operation::RegisterContract {
                client,
                title,
                text,
            } => self.register_contract(*client, title, text, today),
            Operation::IssueInvoice {
                client,
                lines,
                due_in_working_days,
            } => self.issue_invoice(*client, lines, *due_in_working_days, today),
            Operation::IssueDraftInvoice {
                series_id,
                pattern,
                draft,
                date,
            } => self.issue_draft_invoice(series_id, pattern, draft, *date),
            Operation::IssueCreditNote {
                invoice,
                line,
                quantity,
                reason,
            } => self.issue_credit_note(invoice, *line, *quantity, reason, today),
            Operation::RegisterComplaint {
                client,
                text,
                invoice,
            } => self.register_complaint(*client, text, invoice.as_deref(), today),
            Operation::AnswerComplaint {
                number,
                accepted,
                text,
            } => self.answer_complaint(number, *accepted, text, today),
            Operation::ApplyStatement { xml } => self.apply_statement(xml),
            Operation::CloseShift { counted } => self.close_shift(*counted, at, today),
            Operation::RecordNeed {
                client,
                category,
                quantity,
                budget,
                needed_by,
                preferred,
            } => self.record_need(
                &NeedInput {
                    client: *client,
                    category,
                    quantity: *quantity,
                    budget: *budget,
                    needed_by: *needed_by,
                    preferred,
                },
                at,
            ),
            Operation::ReserveOrder {
                client,
                lines,
                carrier,
                hold_working_days,
                need,
            } => self.reserve_order(
                *client,
                lines,
                carrier,
                *hold_working_days,
                *need,
                (today, at),
            ),
            Operation::IssueWaybill {
                invoice,
                vehicle,
                dispatch,
                order,
            } => self.issue_waybill(invoice, vehicle, *dispatch, order.as_deref(), today),
            Operation::FileSurveyReport { survey, responses } => {
                self.file_survey_report(survey, responses, today)
            }
            Operation::LoadCatalogue { json } => self.load_catalogue(json, today),
        }
    }

    // ---- reading -------------------------------------------------------------------------

    /// The client registry.
    pub(crate) fn registry(&self) -> &ClientRegistry {
        &self.registry
    }

    /// The catalogue, its stock and deliveries.
    pub(crate) fn catalogue(&self) -> &CatalogueFile {
        &self.catalogue
    }

    /// The working-day calendar.
    pub(crate) fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// The seller on every invoice.
    pub(crate) fn seller(&self) -> &Party {
        &self.seller
    }

    /// The file plan of `year`, once a day of it was opened.
    pub(crate) fn plan(&self, year: i32) -> Option<&FilePlan> {
        self.plans.get(&year)
    }

    /// The open cases, by year and index.
    pub(crate) fn cases(&self) -> impl Iterator<Item = &OpenCase> {
        self.cases.values()
    }

    /// Every document filed, in order.
    pub(crate) fn filed(&self) -> &[Filed] {
        &self.filed
    }

    /// The incoming, outgoing and internal registers.
    pub(crate) fn registers(&self) -> [&Register; 3] {
        [&self.incoming, &self.outgoing, &self.internal]
    }

    /// The open shift, if any.
    pub(crate) fn shift(&self) -> Option<&OpenShift> {
        self.shift.as_ref()
    }

    /// The cash drawer as it should be.
    pub(crate) fn drawer(&self) -> CashCount {
        self.drawer
    }

    /// Every receipt, by number.
    pub(crate) fn receipts(&self) -> &BTreeMap<u64, Receipt> {
        &self.receipts
    }

    /// The Z reports, in order.
    pub(crate) fn z_reports(&self) -> &[ZReport] {
        &self.z_reports
    }

    /// The number series, by id.
    pub(crate) fn series(&self) -> &BTreeMap<String, NumberSeries> {
        &self.series
    }

    /// Every issued invoice, by number.
    pub(crate) fn invoices(&self) -> &BTreeMap<String, IssuedInvoice> {
        &self.invoices
    }

    /// The credit notes, by the invoice they credit.
    pub(crate) fn credit_notes(&self) -> &BTreeMap<String, Vec<IssuedCreditNote>> {
        &self.credit_notes
    }

    /// The receivables ledger.
    pub(crate) fn ledger(&self) -> &ReceivableLedger {
        &self.ledger
    }

    /// The registered complaints: number → (client, answered).
    pub(crate) fn complaints(&self) -> impl Iterator<Item = (&str, ClientId, bool)> {
        self.complaints
            .iter()
            .map(|(number, c)| (number.as_str(), c.client, c.answered))
    }

    /// The complaints not answered yet: number, client and the answer deadline.
    pub(crate) fn open_complaints(&self) -> impl Iterator<Item = (&str, ClientId, NaiveDate)> {
        self.complaints
            .iter()
            .filter(|(_, c)| !c.answered)
            .map(|(number, c)| (number.as_str(), c.client, c.submission.deadline().date()))
    }

    /// The total of a sale of `lines` on `today`, priced as [`Operation::Sell`] prices them:
    /// what a card must be charged before the sale is applied.
    ///
    /// # Errors
    ///
    /// [`OfficeError`] for a malformed or unknown SKU or a price the catalogue cannot give.
    pub(crate) fn sale_total(
        &self,
        lines: &[ItemLine],
        today: NaiveDate,
    ) -> Result<Money, OfficeError> {
        let amounts = lines
            .iter()
            .map(|line| self.receipt_line(line, today).map(|line| line.amount()))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Money::try_sum(Currency::EUR, amounts)?)
    }

    /// The orders taken, by reference.
    pub(crate) fn orders(&self) -> &BTreeMap<String, Order> {
        &self.orders
    }

    /// Every issued waybill, by number.
    #[cfg(test)]
    pub(crate) fn waybills(&self) -> &BTreeMap<String, Waybill> {
        &self.waybills
    }

    /// The registered client with this id, and the name documents give it.
    ///
    /// # Errors
    ///
    /// [`OfficeError::UnknownClient`] when no client has it.
    fn named_client(&self, id: Uuid) -> Result<(ClientId, String), OfficeError> {
        let client = ClientId::new(id);
        self.registry
            .get(client)
            .map(|c| (client, c.display_name()))
            .ok_or(OfficeError::UnknownClient { id })
    }

    /// The registered client with this id.
    ///
    /// # Errors
    ///
    /// [`OfficeError::UnknownClient`] when no client has it.
    pub(crate) fn client_id(&self, id: Uuid) -> Result<ClientId, OfficeError> {
        let client = ClientId::new(id);
        match self.registry.get(client) {
            Some(_) => Ok(client),
            None => Err(OfficeError::UnknownClient { id }),
        }
    }

    /// The accounting batch of the days `from..=to` (T4.7): every invoice, credit note and
    /// waybill issued in the period, with the invoices issued before it named so that a
    /// credit note of this period finds its invoice. [`AccountingBatch::check`] then finds
    /// gaps, duplicates and credit notes without their invoice, and
    /// [`AccountingBatch::journal_csv`] writes the journal for the accounting software
    /// (T4.8). Nothing of the office changes.
    ///
    /// # Errors
    ///
    /// [`OfficeError::Accounting`] for a period that ends before it starts.
    pub(crate) fn accounting_batch(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<AccountingBatch, OfficeError> {
        let mut batch = AccountingBatch::try_new(from, to)?;
        let within = |date: NaiveDate| from <= date && date <= to;
        for invoice in self.invoices.values() {
            if within(invoice.issue_date()) {
                batch.add(BatchEntry::from(invoice));
            } else if invoice.issue_date() < from {
                batch.add_earlier_invoice(invoice.number().as_str());
            }
        }
        for note in self.credit_notes.values().flatten() {
            if within(note.issue_date()) {
                batch.add(BatchEntry::from(note));
            }
        }
        for waybill in self.waybills.values() {
            if within(waybill.issue_date()) {
                let net = waybill.value().unwrap_or(Money::zero(Currency::EUR));
                batch.add(BatchEntry::new(
                    AccountingDocumentKind::Waybill,
                    waybill.number().clone(),
                    waybill.issue_date(),
                    waybill.receiver().name(),
                    net,
                    Money::zero(Currency::EUR),
                )?);
            }
        }
        Ok(batch)
    }

    // ---- operations ----------------------------------------------------------------------

    fn open_day(&mut self, today: NaiveDate) -> Result<Outcome, OfficeError> {
        let year = today.year();
        let plan = match self.plans.get(&year) {
            Some(plan) => plan.clone(),
            None => FilePlan::from_csv(year, FILE_PLAN_CSV)?,
        };
        let opened_on = NaiveDate::from_ymd_opt(year, 1, 2).unwrap_or(today);
        let mut opened = Vec::new();
        let mut new_cases = Vec::new();
        for index in cases::ALL {
            let index: CaseIndex = index.parse().map_err(input("case"))?;
            if !self.cases.contains_key(&(year, index.clone())) {
                new_cases.push(OpenCase::open(&plan, &index, opened_on.min(today))?);
                opened.push(index);
            }
        }
        self.plans.insert(year, plan);
        for case in new_cases {
            self.cases.insert((year, case.index().clone()), case);
        }
        Ok(Outcome::DayOpened { year, opened })
    }

    fn case(index: &str) -> Result<CaseIndex, OfficeError> {
        index.parse().map_err(input("case"))
    }

    /// Files a document in the case, opening the year's case (and loading its file plan)
    /// when this is the year's first document there. Nothing changes on an error.
    fn file(
        &mut self,
        id: DocumentId,
        number: String,
        kind: &'static str,
        case: &CaseIndex,
        date: NaiveDate,
    ) -> Result<Filed, OfficeError> {
        let year = date.year();
        let key = (year, case.clone());
        let mut open = match self.cases.get(&key) {
            Some(open) => open.clone(),
            None => {
                let plan = match self.plans.get(&year) {
                    Some(plan) => plan.clone(),
                    None => FilePlan::from_csv(year, FILE_PLAN_CSV)?,
                };
                let opened_on = NaiveDate::from_ymd_opt(year, 1, 2)
                    .unwrap_or(date)
                    .min(date);
                let open = OpenCase::open(&plan, case, opened_on)?;
                self.plans.entry(year).or_insert(plan);
                open
            }
        };
        open.file(id)?;
        self.cases.insert(key, open);
        let filed = Filed {
            id,
            number,
            kind,
            case: case.clone(),
            date,
        };
        self.filed.push(filed.clone());
        Ok(filed)
    }

    fn next_document(&self) -> DocumentId {
        DocumentId::from_u128(self.filed.len() as u128 + 1)
    }

    fn register_client(
        &mut self,
        client: &ClientInput,
        pinned: Option<(Uuid, bool)>,
        at: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<Outcome, OfficeError> {
        if let Some((id, true)) = pinned {
            // A redacted repeat registration: the client it found is the outcome.
            let id = self.client_id(id)?;
            return Ok(Outcome::Client {
                id,
                existing: true,
                check: None,
            });
        }
        let mut details = match &client.organisation {
            Some(name) => {
                let mut organisation = Organisation::try_new(name)?;
                if let Some(form) = &client.legal_form {
                    organisation = organisation.with_legal_form(LegalForm::try_new(form)?);
                }
                if let Some(number) = &client.registration_number {
                    organisation = organisation.with_registration_number(number.parse()?);
                }
                if let Some(number) = &client.vat_number {
                    organisation = organisation.with_vat_number(number.parse()?);
                }
                ClientDetails::organisation(organisation)
            }
            None => {
                let mut person = Person::try_new(&client.given, &client.family)?;
                if let Some(code) = &client.personal_code {
                    person = person.with_personal_code(code.parse()?);
                }
                ClientDetails::person(person)
            }
        };
        if let (Some(street), Some(city)) = (&client.street, &client.city) {
            details = details.with_address(Address::try_new(
                street,
                city,
                client.postcode.as_deref(),
                CountryCode::LV,
            )?);
        }
        if let Some(email) = &client.email {
            details = details.with_email(EmailAddress::try_new(email)?);
        }
        if let Some(phone) = &client.phone {
            details = details.with_phone(PhoneNumber::try_new(phone)?);
        }
        let purposes = client
            .consents
            .iter()
            .map(|purpose| match purpose.as_str() {
                "marketing_email" => Ok(Purpose::MarketingEmail),
                "phone_calls" => Ok(Purpose::PhoneCalls),
                "surveys" => Ok(Purpose::Surveys),
                "profiling" => Ok(Purpose::Profiling),
                other => Err(OfficeError::Input {
                    field: "consents",
                    message: format!(
                        "{other:?} is not one of marketing_email, phone_calls, surveys, profiling"
                    ),
                }),
            })
            .collect::<Result<Vec<_>, _>>()?;
        let _ = today;
        let id = ClientId::new(Uuid::from_u128(0x_c11e_0000 + self.client_count + 1));
        if let Some((pinned, _)) = pinned
            && pinned != id.as_uuid()
        {
            return Err(OfficeError::Input {
                field: "id",
                message: format!(
                    "a redacted registration gave {pinned}, the journal's order gives {id}"
                ),
            });
        }
        let registration = self.registry.register(id, details, at)?;
        let existing = matches!(registration, Registration::Existing { .. });
        if pinned.is_some() && existing {
            return Err(OfficeError::Input {
                field: "id",
                message: format!("a redacted registration of {id} found another client"),
            });
        }
        let id = registration.id();
        if !existing {
            self.client_count += 1;
            for purpose in purposes {
                self.registry
                    .grant_consent(id, Consent::new(purpose, LegalBasis::Consent, at))?;
            }
        }
        let check = match self.registry.get(id) {
            Some(client) if client.organisation().is_some() => {
                Some(verify(client, &self.companies)?)
            }
            _ => None,
        };
        Ok(Outcome::Client {
            id,
            existing,
            check,
        })
    }

    fn open_shift(
        &mut self,
        cashier: &str,
        float: CashCount,
        at: DateTime<Utc>,
    ) -> Result<Outcome, OfficeError> {
        if self.shift.is_some() {
            return Err(OfficeError::ShiftOpen);
        }
        let register = self.register.clone().ok_or(OfficeError::ShiftOpen)?;
        let shift = register.open_shift(cashier, float, at)?;
        self.register = None;
        self.shift = Some(shift);
        self.drawer = float;
        Ok(Outcome::ShiftOpened {
            float: float.total(),
        })
    }

    /// A receipt line priced from the catalogue: the gross price of one unit on `today`.
    fn receipt_line(&self, line: &ItemLine, today: NaiveDate) -> Result<ReceiptLine, OfficeError> {
        let sku: Sku = line.sku.parse().map_err(input("sku"))?;
        let quote = self.catalogue.catalogue().quote(
            &sku,
            CatalogueQuantity::from_whole(1),
            None,
            today,
        )?;
        let name = quote.name.get(apkalpe_core::Language::Latvian).to_owned();
        Ok(ReceiptLine::try_new(
            &name,
            Decimal::from(line.quantity),
            quote.gross,
            quote.vat_rate,
        )?)
    }

    fn sell(
        &mut self,
        lines: &[ItemLine],
        card: Option<&CardCapture>,
        cash: Option<Money>,
        at: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<Outcome, OfficeError> {
        let shift = self.shift.as_ref().ok_or(OfficeError::NoShift)?;
        let lines = lines
            .iter()
            .map(|line| self.receipt_line(line, today))
            .collect::<Result<Vec<_>, _>>()?;
        let mut tenders = Vec::new();
        if let Some(card) = card {
            tenders.push(Tender::Card {
                amount: card.amount,
                reference: card.masked.to_string(),
            });
        }
        let mut handed = CashCount::new();
        if let Some(tendered) = cash {
            handed = pieces(tendered)?;
            tenders.push(Tender::Cash { tendered });
        }
        // The shift is asked first what the receipt would be: it is recorded only when the
        // drawer can also give the change (no copy of the shift, whose receipts grow all day).
        let preview = shift.preview_sale(lines.clone(), &tenders, at)?;
        let mut drawer = self.drawer;
        drawer.add_all(&handed)?;
        let change = drawer
            .make_change(preview.change())
            .map_err(|_| OfficeError::NoChange {
                change: preview.change(),
            })?;
        drawer.remove_all(&change)?;
        let receipt = self
            .shift
            .as_mut()
            .ok_or(OfficeError::NoShift)?
            .sell(lines, &tenders, at)?;
        self.drawer = drawer;
        self.receipts.insert(receipt.number(), receipt.clone());
        Ok(Outcome::Receipt(receipt))
    }

    fn refund(
        &mut self,
        number: u64,
        line: usize,
        card: Option<&MaskedPan>,
        at: DateTime<Utc>,
    ) -> Result<Outcome, OfficeError> {
        if self.shift.is_none() {
            return Err(OfficeError::NoShift);
        }
        let original = self
            .receipts
            .get(&number)
            .filter(|r| r.kind() == ReceiptKind::Sale)
            .ok_or_else(|| OfficeError::Unknown {
                what: "receipt",
                number: number.to_string(),
            })?;
        let returned = line
            .checked_sub(1)
            .and_then(|index| original.lines().get(index))
            .cloned()
            .ok_or_else(|| OfficeError::Unknown {
                what: "line",
                number: line.to_string(),
            })?;
        let amount = returned.amount();
        let mut drawer = self.drawer;
        let tender = match card {
            Some(masked) => Tender::Card {
                amount,
                reference: masked.to_string(),
            },
            None => {
                let out = drawer
                    .make_change(amount)
                    .map_err(|_| OfficeError::NoChange { change: amount })?;
                drawer.remove_all(&out)?;
                Tender::Cash { tendered: amount }
            }
        };
        // Recorded only when it succeeds: a refused refund leaves the shift as it was.
        let receipt = self.shift.as_mut().ok_or(OfficeError::NoShift)?.refund(
            number,
            vec![returned],
            &[tender],
            at,
        )?;
        self.drawer = drawer;
        self.receipts.insert(receipt.number(), receipt.clone());
        Ok(Outcome::Receipt(receipt))
    }

    fn register_contract(
        &mut self,
        client: Uuid,
        title: &str,
        text: &str,
        today: NaiveDate,
    ) -> Result<Outcome, OfficeError> {
        let (_, name) = self.named_client(client)?;
        let case = Office::case(cases::CONTRACTS)?;
        // A contract names its place of issue and no addressee (MK 558): the parties sign it.
        let draft = DocumentDraft::new(DocumentKind::Contract)
            .with(Requisite::Author, "SIA Apkalpe")
            .with_date(today)
            .with(Requisite::PlaceOfIssue, "Rīga")
            .with(Requisite::Title, title)
            .with(Requisite::Text, text)
            .with(Requisite::Signature, format!("SIA Apkalpe; {name}"))
            .validate()?;
        let document = self.next_document();
        let mut internal = self.internal.clone();
        let number = internal
            .register(document, draft, &case, today)?
            .number()
            .to_owned();
        let filed = self.file(document, number, "contract", &case, today)?;
        self.internal = internal;
        self.client_documents
            .entry(ClientId::new(client))
            .or_default()
            .push(filed.clone());
        Ok(Outcome::Contract(filed))
    }

    /// The buyer of an invoice: a registered organisation with an address.
    fn buyer(&self, client: Uuid) -> Result<(Party, String), OfficeError> {
        let record = self
            .registry
            .get(ClientId::new(client))
            .ok_or(OfficeError::UnknownClient { id: client })?;
        let name = record.display_name();
        let address = record
            .addresses()
            .first()
            .cloned()
            .ok_or(OfficeError::Input {
                field: "client",
                message: format!("{name} has no address to put on an invoice"),
            })?;
        let mut party = match record.organisation() {
            Some(organisation) => {
                let mut party = Party::organisation(PartyName::try_new(&name)?, address);
                if let Some(number) = organisation.registration_number() {
                    party = party.try_with_registration_number(*number)?;
                }
                if let Some(number) = organisation.vat_number() {
                    party = party.try_with_vat_number(*number)?;
                }
                party
            }
            None => Party::person(PartyName::try_new(&name)?, address),
        };
        if let Some(email) = record.emails().first() {
            party = party.with_email(email.clone());
        }
        Ok((party, name))
    }

    fn take_series(&self, id: &str, pattern: &str) -> Result<NumberSeries, OfficeError> {
        let pattern: NumberPattern = pattern.parse().map_err(input("pattern"))?;
        match self.series.get(id) {
            Some(series) if series.pattern() == &pattern => Ok(series.clone()),
            Some(series) => Err(OfficeError::Input {
                field: "series",
                message: format!(
                    "number series {id:?} has pattern {:?}, not {:?}",
                    series.pattern().to_string(),
                    pattern.to_string()
                ),
            }),
            None => {
                let reset = if pattern.has_year() {
                    YearReset::EachYear
                } else {
                    YearReset::Never
                };
                Ok(NumberSeries::try_new(id, pattern, reset)?)
            }
        }
    }

    fn issue_invoice(
        &mut self,
        client: Uuid,
        lines: &[ItemLine],
        due_in: u32,
        today: NaiveDate,
    ) -> Result<Outcome, OfficeError> {
        let (buyer, debtor) = self.buyer(client)?;
        let due = self
            .calendar
            .deadline(today, Period::WorkingDays(due_in))?
            .date();
        let mut draft = DraftInvoice::new(
            InvoiceKind::Invoice,
            self.seller.clone(),
            buyer,
            Currency::EUR,
        )
        .with_due_date(due);
        for line in lines {
            let sku: Sku = line.sku.parse().map_err(input("sku"))?;
            let quote = self.catalogue.catalogue().quote(
                &sku,
                CatalogueQuantity::from_whole(line.quantity),
                None,
                today,
            )?;
            draft.push_line(InvoiceLine::try_new(
                quote.name.get(apkalpe_core::Language::Latvian),
                InvoiceQuantity::try_new(Decimal::from(line.quantity))?,
                UnitCode::PIECE,
                quote.unit_price,
                LineVat::standard(quote.vat_rate)?,
            )?);
        }
        let outcome = self.issue(draft, INVOICE_SERIES.0, INVOICE_SERIES.1, today, &debtor)?;
        if let Outcome::Invoice(_, filed) = &outcome {
            self.client_documents
                .entry(ClientId::new(client))
                .or_default()
                .push(filed.clone());
        }
        Ok(outcome)
    }

    fn issue_draft_invoice(
        &mut self,
        series_id: &str,
        pattern: &str,
        draft: &str,
        date: NaiveDate,
    ) -> Result<Outcome, OfficeError> {
        let input: InvoiceDraftInput =
            serde_json::from_str(draft).map_err(|error| OfficeError::Input {
                field: "draft",
                message: format!(
                    "not a draft invoice (line {}, column {}): {error}",
                    error.line(),
                    error.column()
                ),
            })?;
        let draft = DraftInvoice::try_from(input)?;
        let debtor = draft.content().buyer().name().to_string();
        self.issue(draft, series_id, pattern, date, &debtor)
    }

    /// Issues, books the receivable and files the invoice: all or nothing.
    fn issue(
        &mut self,
        draft: DraftInvoice,
        series_id: &str,
        pattern: &str,
        date: NaiveDate,
        debtor: &str,
    ) -> Result<Outcome, OfficeError> {
        let case = Office::case(cases::INVOICES)?;
        let mut series = self.take_series(series_id, pattern)?;
        let options = IssueOptions::default().with_rate_table(self.rates.clone());
        let invoice = draft.issue_with(&mut series, date, &options)?;
        let number = invoice.number().as_str().to_owned();
        if self.invoices.contains_key(&number) {
            return Err(OfficeError::DuplicateNumber { number });
        }
        let reference = CreditorReference::from_payment_reference(&number.replace('-', ""))?;
        let due = invoice.content().due_date().unwrap_or(date);
        let receivable = Receivable::try_new(
            &number,
            debtor,
            invoice.totals().amount_due(),
            due,
            Some(reference),
        )?;
        let mut ledger = self.ledger.clone();
        ledger.add(receivable)?;
        let filed = self.file(self.next_document(), number.clone(), "invoice", &case, date)?;
        self.ledger = ledger;
        self.series.insert(series_id.to_owned(), series);
        self.invoices.insert(number, invoice.clone());
        Ok(Outcome::Invoice(invoice, filed))
    }

    /// The issued invoice with this number.
    fn invoice(&self, number: &str) -> Result<&IssuedInvoice, OfficeError> {
        self.invoices
            .get(number)
            .ok_or_else(|| OfficeError::Unknown {
                what: "invoice",
                number: number.to_owned(),
            })
    }

    fn issue_credit_note(
        &mut self,
        number: &str,
        line: usize,
        quantity: u32,
        reason: &str,
        today: NaiveDate,
    ) -> Result<Outcome, OfficeError> {
        let invoice = self.invoice(number)?;
        let case = Office::case(cases::INVOICES)?;
        let earlier = self.credit_notes.get(number).cloned().unwrap_or_default();
        let mut series = self.take_series(CREDIT_NOTE_SERIES.0, CREDIT_NOTE_SERIES.1)?;
        let note = DraftCreditNote::for_lines(
            invoice,
            reason,
            &[CreditedLine::new(
                line,
                InvoiceQuantity::try_new(Decimal::from(quantity))?,
            )],
        )?
        .issue(&mut series, today, &earlier)?;
        // The credit note settles that much of the invoice's receivable; what the invoice had
        // been paid beyond it becomes the debtor's credit.
        let mut ledger = self.ledger.clone();
        if let Some(receivable) = ledger.get(number) {
            let payment = IncomingPayment {
                id: note.number().as_str().to_owned(),
                payer: receivable.debtor().to_owned(),
                amount: note.totals().amount_due(),
                date: today,
            };
            ledger.apply(&payment, &AllocationTarget::Receivable(number.to_owned()))?;
        }
        let filed = self.file(
            self.next_document(),
            note.number().as_str().to_owned(),
            "credit_note",
            &case,
            today,
        )?;
        self.ledger = ledger;
        self.series.insert(CREDIT_NOTE_SERIES.0.to_owned(), series);
        self.credit_notes
            .entry(number.to_owned())
            .or_default()
            .push(note.clone());
        Ok(Outcome::CreditNote(note, filed))
    }

    fn register_complaint(
        &mut self,
        client: Uuid,
        text: &str,
        invoice: Option<&str>,
        today: NaiveDate,
    ) -> Result<Outcome, OfficeError> {
        let (id, name) = self.named_client(client)?;
        let case = Office::case(cases::COMPLAINTS)?;
        let draft = DocumentDraft::new(DocumentKind::Complaint)
            .with(Requisite::Author, name.clone())
            .with_date(today)
            .with(Requisite::Addressee, "SIA Apkalpe")
            .with(Requisite::Text, text)
            .with(Requisite::Signature, name)
            .validate()?;
        let document = self.next_document();
        let mut incoming = self.incoming.clone();
        let number = incoming
            .register(document, draft, &case, today)?
            .number()
            .to_owned();
        let summary: String = text.chars().take(80).collect();
        let submission = OpenSubmission::register(
            NewSubmission {
                number: number.clone(),
                kind: SubmissionKind::Reclamation,
                received_on: today,
                channel: SubmissionChannel::InPerson,
                client_id: id.to_string(),
                invoice_number: invoice.map(str::to_owned),
                summary,
            },
            DeadlineRegime::Consumer,
            &AnswerRules::latvia(),
            &self.calendar,
        )?;
        let due = submission.deadline().date();
        let filed = self.file(document, number.clone(), "complaint", &case, today)?;
        self.incoming = incoming;
        self.client_documents
            .entry(id)
            .or_default()
            .push(filed.clone());
        self.complaints.insert(
            number,
            Complaint {
                submission,
                client: id,
                answered: false,
            },
        );
        Ok(Outcome::Complaint { filed, due })
    }

    fn answer_complaint(
        &mut self,
        number: &str,
        accepted: bool,
        text: &str,
        today: NaiveDate,
    ) -> Result<Outcome, OfficeError> {
        let complaint = self
            .complaints
            .get(number)
            .filter(|c| !c.answered)
            .ok_or_else(|| OfficeError::Unknown {
                what: "open complaint",
                number: number.to_owned(),
            })?;
        let name = self
            .registry
            .get(complaint.client)
            .map(|c| c.display_name())
            .unwrap_or_default();
        let case = Office::case(cases::COMPLAINTS)?;
        let letter = Letter {
            language: apkalpe_core::Language::Latvian,
            author: "SIA Apkalpe".into(),
            date: today,
            place: "Rīga".into(),
            addressee: name.clone(),
            reference: Some(format!("Uz pretenziju Nr. {number}")),
            title: "Par pretenziju".into(),
            salutation: Salutation::Named(name),
            body: text.to_owned(),
            signatory: "Klientu apkalpošanas speciāliste I. Kalna".into(),
            preparer: None,
        };
        let outcome = if accepted {
            AnswerOutcome::Accepted
        } else {
            AnswerOutcome::Refused
        };
        let answered = complaint.submission.clone().answer(today, outcome, text)?;
        let document = self.next_document();
        let mut outgoing = self.outgoing.clone();
        let reply = outgoing
            .register(document, letter.to_draft().validate()?, &case, today)?
            .number()
            .to_owned();
        let rendered = letter.render_text(Some(&reply));
        let filed = self.file(document, reply, "letter", &case, today)?;
        self.outgoing = outgoing;
        if let Some(complaint) = self.complaints.get_mut(number) {
            complaint.answered = true;
        }
        Ok(Outcome::Answer {
            filed,
            letter: rendered,
            in_time: answered.is_in_time(),
        })
    }

    fn apply_statement(&mut self, xml: &str) -> Result<Outcome, OfficeError> {
        let statement = BankStatement::read(xml.as_bytes())?;
        let mut ledger = self.ledger.clone();
        let report = reconcile(&statement, &mut ledger)?;
        self.ledger = ledger;
        Ok(Outcome::Reconciled(report))
    }

    /// [`Operation::EraseClient`]: one retention engine for the client register and the
    /// records. Every filed document that names the client holds the fields it needs until
    /// its case's retention ends: a complaint or its answer the name; an invoice or a
    /// contract the name and the address (accounting and contract law). Everything else is
    /// erased now. The retention end is the file plan's period counted from the close of
    /// the case's year (facts §5b); a permanent case holds until 2999-12-31.
    fn erase_client(
        &mut self,
        client: Uuid,
        at: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<Outcome, OfficeError> {
        let (id, _) = self.named_client(client)?;
        let mut holds = Vec::new();
        for filed in self.client_documents.get(&id).into_iter().flatten() {
            let fields: &[PersonalField] = match filed.kind {
                "invoice" | "contract" => &[PersonalField::Name, PersonalField::Addresses],
                _ => &[PersonalField::Name],
            };
            let year = filed.date.year();
            let (title, period) = self
                .plans
                .get(&year)
                .and_then(|plan| plan.entry(&filed.case))
                .and_then(|entry| entry.case())
                .map(|case| (case.title().to_owned(), case.retention().clone()))
                .ok_or_else(|| OfficeError::Input {
                    field: "client",
                    message: format!("case {} of {year} is not in a loaded file plan", filed.case),
                })?;
            let closed = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(filed.date);
            let until = RetentionObligation::try_new(
                period,
                Some(closed),
                CountingRule::default(),
                "file plan",
            )?
            .ends_on()?
            .unwrap_or(NaiveDate::from_ymd_opt(2999, 12, 31).unwrap_or(closed));
            holds.push(RetentionHold::try_new(
                &format!(
                    "{} {}: {} ({})",
                    filed.kind, filed.number, filed.case, title
                ),
                until,
                fields.iter().copied(),
            )?);
        }
        let report = self.registry.erase(id, &holds, today, at)?;
        Ok(Outcome::Erased(report))
    }

    fn load_catalogue(&mut self, json: &str, today: NaiveDate) -> Result<Outcome, OfficeError> {
        if let Some((reference, order)) = self
            .orders
            .iter()
            .find(|(_, order)| order.delivery.promised() >= today)
        {
            return Err(OfficeError::Input {
                field: "catalogue",
                message: format!(
                    "order {reference} is still to be delivered on {}; load the catalogue after it",
                    order.delivery.promised()
                ),
            });
        }
        let mut file = CatalogueFile::from_json(json)?;
        let mut carried = 0;
        for sku in self.catalogue.stock().skus() {
            for reservation in self.catalogue.stock().reservations(sku) {
                if !reservation.is_active_on(today) {
                    continue;
                }
                file.stock_mut().reserve(
                    reservation.reference().clone(),
                    reservation.sku(),
                    reservation.quantity(),
                    today,
                    reservation.expires(),
                )?;
                carried += 1;
            }
        }
        let products = file.catalogue().products().len();
        self.catalogue = file;
        Ok(Outcome::CatalogueLoaded {
            products,
            reservations: carried,
        })
    }

    fn close_shift(
        &mut self,
        counted: CashCount,
        at: DateTime<Utc>,
        today: NaiveDate,
    ) -> Result<Outcome, OfficeError> {
        let shift = self.shift.clone().ok_or(OfficeError::NoShift)?;
        let case = Office::case(cases::CASH)?;
        let (register, z) = shift.close(counted, at)?;
        let filed = self.file(
            self.next_document(),
            format!("Z-{}", z.number),
            "z_report",
            &case,
            today,
        )?;
        self.shift = None;
        self.register = Some(register);
        self.drawer = counted;
        self.z_reports.push(z.clone());
        Ok(Outcome::ShiftClosed(z, filed))
    }
}

/// A need as [`Operation::RecordNeed`] carries it.
struct NeedInput<'a> {
    client: Uuid,
    category: &'a str,
    quantity: u32,
    budget: Option<Money>,
    needed_by: Option<NaiveDate>,
    preferred: &'a [String],
}

impl Office {
    /// [`Operation::RecordNeed`]: the need is checked whole before the registry takes it.
    fn record_need(
        &mut self,
        input: &NeedInput<'_>,
        at: DateTime<Utc>,
    ) -> Result<Outcome, OfficeError> {
        let client = self.client_id(input.client)?;
        let id = NeedId::new(Uuid::from_u128(0x_0ee0_0000 + self.need_count + 1));
        let mut need = Need::try_new(id, client, input.category, at)?
            .with_quantity(Decimal::from(input.quantity))?;
        if let Some(max) = input.budget {
            need = need.with_budget(BudgetRange::try_new(None, Some(max))?);
        }
        if let Some(date) = input.needed_by {
            need = need.with_needed_by(date);
        }
        for feature in input.preferred {
            need = need.with_preferred_feature(feature)?;
        }
        // Every check is done: the registry takes the need whole or refuses it.
        self.registry.record_need(need)?;
        self.need_count += 1;
        Ok(Outcome::Need { id })
    }

    /// [`Operation::ReserveOrder`]: reserves and schedules on a copy of the catalogue, which
    /// replaces the office's only when every line and the delivery succeeded.
    fn reserve_order(
        &mut self,
        client: Uuid,
        lines: &[ItemLine],
        carrier: &str,
        hold_working_days: u32,
        need: Option<Uuid>,
        (today, at): (NaiveDate, DateTime<Utc>),
    ) -> Result<Outcome, OfficeError> {
        let client = self.client_id(client)?;
        // The need the order answers: the client's, still pending, offered the ordered
        // products and accepted. Tried on a copy first, so nothing changes if it cannot be.
        let answered = match need {
            Some(id) => {
                let id = NeedId::new(id);
                let mut copy = self
                    .registry
                    .need(id)
                    .filter(|n| n.client() == client)
                    .cloned()
                    .ok_or_else(|| OfficeError::Unknown {
                        what: "need of this client",
                        number: id.as_uuid().to_string(),
                    })?;
                let skus = lines
                    .iter()
                    .map(|line| ClientSku::try_new(&line.sku))
                    .collect::<Result<Vec<_>, _>>()?;
                if matches!(copy.status(), NeedStatus::Open) {
                    copy.offer(skus.clone(), at)?;
                }
                copy.accept(at)?;
                Some((id, skus))
            }
            None => None,
        };
        if lines.is_empty() {
            return Err(OfficeError::Input {
                field: "lines",
                message: "an order needs at least one line".into(),
            });
        }
        let carrier: CarrierId = carrier.parse()?;
        let year = today.year();
        let sequence = self
            .orders
            .keys()
            .filter(|reference| reference.starts_with(&format!("PAS-{year}/")))
            .count()
            + 1;
        let reference: OrderReference = format!("PAS-{year}/{sequence:04}").parse()?;
        let expires = self.calendar.add_working_days(today, hold_working_days)?;
        // Reserve and schedule on a copy: the catalogue changes only when all of it succeeds.
        let mut catalogue = self.catalogue.clone();
        let mut ready = today;
        let mut reservations = Vec::with_capacity(lines.len());
        for (position, line) in lines.iter().enumerate() {
            let sku: Sku = line.sku.parse()?;
            let quantity = CatalogueQuantity::from_whole(line.quantity);
            let availability = catalogue.stock().availability(&sku, quantity, today);
            let line_ready = availability
                .ready_on(today)
                .ok_or_else(|| OfficeError::Input {
                    field: "lines",
                    message: format!("{sku} × {}: {availability}", line.quantity),
                })?;
            ready = ready.max(line_ready);
            // One reservation per line, each under the order's reference and line number.
            let line_reference: OrderReference = format!("{reference}.{}", position + 1).parse()?;
            let reservation = catalogue.stock_mut().reserve(
                line_reference,
                &sku,
                quantity,
                today,
                expires.max(ready),
            )?;
            reservations.push(reservation.clone());
        }
        let delivery = catalogue.delivery_mut().schedule(
            &self.calendar,
            reference.clone(),
            &carrier,
            ready,
        )?;
        if let Some((id, skus)) = answered
            && let Some(need) = self.registry.need_mut(id)
        {
            if matches!(need.status(), NeedStatus::Open) {
                need.offer(skus, at)?;
            }
            need.accept(at)?;
        }
        self.catalogue = catalogue;
        self.orders.insert(
            reference.to_string(),
            Order {
                client,
                lines: lines.to_vec(),
                delivery: delivery.clone(),
                dispatched: None,
            },
        );
        Ok(Outcome::Order {
            reference,
            reservations,
            delivery,
        })
    }

    /// [`Operation::IssueWaybill`]: the invoice's lines, priced without VAT, carried by the
    /// seller; numbered from the waybill series and filed in the invoices' case.
    fn issue_waybill(
        &mut self,
        number: &str,
        vehicle: &str,
        dispatch: NaiveDate,
        order: Option<&str>,
        today: NaiveDate,
    ) -> Result<Outcome, OfficeError> {
        let invoice = self.invoice(number)?;
        let case = Office::case(cases::INVOICES)?;
        let buyer = invoice.content().buyer();
        // The seller carries the goods in its own vehicle, from its address to the buyer's.
        let mut draft = DraftWaybill::new(self.seller.clone(), buyer.clone())
            .with_carrier(self.seller.clone())
            .try_with_vehicle(vehicle)?
            .with_loading_address(self.seller.address().clone())
            .with_unloading_address(buyer.address().clone())
            .with_dispatch_date(dispatch);
        for line in invoice.content().lines() {
            draft = draft.with_line(
                WaybillLine::try_new(line.item(), line.quantity(), line.unit())?
                    .with_unit_price(line.unit_price()),
            );
        }
        let mut series = self.take_series(WAYBILL_SERIES.0, WAYBILL_SERIES.1)?;
        let waybill = draft.issue(&mut series, today)?;
        let waybill_number = waybill.number().as_str().to_owned();
        if self.waybills.contains_key(&waybill_number) {
            return Err(OfficeError::DuplicateNumber {
                number: waybill_number,
            });
        }
        // The order's goods leave stock on hand: each reservation is fulfilled from the
        // first location that holds it, on a copy so that all of it happens or none.
        let mut catalogue = None;
        if let Some(reference) = order {
            let taken = self
                .orders
                .get(reference)
                .ok_or_else(|| OfficeError::Unknown {
                    what: "order",
                    number: reference.to_owned(),
                })?;
            if let Some(waybill) = &taken.dispatched {
                return Err(OfficeError::Input {
                    field: "order",
                    message: format!("order {reference} left already with waybill {waybill}"),
                });
            }
            let mut copy = self.catalogue.clone();
            for (position, line) in taken.lines.iter().enumerate() {
                let line_reference: OrderReference =
                    format!("{reference}.{}", position + 1).parse()?;
                let sku: Sku = line.sku.parse()?;
                let quantity = CatalogueQuantity::from_whole(line.quantity);
                let location = copy
                    .stock()
                    .levels(&sku)
                    .into_iter()
                    .find(|(_, on_hand)| *on_hand >= quantity)
                    .map(|(location, _)| location.clone())
                    .ok_or_else(|| OfficeError::Input {
                        field: "order",
                        message: format!("{sku} × {}: not on hand at any location", line.quantity),
                    })?;
                copy.stock_mut()
                    .fulfil(&line_reference, &location, dispatch)?;
            }
            catalogue = Some(copy);
        }
        let filed = self.file(
            self.next_document(),
            waybill_number.clone(),
            "waybill",
            &case,
            today,
        )?;
        if let (Some(reference), Some(copy)) = (order, catalogue) {
            self.catalogue = copy;
            if let Some(taken) = self.orders.get_mut(reference) {
                taken.dispatched = Some(waybill_number.clone());
            }
        }
        self.series.insert(WAYBILL_SERIES.0.to_owned(), series);
        self.waybills.insert(waybill_number, waybill.clone());
        Ok(Outcome::Waybill(waybill, filed))
    }

    /// [`Operation::FileSurveyReport`]: parses and aggregates, lists the detractors, renders
    /// the report and registers it in the internal register, filed in the surveys' case.
    fn file_survey_report(
        &mut self,
        survey: &str,
        responses: &str,
        today: NaiveDate,
    ) -> Result<Outcome, OfficeError> {
        let survey: Survey = serde_json::from_str(survey).map_err(|error| OfficeError::Input {
            field: "survey",
            message: format!(
                "not a survey (line {}, column {}): {error}",
                error.line(),
                error.column()
            ),
        })?;
        let responses = read_responses_csv(&survey, responses.as_bytes())?;
        let stats = survey.aggregate(&responses, &AggregateOptions::default())?;
        let nps: Option<QuestionId> = survey
            .questions()
            .iter()
            .find(|question| *question.kind() == QuestionKind::Nps)
            .map(|question| question.id().clone());
        let detractors: Vec<DetractorRow> = match &nps {
            Some(question) => survey
                .detractors(&responses, question)?
                .iter()
                .map(|detractor| DetractorRow {
                    response: detractor.response().to_string(),
                    client: detractor
                        .client()
                        .filter(|id| self.registry.get(*id).is_some()),
                    score: detractor.score(),
                })
                .collect(),
            None => Vec::new(),
        };
        let title = format!(
            "Aptaujas \"{}\" rezultāti",
            survey.title().get(apkalpe_core::Language::Latvian)
        );
        let mut text = format!("{title}, {today}\n\n{stats}");
        if !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&format!(
            "\nKritiķi (NPS 0–6) sazināšanās reizei: {}\n",
            detractors.len()
        ));
        for row in &detractors {
            let who = row
                .client
                .and_then(|id| self.registry.get(id))
                .map_or_else(|| "anonīms".to_owned(), |client| client.display_name());
            text.push_str(&format!("  {}  {:>2}  {who}\n", row.response, row.score));
        }
        let case = Office::case(cases::SURVEYS)?;
        let draft = DocumentDraft::new(DocumentKind::Report)
            .with(Requisite::Author, "SIA Apkalpe")
            .with_date(today)
            .with(Requisite::Title, title)
            .with(Requisite::Text, text.clone())
            .with(
                Requisite::Signature,
                "Klientu apkalpošanas speciāliste I. Kalna",
            )
            .validate()?;
        let document = self.next_document();
        let mut internal = self.internal.clone();
        let number = internal
            .register(document, draft, &case, today)?
            .number()
            .to_owned();
        let filed = self.file(document, number, "survey_report", &case, today)?;
        self.internal = internal;
        Ok(Outcome::SurveyReport {
            filed,
            stats,
            detractors,
            text,
        })
    }
}

/// The pieces a customer hands over for `amount`: the fewest notes and coins.
pub(crate) fn pieces(amount: Money) -> Result<CashCount, OfficeError> {
    let wallet = Denomination::ALL
        .iter()
        .try_fold(CashCount::new(), |count, d| count.with(*d, 1_000))?;
    wallet.make_change(amount).map_err(|_| OfficeError::Input {
        field: "cash",
        message: format!("{amount} cannot be handed in euro notes and coins"),
    })
}

#[cfg(test)]
mod operation_tests {
    use super::*;
    use chrono::TimeZone;

    fn at() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 27, 8, 0, 0).unwrap()
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
    }

    fn eur(cents: i64) -> Money {
        Money::new(Decimal::new(cents, 2), Currency::EUR)
    }

    fn line(sku: &str, quantity: u32) -> ItemLine {
        ItemLine {
            sku: sku.into(),
            quantity,
        }
    }

    /// An open day with one company client (with an address, for invoices).
    fn office() -> (Office, Uuid) {
        let mut office = Office::new().unwrap();
        office.apply(&Operation::OpenDay, at()).unwrap();
        let client = ClientInput {
            organisation: Some("Ziemeļu Rati".into()),
            legal_form: Some("SIA".into()),
            registration_number: Some("40203990007".into()),
            vat_number: Some("LV40203990007".into()),
            street: Some("Brīvības iela 101".into()),
            city: Some("Rīga".into()),
            postcode: Some("LV-1001".into()),
            consents: vec!["surveys".into()],
            ..ClientInput::default()
        };
        let Outcome::Client { id, .. } = office
            .apply(&Operation::RegisterClient { client }, at())
            .unwrap()
        else {
            panic!("not a client")
        };
        (office, id.as_uuid())
    }

    fn invoice(office: &mut Office, client: Uuid) -> IssuedInvoice {
        let operation = Operation::IssueInvoice {
            client,
            lines: vec![line("LAP-E14-G5", 1), line("PAP-A4-80", 10)],
            due_in_working_days: 10,
        };
        match office.apply(&operation, at()).unwrap() {
            Outcome::Invoice(invoice, _) => invoice,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_need_is_recorded_and_a_bad_one_changes_nothing() {
        let (mut office, client) = office();
        let need = |quantity| Operation::RecordNeed {
            client,
            category: "it/laptops".into(),
            quantity,
            budget: Some(eur(100_000)),
            needed_by: Some(today()),
            preferred: vec!["16 GB RAM".into()],
        };
        let Outcome::Need { id } = office.apply(&need(1), at()).unwrap() else {
            panic!("not a need")
        };
        let recorded = office.registry().need(id).unwrap();
        assert_eq!(recorded.category(), "it/laptops");
        assert_eq!(recorded.budget().and_then(|b| b.max()), Some(&eur(100_000)));
        assert_eq!(recorded.preferred_features(), ["16 GB RAM"]);

        let error = office.apply(&need(0), at()).unwrap_err();
        assert_eq!(error.code(), "need.quantity_not_positive");
        let unknown = Operation::RecordNeed {
            client: Uuid::from_u128(7),
            category: "it/laptops".into(),
            quantity: 1,
            budget: None,
            needed_by: None,
            preferred: Vec::new(),
        };
        assert_eq!(
            office.apply(&unknown, at()).unwrap_err().code(),
            "office.unknown_client"
        );
        let client_id = office.client_id(client).unwrap();
        assert_eq!(office.registry().needs_of(client_id).unwrap().len(), 1);
        // The next need takes the next id: the refused one used none.
        let Outcome::Need { id: next } = office.apply(&need(2), at()).unwrap() else {
            panic!("not a need")
        };
        assert_eq!(next.as_uuid().as_u128(), id.as_uuid().as_u128() + 1);
    }

    #[test]
    fn an_order_reserves_every_line_and_schedules_one_delivery() {
        let (mut office, client) = office();
        let order = Operation::ReserveOrder {
            client,
            lines: vec![line("LAP-E14-G5", 2), line("PAP-A4-80", 10)],
            carrier: "courier".into(),
            hold_working_days: 5,
            need: None,
        };
        let Outcome::Order {
            reference,
            reservations,
            delivery,
        } = office.apply(&order, at()).unwrap()
        else {
            panic!("not an order")
        };
        assert_eq!(reference.as_str(), "PAS-2026/0001");
        let references: Vec<&str> = reservations
            .iter()
            .map(|r| r.reference().as_str())
            .collect();
        assert_eq!(references, ["PAS-2026/0001.1", "PAS-2026/0001.2"]);
        let laptop: Sku = "LAP-E14-G5".parse().unwrap();
        assert_eq!(
            office.catalogue().stock().reserved(&laptop),
            CatalogueQuantity::from_whole(2)
        );
        // In stock today: dispatched today, delivered the next working day.
        assert_eq!(delivery.ready(), today());
        assert_eq!(
            delivery.promised(),
            NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
        );
        assert_eq!(office.orders().len(), 1);
        assert_eq!(office.orders()["PAS-2026/0001"].delivery, delivery);
        let Outcome::Order { reference, .. } = office.apply(&order, at()).unwrap() else {
            panic!("not an order")
        };
        assert_eq!(reference.as_str(), "PAS-2026/0002");
        assert_eq!(
            office.catalogue().stock().reserved(&laptop),
            CatalogueQuantity::from_whole(4)
        );
    }

    #[test]
    fn an_order_that_cannot_be_covered_reserves_nothing() {
        let (mut office, client) = office();
        // The first line fits, the second does not (4 laptops are on hand, none incoming).
        let order = Operation::ReserveOrder {
            client,
            lines: vec![line("PAP-A4-80", 10), line("LAP-E14-G5", 5)],
            carrier: "courier".into(),
            hold_working_days: 5,
            need: None,
        };
        let error = office.apply(&order, at()).unwrap_err();
        assert_eq!(error.code(), "office.input");
        assert!(error.to_string().contains("LAP-E14-G5 × 5"), "{error}");
        let paper: Sku = "PAP-A4-80".parse().unwrap();
        assert_eq!(
            office.catalogue().stock().reserved(&paper),
            CatalogueQuantity::ZERO
        );
        assert!(office.catalogue().delivery().open_deliveries().is_empty());
        assert!(office.orders().is_empty());
        let unknown_carrier = Operation::ReserveOrder {
            client,
            lines: vec![line("PAP-A4-80", 1)],
            carrier: "pigeon".into(),
            hold_working_days: 5,
            need: None,
        };
        assert_eq!(
            office.apply(&unknown_carrier, at()).unwrap_err().code(),
            "delivery.unknown_carrier"
        );
        assert_eq!(
            office.catalogue().stock().reserved(&paper),
            CatalogueQuantity::ZERO
        );
    }

    #[test]
    fn a_waybill_carries_the_invoice_lines_and_is_filed_with_the_invoices() {
        let (mut office, client) = office();
        let invoice = invoice(&mut office, client);
        let number = invoice.number().as_str().to_owned();
        let early = Operation::IssueWaybill {
            invoice: number.clone(),
            vehicle: "VW Caddy, KA-1234".into(),
            dispatch: today().pred_opt().unwrap(),
            order: None,
        };
        let filed_before = office.filed().len();
        let error = office.apply(&early, at()).unwrap_err();
        assert_eq!(error.code(), "document.invalid");
        let OfficeError::Accounting(AccountingError::Invalid(report)) = &error else {
            panic!("{error:?}")
        };
        assert_eq!(report.codes(), ["requisite.dispatch_before_issue"]);
        assert_eq!(office.filed().len(), filed_before);
        assert!(!office.series().contains_key(WAYBILL_SERIES.0));

        let operation = Operation::IssueWaybill {
            invoice: number,
            vehicle: "VW Caddy, KA-1234".into(),
            dispatch: today(),
            order: None,
        };
        let Outcome::Waybill(waybill, filed) = office.apply(&operation, at()).unwrap() else {
            panic!("not a waybill")
        };
        assert_eq!(waybill.number().as_str(), "PP2026-0001");
        assert_eq!(
            (filed.kind, filed.case.to_string()),
            ("waybill", "4.2".into())
        );
        let items: Vec<&str> = waybill.lines().iter().map(|l| l.item()).collect();
        let invoiced: Vec<&str> = invoice.content().lines().iter().map(|l| l.item()).collect();
        assert_eq!(items, invoiced);
        // Valued without VAT, as the invoice's net.
        assert_eq!(waybill.value(), Some(invoice.totals().tax_exclusive()));
        assert_eq!(office.waybills().len(), 1);
        let unknown = Operation::IssueWaybill {
            invoice: "INV2026-99999".into(),
            vehicle: "VW Caddy, KA-1234".into(),
            dispatch: today(),
            order: None,
        };
        assert_eq!(
            office.apply(&unknown, at()).unwrap_err().code(),
            "office.unknown"
        );
    }

    const SURVEY: &str = r#"{"id": "day", "title": {"lv": "Dienas aptauja", "en": "Survey of the day"},
        "questions": [
            {"id": "satisfaction", "text": {"lv": "Apmierinātība", "en": "Satisfaction"}, "required": true, "kind": {"type": "rating", "scale": 5}},
            {"id": "nps", "text": {"lv": "Ieteiktu?", "en": "Recommend?"}, "required": true, "kind": {"type": "nps"}}
        ]}"#;

    #[test]
    fn a_survey_report_lists_detractors_and_is_filed_in_the_surveys_case() {
        let (mut office, client) = office();
        let responses = format!(
            "response_id,client_id,segment,question_id,answer\n\
             r1,{client},business,satisfaction,2\n\
             r1,{client},business,nps,3\n\
             r2,,retail,satisfaction,5\n\
             r2,,retail,nps,10\n\
             r3,,retail,satisfaction,4\n\
             r3,,retail,nps,6\n"
        );
        let operation = Operation::FileSurveyReport {
            survey: SURVEY.into(),
            responses,
        };
        let Outcome::SurveyReport {
            filed,
            stats,
            detractors,
            text,
        } = office.apply(&operation, at()).unwrap()
        else {
            panic!("not a survey report")
        };
        assert_eq!(stats.responses(), 3);
        let scores: Vec<(&str, u8, bool)> = detractors
            .iter()
            .map(|d| (d.response.as_str(), d.score, d.client.is_some()))
            .collect();
        assert_eq!(scores, [("r1", 3, true), ("r3", 6, false)]);
        assert_eq!(
            (filed.kind, filed.case.to_string(), filed.number.as_str()),
            ("survey_report", "2.7".into(), "L-2.7/1")
        );
        assert!(text.contains("SIA \"Ziemeļu Rati\""), "{text}");
        assert!(text.contains("anonīms"), "{text}");

        // Answers that do not fit the survey: refused, nothing filed.
        let filed_before = office.filed().len();
        let bad = Operation::FileSurveyReport {
            survey: SURVEY.into(),
            responses: "response_id,client_id,segment,question_id,answer\nr1,,retail,nps,11\n"
                .into(),
        };
        assert!(office.apply(&bad, at()).is_err());
        let not_json = Operation::FileSurveyReport {
            survey: "{".into(),
            responses: String::new(),
        };
        assert_eq!(
            office.apply(&not_json, at()).unwrap_err().code(),
            "office.input"
        );
        assert_eq!(office.filed().len(), filed_before);
        assert_eq!(office.registers()[2].documents().len(), 1);
    }

    #[test]
    fn a_credit_note_settles_its_part_of_the_receivable() {
        let (mut office, client) = office();
        let invoice = invoice(&mut office, client);
        let number = invoice.number().as_str().to_owned();
        let due = invoice.totals().amount_due();
        assert_eq!(office.ledger().open(&number).unwrap(), due);
        let operation = Operation::IssueCreditNote {
            invoice: number.clone(),
            line: 2,
            quantity: 2,
            reason: "Divas paciņas samirka".into(),
        };
        let Outcome::CreditNote(note, _) = office.apply(&operation, at()).unwrap() else {
            panic!("not a credit note")
        };
        let credited = note.totals().amount_due();
        assert_eq!(
            office.ledger().open(&number).unwrap(),
            due.checked_sub(credited).unwrap()
        );
        assert!(office.ledger().credits().is_empty());
    }

    #[test]
    fn a_contract_is_registered_and_filed_in_the_contracts_case() {
        let (mut office, client) = office();
        let operation = Operation::RegisterContract {
            client,
            title: "Pirkuma līgums".into(),
            text: "Pārdevējs pārdod un pircējs pērk klēpjdatoru.".into(),
        };
        let Outcome::Contract(filed) = office.apply(&operation, at()).unwrap() else {
            panic!("not a contract")
        };
        assert_eq!(
            (filed.kind, filed.case.to_string(), filed.number.as_str()),
            ("contract", "3.1".into(), "L-3.1/1")
        );
    }
}

#[cfg(test)]
mod tests;
