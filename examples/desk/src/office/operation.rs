//! The operations of the desk, as its journal keeps them, and what each one produced.

use apkalpe_accounting::{CashOrder, IssuedCreditNote, IssuedInvoice, PayeeOmission, Waybill};
use apkalpe_catalogue::{OrderReference, Reservation, ScheduledDelivery};
use apkalpe_clients::{ClientId, ErasureReport, NeedId, PersonalField, SurveyStats, Verification};
use apkalpe_core::Money;
use apkalpe_documents::{CaseIndex, DocumentId};
use apkalpe_payments::{
    CashCount, CashLimitVerdict, CashOperation, MaskedPan, Receipt, ReconciliationReport, ZReport,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

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
        /// The registered client buying, when the desk knows who pays: what links the
        /// client's cash operations of one day under the cash limit. `None` for a walk-in
        /// sale (and for every sale journalled before issue 15), which is linked with
        /// nothing.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        client: Option<Uuid>,
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
    /// A cash order (MK 625 p. 3–4): cash received into the open shift's drawer with a cash
    /// receipt order (KIO), or paid out of it with a cash disbursement order (KIzO), each
    /// numbered in its own series; the Z report counts it as a deposit or a payout. A cash
    /// order with another party is checked against the cash limit (T4.2, T4.6, S27).
    CashOrder {
        /// In (KIO) or out (KIzO).
        direction: CashFlow,
        /// The amount, in euro.
        amount: Money,
        /// Who pays the cash in or receives it.
        party: CashParty,
        /// The basis (purpose) printed on the order.
        basis: String,
        /// The invoice a KIO pays: its receivable takes the payment, and the cash is linked
        /// with every other cash payment of that invoice under the cash limit.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        invoice: Option<String>,
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
            Operation::CashOrder { .. } => "cash_order",
        }
    }
}

/// Which way the cash of a cash order goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum CashFlow {
    /// Into the drawer: a cash receipt order (KIO).
    In,
    /// Out of the drawer: a cash disbursement order (KIzO).
    Out,
}

/// The other party of a cash order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum CashParty {
    /// A registered client: a company by its name and registration number, a person by
    /// name and personal code (MK 625 p. 3).
    Client(Uuid),
    /// No payee, for the reasons MK 625 p. 4 allows (a KIzO only): cash paid into the bank
    /// by the cashier, handed to a cash-in-transit carrier, or changed for other
    /// denominations. Not a transaction with another party: the cash limit does not apply.
    Omitted(PayeeOmission),
}

/// A cash operation the office recorded against the cash limits (a cash sale or refund of a
/// known client, a cash order with a client), and what the limits said of its deal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CashRecorded {
    /// The operation: its reference (the receipt or order), date, direction, cash part,
    /// client and invoice.
    pub(crate) operation: CashOperation,
    /// Its deal with the operations linked with it, and whether the deal is declared.
    pub(crate) verdict: CashLimitVerdict,
}

/// An issued cash order with what the office made of it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct IssuedCashOrder {
    /// The order.
    pub(crate) order: CashOrder,
    /// Where it is filed (case 4.4).
    pub(crate) filed: Filed,
    /// Its printed text (Latvian, `render_cash_order`).
    pub(crate) text: String,
    /// The invoice it paid, for a KIO that paid one.
    pub(crate) invoice: Option<String>,
    /// The cash operation recorded against the limits, for an order with a client.
    pub(crate) cash: Option<CashRecorded>,
}

/// A document the desk registered or issued, and the case it is filed in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Filed {
    /// The document's id.
    pub(crate) id: DocumentId,
    /// Its number (register number, invoice number, Z report number).
    pub(crate) number: String,
    /// What it is: `invoice`, `credit_note`, `waybill`, `contract`, `complaint`, `letter`,
    /// `survey_report`, `z_report`, `cash_receipt_order`, `cash_disbursement_order`.
    pub(crate) kind: &'static str,
    /// The case.
    pub(crate) case: CaseIndex,
    /// The date.
    pub(crate) date: NaiveDate,
    /// The client the document names (the buyer of an invoice, the party to a contract, the
    /// author of a complaint): what keeps the client's name after an erasure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) client: Option<ClientId>,
}

/// An issued invoice or credit note with what the office made of it: where it is filed, its
/// printed text and its UBL e-invoice (empty when the buyer has no electronic address).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Issued<T> {
    /// The document.
    pub(crate) document: T,
    /// Where it is filed.
    pub(crate) filed: Filed,
    /// Its printed text (Latvian).
    pub(crate) text: String,
    /// Its UBL 2.1 e-invoice (Peppol BIS 3), or empty for a buyer without an endpoint.
    pub(crate) ubl: String,
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
    /// A sale or return receipt, and its cash part as recorded against the cash limits
    /// (for a sale or refund of a known client).
    Receipt(Receipt, Option<CashRecorded>),
    /// A registered contract.
    Contract(Filed),
    /// An issued invoice and where it is filed.
    Invoice(Box<Issued<IssuedInvoice>>),
    /// An issued credit note and where it is filed.
    CreditNote(Box<Issued<IssuedCreditNote>>),
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
    /// An issued cash order (KIO or KIzO) and where it is filed.
    CashOrder(Box<IssuedCashOrder>),
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
        /// The order as the office keeps it (its delivery inside).
        order: Order,
    },
    /// An issued waybill and where it is filed.
    Waybill {
        /// The waybill.
        waybill: Waybill,
        /// Where it is filed.
        filed: Filed,
        /// Its printed text.
        text: String,
        /// The order whose goods left with it.
        order: Option<String>,
    },
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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

/// The kinds of document the desk files, by name.
pub(crate) const FILED_KINDS: [&str; 10] = [
    "invoice",
    "credit_note",
    "waybill",
    "contract",
    "complaint",
    "letter",
    "survey_report",
    "z_report",
    "cash_receipt_order",
    "cash_disbursement_order",
];

/// The `kind` of a filed document as the office names it.
pub(crate) fn filed_kind(kind: &str) -> Option<&'static str> {
    FILED_KINDS.into_iter().find(|known| *known == kind)
}

/// A [`Filed`] as its JSON holds it: the kind as any text, checked on reading.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FiledRecord {
    id: DocumentId,
    number: String,
    kind: String,
    case: CaseIndex,
    date: NaiveDate,
    #[serde(default)]
    client: Option<ClientId>,
}

// By hand, not derived: a derive would ask the JSON to outlive the program for the
// `&'static str` kind; the record reads any text and the kind is checked.
impl<'de> Deserialize<'de> for Filed {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let record = FiledRecord::deserialize(deserializer)?;
        Filed::try_from(record).map_err(serde::de::Error::custom)
    }
}

impl TryFrom<FiledRecord> for Filed {
    type Error = String;

    fn try_from(record: FiledRecord) -> Result<Self, Self::Error> {
        let kind = filed_kind(&record.kind)
            .ok_or_else(|| format!("{:?} is not a kind of document the desk files", record.kind))?;
        Ok(Filed {
            id: record.id,
            number: record.number,
            kind,
            case: record.case,
            date: record.date,
            client: record.client,
        })
    }
}
