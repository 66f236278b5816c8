//! The service desk as one state machine: every change of a working day is an
//! [`Operation`], applied by [`Office::apply`] through the domain crates.
//!
//! The office is pure like the crates it composes: the time of an operation comes in as an
//! argument, new ids are numbered from its own counters, and it does no I/O. That is what
//! lets [`crate::store`] keep a day safely: the store writes each operation to its journal
//! together with what the operation produced, in one transaction, keeps snapshots of the
//! office, and rebuilds the office on opening from the latest snapshot and the journal after
//! it. Applying the same operations in the same order always gives the same office, with the
//! same numbers.
//!
//! An operation that fails returns an [`OfficeError`] and leaves the office as it was: each
//! operation checks everything that can fail before it changes anything, so no operation
//! copies a whole aggregate first, and the cost of one operation does not grow with the
//! number of clients, invoices or receipts the desk has seen.
//!
//! The office holds in memory what today's work needs; issued documents and closed history
//! (invoices and credit notes, receipts of earlier shifts, answered complaints, delivered
//! orders) are asked of a [`History`] when an operation names them. Opening a day ([`Operation::OpenDay`]) is when
//! the office lets go of what has closed.
//!
//! One file per capability, mirroring the crates:
//!
//! | file | capability | crate |
//! |---|---|---|
//! | `clients.rs` | clients, needs, erasure | apkalpe-clients |
//! | `register.rs` | the cash register: shifts, sales, refunds | apkalpe-payments |
//! | `invoicing.rs` | invoices, credit notes, the accounting batch | apkalpe-accounting |
//! | `records.rs` | the day, cases, contracts, complaints, survey reports | apkalpe-documents |
//! | `orders.rs` | orders, reservations, deliveries, waybills, the catalogue | apkalpe-catalogue |
//! | `bank.rs` | bank statements against the receivables | apkalpe-payments |
//! | `cash.rs` | the cash limit, cash orders (KIO, KIzO), the rules of the journal | apkalpe-payments, apkalpe-accounting |

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use apkalpe_accounting::{IssuedCreditNote, IssuedInvoice};
use apkalpe_catalogue::CatalogueFile;
use apkalpe_clients::{ClientId, ClientRegistry, RegisterFile};
use apkalpe_core::{
    Address, Calendar, CountryCode, Currency, Party, PartyName, VatRateTable, riga_date,
};
use apkalpe_documents::{CaseIndex, FilePlan, OpenCase, OpenSubmission, Register, RegisterKind};
use apkalpe_payments::{
    CashCount, CashLimitLedger, CashRegister, OpenShift, Receipt, ReceivableLedger,
    RegisterIdentity, ZReport,
};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

mod bank;
mod cash;
mod clients;
mod error;
mod history;
mod invoicing;
mod operation;
mod orders;
mod records;
mod register;

pub(crate) use cash::Rules;
use error::input;
pub(crate) use error::{CashLimitExceeded, OfficeError};
pub(crate) use history::{History, MemoryHistory};
pub(crate) use invoicing::{Booked, accounting_batch};
pub(crate) use operation::{
    CardCapture, CashFlow, CashParty, CashRecorded, ClientInput, DetractorRow, Filed, Issued,
    IssuedCashOrder, ItemLine, Operation, Order, Outcome, filed_kind,
};
pub(crate) use register::pieces;

/// The sample Register of Enterprises file shipped with apkalpe-clients.
pub(crate) const REGISTER_CSV: &str =
    include_str!("../../../../crates/apkalpe-clients/tests/fixtures/register.csv");
/// The sample file plan shipped with apkalpe-documents.
pub(crate) const FILE_PLAN_CSV: &str =
    include_str!("../../../../crates/apkalpe-documents/tests/fixtures/fileplan.csv");
/// The sample catalogue shipped with apkalpe-catalogue.
pub(crate) const CATALOGUE_JSON: &str =
    include_str!("../../../../crates/apkalpe-catalogue/tests/fixtures/catalogue.json");

/// The number series the desk issues invoices from, and its pattern.
pub(crate) const INVOICE_SERIES: (&str, &str) = ("invoices", "INV{year}-{seq:5}");
/// The number series of credit notes, and its pattern.
pub(crate) const CREDIT_NOTE_SERIES: (&str, &str) = ("credit-notes", "KR{year}-{seq:5}");
/// The number series of waybills (*preču pavadzīmes*), and its pattern.
pub(crate) const WAYBILL_SERIES: (&str, &str) = ("waybills", "PP{year}-{seq:4}");
/// The number series of cash receipt orders (KIO), and its pattern: numbered apart from the
/// disbursement orders (MK 625; `docs/sources.md` §10 \[C3\]).
pub(crate) const CASH_RECEIPT_SERIES: (&str, &str) = ("cash-receipt-orders", "KIO{year}-{seq:5}");
/// The number series of cash disbursement orders (KIzO), and its pattern.
pub(crate) const CASH_DISBURSEMENT_SERIES: (&str, &str) =
    ("cash-disbursement-orders", "KIZO{year}-{seq:5}");

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
    /// Cash documents: the register's Z reports and the cash orders.
    pub(crate) const CASH: &str = "4.4";
    /// Every case the desk files into.
    pub(crate) const ALL: [&str; 5] = [COMPLAINTS, SURVEYS, CONTRACTS, INVOICES, CASH];
}

/// How long the office keeps closed things in memory after they closed, in days: an order
/// delivered (or whose delivery day passed) this long ago leaves memory for the history.
pub(crate) const KEEP_CLOSED_DAYS: i64 = 31;

/// How long a settled receivable stays in the ledger, in days (a quarter): a bank statement
/// read again within it applies nothing twice by its entries' keys; one booked before it is
/// reported as before the ledger's horizon and never applied.
pub(crate) const KEEP_SETTLED_DAYS: i64 = 92;

/// How long a cash operation stays in the cash-limit ledger, in days (a quarter, as a settled
/// receivable stays): a later operation of the same invoice is linked with it within that
/// time, and not after. Operations of the same client are linked on the same day only, so a
/// day is enough for them; a month's declaration lines are kept by the store, not the ledger.
pub(crate) const KEEP_CASH_LINK_DAYS: i64 = 92;

/// What the office is built from and never changes: the seller, the calendar, the VAT rates
/// and the company register. Built once from the code; never part of the office's state.
#[derive(Debug)]
pub(crate) struct Config {
    /// The seller on every invoice: the sample company SIA Apkalpe.
    pub(crate) seller: Party,
    /// The Latvian working-day calendar.
    pub(crate) calendar: Calendar,
    /// The Latvian VAT rates.
    pub(crate) rates: VatRateTable,
    /// The sample Register of Enterprises file.
    pub(crate) companies: RegisterFile,
}

/// The configuration, built on first use.
///
/// # Errors
///
/// [`OfficeError`] when the built-in data does not load (a defect of the build).
pub(crate) fn config() -> Result<&'static Config, OfficeError> {
    static CONFIG: OnceLock<Result<Config, OfficeError>> = OnceLock::new();
    CONFIG
        .get_or_init(|| {
            Ok(Config {
                seller: seller()?,
                calendar: Calendar::latvia(),
                rates: VatRateTable::latvia(),
                companies: RegisterFile::from_reader(REGISTER_CSV.as_bytes())?.into_register(),
            })
        })
        .as_ref()
        .map_err(Clone::clone)
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

/// A complaint not answered yet.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Complaint {
    submission: OpenSubmission,
    client: ClientId,
}

/// An issued invoice and the credit notes issued for it so far, as the history gives them.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct InvoiceFile {
    /// The invoice.
    pub(crate) invoice: IssuedInvoice,
    /// Its credit notes, in order.
    pub(crate) credit_notes: Vec<IssuedCreditNote>,
}

/// The office's own counters: how many of each thing it numbered, so new ids never depend
/// on what it still holds in memory.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Counters {
    /// Clients registered.
    clients: u128,
    /// Needs recorded.
    needs: u128,
    /// Documents filed.
    documents: u128,
    /// Orders taken, by year.
    orders: BTreeMap<i32, u32>,
}

/// The desk: every aggregate of the day, composed.
///
/// Its JSON (a snapshot's `office`) names every aggregate; each restores through its own
/// crate's checks, so a snapshot edited into an illegal state is refused.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Office {
    catalogue: CatalogueFile,
    /// The client register: a snapshot keeps it client by client, beside the rest
    /// ([`crate::store`] writes only the clients that changed).
    #[serde(skip)]
    registry: ClientRegistry,
    /// The clients changed since the last snapshot.
    #[serde(skip)]
    changed_clients: BTreeSet<ClientId>,
    counters: Counters,
    /// The day last opened.
    day: Option<NaiveDate>,
    plans: BTreeMap<i32, FilePlan>,
    #[serde(with = "case_list")]
    cases: BTreeMap<(i32, CaseIndex), OpenCase>,
    /// The documents filed since the day was opened.
    filed_today: Vec<Filed>,
    incoming: Register,
    outgoing: Register,
    internal: Register,
    register: Option<CashRegister>,
    shift: Option<OpenShift>,
    drawer: CashCount,
    /// The receipts of the open shift (or of the last one, until the next opens).
    receipts: BTreeMap<u64, Receipt>,
    last_z: Option<ZReport>,
    series: BTreeMap<String, apkalpe_core::NumberSeries>,
    ledger: ReceivableLedger,
    /// The complaints not answered yet.
    complaints: BTreeMap<String, Complaint>,
    /// The orders not yet delivered, or delivered less than [`KEEP_CLOSED_DAYS`] ago.
    orders: BTreeMap<String, Order>,
    /// The cash operations of the last [`KEEP_CASH_LINK_DAYS`] days that can link with a
    /// later one (those of a known client or an invoice), checked against the cash limits.
    /// A snapshot written before issue 15 has none, and needs none: every operation before
    /// it was applied under [`Rules::BeforeCashLimit`], which records nothing here.
    #[serde(default = "cash::latvian_ledger")]
    cash_limits: CashLimitLedger,
}

impl Office {
    /// A new office with the sample company register, catalogue and file plan, and nothing
    /// done yet.
    ///
    /// # Errors
    ///
    /// [`OfficeError`] when the built-in data does not load.
    pub(crate) fn new() -> Result<Office, OfficeError> {
        config()?;
        Ok(Office {
            catalogue: CatalogueFile::from_json(CATALOGUE_JSON)?,
            registry: ClientRegistry::new(),
            changed_clients: BTreeSet::new(),
            counters: Counters::default(),
            day: None,
            plans: BTreeMap::new(),
            cases: BTreeMap::new(),
            filed_today: Vec::new(),
            incoming: Register::try_new(RegisterKind::Incoming, "{index}/{seq}")?,
            outgoing: Register::try_new(RegisterKind::Outgoing, "{yy}-{index}/{seq}")?,
            internal: Register::try_new(RegisterKind::Internal, "L-{index}/{seq}")?,
            register: Some(CashRegister::new(register_identity()?, Currency::EUR)),
            shift: None,
            drawer: CashCount::new(),
            receipts: BTreeMap::new(),
            last_z: None,
            series: BTreeMap::new(),
            ledger: ReceivableLedger::new(),
            complaints: BTreeMap::new(),
            orders: BTreeMap::new(),
            cash_limits: cash::latvian_ledger(),
        })
    }

    /// Applies one operation at `at` under the current rules ([`Rules::CURRENT`]); the day is
    /// `at`'s date in Riga. What the office no longer holds is asked of `history`.
    ///
    /// # Errors
    ///
    /// [`OfficeError`] when the operation is refused; the office is then unchanged. Not
    /// refusals ([`OfficeError::is_refusal`]): [`OfficeError::History`], when the history
    /// cannot be read (the office is unchanged), and [`OfficeError::Internal`], a defect
    /// after which the office must be opened again.
    pub(crate) fn apply(
        &mut self,
        operation: &Operation,
        at: DateTime<Utc>,
        history: &dyn History,
    ) -> Result<Outcome, OfficeError> {
        self.apply_under(operation, at, history, Rules::CURRENT)
    }

    /// As [`Office::apply`], under `rules`: a journal entry is applied again under the rules
    /// it was accepted under, so an old journal replays as it happened.
    ///
    /// # Errors
    ///
    /// As [`Office::apply`].
    pub(crate) fn apply_under(
        &mut self,
        operation: &Operation,
        at: DateTime<Utc>,
        history: &dyn History,
        rules: Rules,
    ) -> Result<Outcome, OfficeError> {
        let today = riga_date(at);
        let outcome = self.dispatch(operation, (at, today, rules), history)?;
        // The clients this operation changed, for the next snapshot.
        let changed = match (operation, &outcome) {
            (_, Outcome::Client { id, .. }) => Some(*id),
            (Operation::EraseClient { client }, _)
            | (Operation::RecordNeed { client, .. }, _)
            | (
                Operation::ReserveOrder {
                    client,
                    need: Some(_),
                    ..
                },
                _,
            ) => Some(ClientId::new(*client)),
            _ => None,
        };
        self.changed_clients.extend(changed);
        Ok(outcome)
    }

    /// Applies one operation: the capability that serves it.
    fn dispatch(
        &mut self,
        operation: &Operation,
        (at, today, rules): (DateTime<Utc>, NaiveDate, Rules),
        history: &dyn History,
    ) -> Result<Outcome, OfficeError> {
        match operation {
            Operation::OpenDay => self.open_day(today),
            Operation::RegisterClient { client } => self.register_client(client, None, at),
            Operation::RegisterClientRedacted {
                id,
                existing,
                client,
            } => self.register_client(client, Some((*id, *existing)), at),
            Operation::EraseClient { client } => self.erase_client(*client, at, today, history),
            Operation::OpenShift { cashier, float } => self.open_shift(cashier, *float, at),
            Operation::Sell {
                lines,
                card,
                cash,
                client,
            } => self.sell(
                &register::SaleInput {
                    lines,
                    card: card.as_ref(),
                    cash: *cash,
                    client: *client,
                },
                (at, today, rules),
            ),
            Operation::Refund {
                receipt,
                line,
                card,
            } => self.refund(*receipt, *line, card.as_ref(), (at, rules), history),
            Operation::RegisterContract {
                client,
                title,
                text,
            } => self.register_contract(*client, title, text, today),
            Operation::IssueInvoice {
                client,
                lines,
                due_in_working_days,
            } => self.issue_invoice(*client, lines, *due_in_working_days, today, history),
            Operation::IssueDraftInvoice {
                series_id,
                pattern,
                draft,
                date,
            } => self.issue_draft_invoice(series_id, pattern, draft, *date, history),
            Operation::IssueCreditNote {
                invoice,
                line,
                quantity,
                reason,
            } => self.issue_credit_note(invoice, *line, *quantity, reason, today, history),
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
                &clients::NeedInput {
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
            } => self.issue_waybill(
                invoice,
                vehicle,
                *dispatch,
                order.as_deref(),
                today,
                history,
            ),
            Operation::FileSurveyReport { survey, responses } => {
                self.file_survey_report(survey, responses, today)
            }
            Operation::LoadCatalogue { json } => self.load_catalogue(json, today),
            Operation::CashOrder {
                direction,
                amount,
                party,
                basis,
                invoice,
            } => self.cash_order(
                &cash::CashOrderInput {
                    direction: *direction,
                    amount: *amount,
                    party: *party,
                    basis,
                    invoice: invoice.as_deref(),
                },
                today,
                rules,
            ),
        }
    }

    // ---- reading -------------------------------------------------------------------------

    /// The client registry.
    pub(crate) fn registry(&self) -> &ClientRegistry {
        &self.registry
    }

    /// The clients changed since the last snapshot (all of them for an office replayed from
    /// the first entry), in id order.
    pub(crate) fn changed_clients(&self) -> &BTreeSet<ClientId> {
        &self.changed_clients
    }

    /// Forgets which clients changed: a snapshot holds them all now.
    pub(crate) fn clear_changed_clients(&mut self) {
        self.changed_clients.clear();
    }

    /// Puts a restored client register in place (a snapshot keeps it apart from the rest).
    pub(crate) fn set_registry(&mut self, registry: ClientRegistry) {
        self.registry = registry;
        self.changed_clients.clear();
    }

    /// The catalogue, its stock and deliveries.
    pub(crate) fn catalogue(&self) -> &CatalogueFile {
        &self.catalogue
    }

    /// The working-day calendar.
    pub(crate) fn calendar(&self) -> &'static Calendar {
        // `new` built the configuration, so it is there.
        match config() {
            Ok(config) => &config.calendar,
            Err(_) => latvia(),
        }
    }

    /// The seller on every invoice.
    pub(crate) fn seller(&self) -> Result<&'static Party, OfficeError> {
        Ok(&config()?.seller)
    }

    /// The day last opened.
    pub(crate) fn day(&self) -> Option<NaiveDate> {
        self.day
    }

    /// The file plan of `year`, once a day of it was opened.
    pub(crate) fn plan(&self, year: i32) -> Option<&FilePlan> {
        self.plans.get(&year)
    }

    /// The open cases, by year and index.
    pub(crate) fn cases(&self) -> impl Iterator<Item = &OpenCase> {
        self.cases.values()
    }

    /// The documents filed since the day was opened, in order.
    pub(crate) fn filed_today(&self) -> &[Filed] {
        &self.filed_today
    }

    /// How many documents the office has filed in all.
    #[cfg(test)]
    pub(crate) fn documents_filed(&self) -> u128 {
        self.counters.documents
    }

    /// The incoming, outgoing and internal registers (the documents registered today, and
    /// any registered since the day was opened).
    pub(crate) fn registers(&self) -> [&Register; 3] {
        [&self.incoming, &self.outgoing, &self.internal]
    }

    /// The open shift, if any.
    pub(crate) fn shift(&self) -> Option<&OpenShift> {
        self.shift.as_ref()
    }

    /// The number of the open shift, or of the next one when none is open: one more than
    /// the last Z report's.
    pub(crate) fn shift_number(&self) -> u64 {
        self.last_z
            .as_ref()
            .map_or(0, |z| z.number())
            .saturating_add(1)
    }

    /// The cash drawer as it should be.
    pub(crate) fn drawer(&self) -> CashCount {
        self.drawer
    }

    /// The receipts of the open shift (or of the last one, until the next opens), by
    /// number.
    pub(crate) fn receipts(&self) -> &BTreeMap<u64, Receipt> {
        &self.receipts
    }

    /// The last Z report.
    pub(crate) fn last_z_report(&self) -> Option<&ZReport> {
        self.last_z.as_ref()
    }

    /// The number series, by id.
    pub(crate) fn series(&self) -> &BTreeMap<String, apkalpe_core::NumberSeries> {
        &self.series
    }

    /// The receivables ledger.
    pub(crate) fn ledger(&self) -> &ReceivableLedger {
        &self.ledger
    }

    /// The cash operations that can still link with a later one, against the cash limits.
    #[cfg(test)]
    pub(crate) fn cash_limits(&self) -> &CashLimitLedger {
        &self.cash_limits
    }

    /// The complaints not answered yet: number, client and the answer deadline.
    pub(crate) fn open_complaints(&self) -> impl Iterator<Item = (&str, ClientId, NaiveDate)> {
        self.complaints
            .iter()
            .map(|(number, c)| (number.as_str(), c.client, c.submission.deadline().date()))
    }

    /// The orders the office holds (not yet delivered, or delivered recently), by
    /// reference.
    #[cfg(test)]
    pub(crate) fn orders(&self) -> &BTreeMap<String, Order> {
        &self.orders
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

    /// The case index `index`.
    fn case(index: &str) -> Result<CaseIndex, OfficeError> {
        index.parse().map_err(input("case"))
    }
}

/// The open cases as a snapshot keeps them: a list (each case names its year and index).
mod case_list {
    use std::collections::BTreeMap;

    use apkalpe_documents::{CaseIndex, OpenCase};
    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(
        cases: &BTreeMap<(i32, CaseIndex), OpenCase>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(cases.values())
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<BTreeMap<(i32, CaseIndex), OpenCase>, D::Error> {
        let list = Vec::<OpenCase>::deserialize(deserializer)?;
        let mut cases = BTreeMap::new();
        for case in list {
            let key = (case.year(), case.index().clone());
            if cases.insert(key, case).is_some() {
                return Err(serde::de::Error::custom(
                    "restore.duplicate: a case of one year and index appears twice",
                ));
            }
        }
        Ok(cases)
    }
}

/// The Latvian calendar, for the one path where the configuration failed to build (which
/// `Office::new` rules out).
fn latvia() -> &'static Calendar {
    static CALENDAR: OnceLock<Calendar> = OnceLock::new();
    CALENDAR.get_or_init(Calendar::latvia)
}

#[cfg(test)]
mod cash_tests;
#[cfg(test)]
mod operation_tests;
#[cfg(test)]
mod test_desk;
#[cfg(test)]
mod tests;
