//! Bank statement reconciliation (*bankas izraksta saskaņošana*): each credit entry of a
//! camt report, statement or notification matched to a receivable and applied to the ledger,
//! with the rule that matched it.
//!
//! Rules, in order (peer lessons 5 and 8: structured reference first, explainable):
//! 1. **creditor_reference**: an RF reference in `Strd/CdtrRefInf/Ref`, or in the
//!    unstructured text, equal to a receivable's reference;
//! 2. **invoice_number**: a word of the remittance information, the structured reference
//!    or the `EndToEndId` equal to a receivable's number (case-insensitive);
//! 3. **amount_and_payer**: exactly one receivable of the debtor named in the entry with an
//!    open amount equal to the entry's amount.
//!
//! A rule that names several receivables makes the entry *ambiguous*; no rule, *unmatched*;
//! both are left for a person. Debit entries and entries already applied (the ledger remembers
//! entry keys) are *ignored*: reading the same statement twice changes nothing. Credit entries
//! the bank has not booked (`PDNG`, `INFO`, `FUTR`, see [`EntryStatus`]) are *not booked*:
//! never applied and not remembered, so the booked entry of a later report or statement is
//! applied then. Booked credit entries dated before the ledger's horizon (see
//! [`ReceivableLedger::archive_settled`]) are *before horizon*: their keys may have been
//! forgotten, so they are never applied, and left for a person.
//!
//! Reconciling is atomic: when [`reconcile`] returns an error, the ledger is as it was.
//!
//! **Batch entries** (peer lessons 6): a booked credit entry with several `TxDtls`, each with
//! its own amount (a SEPA batch credit: one booked amount, many payments), is split; each
//! transaction is matched on its own by the rules above and applied under its own key
//! ([`StatementEntry::transaction_key`]). The split is checked first: the transactions'
//! amounts must be in the entry's currency and add up to the entry's amount exactly, else the
//! entry is one *unmatched* outcome with the rule **batch_sum_mismatch** and nothing is applied
//! (no guessing). When a transaction has no amount of its own, the entry is matched as a whole,
//! as a single payment is.
//!
//! Each step is a hash lookup, so the work grows linearly with entries and receivables.
//!
//! Serves: T4.3, T4.5, S33.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use apkalpe_core::{CreditorReference, Money};
use chrono::NaiveDate;
#[cfg(feature = "serde")]
use serde::ser::SerializeStruct;
#[cfg(feature = "serde")]
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::camt::{BankStatement, CreditDebit, EntryStatus, EntryTransaction, StatementEntry};
use crate::receivable::{IncomingPayment, ReceivableError, ReceivableLedger, Undo, normalise_name};

/// The result of one entry, or of one transaction of a split batch entry.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Currency, Money};
/// use apkalpe_payments::{
///     BankStatement, CreditDebit, EntryTransaction, MatchRule, MatchStatus, Receivable, ReceivableLedger,
///     StatementEntry, StatementKind, reconcile,
/// };
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let eur = |d| Money::new(d, Currency::EUR);
/// let due = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
/// let mut ledger = ReceivableLedger::new();
/// ledger.add(Receivable::try_new("INV-7", "SIA Klients", eur(dec!(121)), due, None)?)?;
/// let paid = StatementEntry::try_new(eur(dec!(121)), CreditDebit::Credit, "BOOK")?
///     .with_references(None, Some("B-1"))
///     .try_with_transactions(vec![EntryTransaction::default().with_remittance(vec!["Rēķins INV-7".into()])])?;
/// let statement = BankStatement::new(StatementKind::Camt053, "001.08", vec![paid]);
/// let report = reconcile(&statement, &mut ledger)?;
/// assert_eq!(report.entries()[0].status(), MatchStatus::Matched);
/// let _ = MatchRule::NoMatch;
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum MatchStatus {
    /// Applied, and it paid the receivable in full (any excess kept as credit).
    Matched,
    /// Applied, and the receivable stays partly paid.
    Partial,
    /// Several receivables fit: left for a person.
    Ambiguous,
    /// No receivable fits, or a batch entry whose transactions do not add up: left for a
    /// person.
    Unmatched,
    /// A credit entry the bank has not booked (`PDNG`, `INFO`, `FUTR`): not applied and not
    /// remembered; its booked entry in a later report or statement is applied then.
    NotBooked,
    /// Not a payment to match (debit, already applied).
    Ignored,
    /// A booked credit entry dated before the ledger's horizon
    /// ([`ReceivableLedger::horizon`]): the keys of payments that old were dropped when settled
    /// receivables were archived, so it may have been applied already, and is never applied
    /// again. Left for a person.
    BeforeHorizon,
}

impl MatchStatus {
    /// Returns the snake_case name used in JSON and tables.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::MatchStatus;
    ///
    /// assert_eq!(MatchStatus::NotBooked.as_str(), "not_booked");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            MatchStatus::Matched => "matched",
            MatchStatus::Partial => "partial",
            MatchStatus::Ambiguous => "ambiguous",
            MatchStatus::Unmatched => "unmatched",
            MatchStatus::NotBooked => "not_booked",
            MatchStatus::Ignored => "ignored",
            MatchStatus::BeforeHorizon => "before_horizon",
        }
    }
}

/// What decided an entry's status.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Currency, Money};
/// use apkalpe_payments::{
///     BankStatement, CreditDebit, EntryTransaction, MatchRule, MatchStatus, Receivable, ReceivableLedger,
///     StatementEntry, StatementKind, reconcile,
/// };
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let eur = |d| Money::new(d, Currency::EUR);
/// let due = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
/// let mut ledger = ReceivableLedger::new();
/// ledger.add(Receivable::try_new("INV-7", "SIA Klients", eur(dec!(121)), due, None)?)?;
/// let paid = StatementEntry::try_new(eur(dec!(121)), CreditDebit::Credit, "BOOK")?
///     .with_references(None, Some("B-1"))
///     .try_with_transactions(vec![EntryTransaction::default().with_remittance(vec!["Rēķins INV-7".into()])])?;
/// let statement = BankStatement::new(StatementKind::Camt053, "001.08", vec![paid]);
/// let report = reconcile(&statement, &mut ledger)?;
/// assert_eq!(report.entries()[0].rule(), MatchRule::InvoiceNumber);
/// let _ = MatchStatus::Matched;
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum MatchRule {
    /// An RF creditor reference.
    CreditorReference,
    /// An invoice number in the remittance information.
    InvoiceNumber,
    /// The amount and the payer's name.
    AmountAndPayer,
    /// No rule matched.
    NoMatch,
    /// A debit entry (money out).
    Debit,
    /// Not booked (`PDNG`, `INFO`, `FUTR`).
    NotBooked,
    /// The entry (or the batch transaction) was applied before.
    AlreadyApplied,
    /// A batch entry whose transactions' amounts do not add up to the entry's amount (or are
    /// not all in its currency): not split, nothing applied.
    BatchSumMismatch,
    /// Booked before the ledger's horizon: not applied.
    BeforeHorizon,
}

impl MatchRule {
    /// Returns the snake_case name used in JSON and tables.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::MatchRule;
    ///
    /// assert_eq!(MatchRule::CreditorReference.as_str(), "creditor_reference");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            MatchRule::CreditorReference => "creditor_reference",
            MatchRule::InvoiceNumber => "invoice_number",
            MatchRule::AmountAndPayer => "amount_and_payer",
            MatchRule::NoMatch => "no_match",
            MatchRule::Debit => "debit",
            MatchRule::NotBooked => "not_booked",
            MatchRule::AlreadyApplied => "already_applied",
            MatchRule::BatchSumMismatch => "batch_sum_mismatch",
            MatchRule::BeforeHorizon => "before_horizon",
        }
    }
}

/// The outcome for one statement entry, or for one transaction of a split batch entry.
///
/// Serialised as the `desk reconcile --json` record:
/// `{"entry_ref", "status", "receivable", "amount": "12.34", "rule"}`, plus
/// `"transaction"` (its index) for a transaction of a split batch entry, `"transactions_total"`
/// for a batch whose sum does not match, and `"entry_status"` for an entry not booked; the
/// extra fields are absent otherwise, and `"currency"` for an entry in another currency
/// than EUR, so a single booked entry's record in euro is always the five fields.
///
/// The record is what people and the desk read; it leaves out the payer, the candidates of
/// an ambiguous entry and the credit kept from an overpayment. Deserializing reads that record
/// and accepts those three as optional fields (`"payer"`, `"candidates"`, `"credit"`, the
/// credit as a plain amount like `"amount"`): without them a restored outcome has no payer, no
/// candidates and no credit.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Currency, Money};
/// use apkalpe_payments::{
///     BankStatement, CreditDebit, EntryTransaction, MatchRule, MatchStatus, Receivable, ReceivableLedger,
///     StatementEntry, StatementKind, reconcile,
/// };
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let eur = |d| Money::new(d, Currency::EUR);
/// let due = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
/// let mut ledger = ReceivableLedger::new();
/// ledger.add(Receivable::try_new("INV-7", "SIA Klients", eur(dec!(121)), due, None)?)?;
/// let paid = StatementEntry::try_new(eur(dec!(121)), CreditDebit::Credit, "BOOK")?
///     .with_references(None, Some("B-1"))
///     .try_with_transactions(vec![EntryTransaction::default().with_remittance(vec!["Rēķins INV-7".into()])])?;
/// let statement = BankStatement::new(StatementKind::Camt053, "001.08", vec![paid]);
/// let report = reconcile(&statement, &mut ledger)?;
/// let outcome = &report.entries()[0];
/// assert_eq!((outcome.entry_ref(), outcome.receivable()), ("B-1", Some("INV-7")));
/// let _ = (MatchStatus::Matched, MatchRule::NoMatch);
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryOutcome {
    /// The entry's key (the bank's `AcctSvcrRef`, or the fallback of
    /// [`StatementEntry::key`]); for a transaction of a split batch entry, its
    /// [`StatementEntry::transaction_key`] (`<key>/<index>`).
    pub(crate) entry_ref: String,
    /// The transaction's index in the entry (from 0), for a split batch entry.
    pub(crate) transaction: Option<usize>,
    /// The status.
    pub(crate) status: MatchStatus,
    /// The rule.
    pub(crate) rule: MatchRule,
    /// The receivable matched (matched, partial).
    pub(crate) receivable: Option<String>,
    /// The candidates (ambiguous).
    pub(crate) candidates: Vec<String>,
    /// The entry's amount, or the transaction's.
    pub(crate) amount: Money,
    /// The payer's name, if given.
    pub(crate) payer: Option<String>,
    /// The overpayment kept as credit.
    pub(crate) credit: Money,
    /// The entry's status on the bank's books.
    pub(crate) entry_status: EntryStatus,
    /// For [`MatchRule::BatchSumMismatch`]: what the transactions add up to, when they are all
    /// in the entry's currency.
    pub(crate) transactions_total: Option<Money>,
}

impl EntryOutcome {
    /// The entry's key (the bank's `AcctSvcrRef`, or the fallback of
    /// [`StatementEntry::key`]); for a transaction of a split batch entry, its
    /// [`StatementEntry::transaction_key`] (`<key>/<index>`).
    pub fn entry_ref(&self) -> &str {
        &self.entry_ref
    }

    /// The transaction's index in the entry (from 0), for a split batch entry.
    pub fn transaction(&self) -> Option<usize> {
        self.transaction
    }

    /// The status.
    pub fn status(&self) -> MatchStatus {
        self.status
    }

    /// The rule.
    pub fn rule(&self) -> MatchRule {
        self.rule
    }

    /// The receivable matched (matched, partial).
    pub fn receivable(&self) -> Option<&str> {
        self.receivable.as_deref()
    }

    /// The candidates (ambiguous).
    pub fn candidates(&self) -> &[String] {
        &self.candidates
    }

    /// The entry's amount, or the transaction's.
    pub fn amount(&self) -> Money {
        self.amount
    }

    /// The payer's name, if given.
    pub fn payer(&self) -> Option<&str> {
        self.payer.as_deref()
    }

    /// The overpayment kept as credit.
    pub fn credit(&self) -> Money {
        self.credit
    }

    /// The entry's status on the bank's books.
    pub fn entry_status(&self) -> EntryStatus {
        self.entry_status
    }

    /// For [`MatchRule::BatchSumMismatch`]: what the transactions add up to, when they are all
    /// in the entry's currency.
    pub fn transactions_total(&self) -> Option<Money> {
        self.transactions_total
    }
}

#[cfg(feature = "serde")]
impl Serialize for EntryOutcome {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Plain<'a>(&'a Money);
        #[cfg(feature = "serde")]
        impl Serialize for Plain<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                crate::receivable::plain_amount(self.0, serializer)
            }
        }
        let not_booked = self.status == MatchStatus::NotBooked;
        let currency = self.amount.currency();
        let other_currency = currency != apkalpe_core::Currency::EUR;
        let fields = 5
            + usize::from(self.transaction.is_some())
            + usize::from(self.transactions_total.is_some())
            + usize::from(not_booked)
            + usize::from(other_currency);
        let mut s = serializer.serialize_struct("EntryOutcome", fields)?;
        s.serialize_field("entry_ref", &self.entry_ref)?;
        if let Some(index) = self.transaction {
            s.serialize_field("transaction", &index)?;
        }
        s.serialize_field("status", &self.status)?;
        s.serialize_field("receivable", &self.receivable)?;
        s.serialize_field("amount", &Plain(&self.amount))?;
        s.serialize_field("rule", &self.rule)?;
        if let Some(total) = &self.transactions_total {
            s.serialize_field("transactions_total", &Plain(total))?;
        }
        if not_booked {
            s.serialize_field("entry_status", &self.entry_status)?;
        }
        if other_currency {
            s.serialize_field("currency", &currency)?;
        }
        s.end()
    }
}

/// The saved form of an [`EntryOutcome`]: the record, and the fields it leaves out.
#[cfg(feature = "serde")]
#[derive(Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct OutcomeRecord {
    entry_ref: String,
    #[cfg_attr(feature = "serde", serde(default))]
    transaction: Option<usize>,
    status: MatchStatus,
    receivable: Option<String>,
    amount: String,
    rule: MatchRule,
    #[cfg_attr(feature = "serde", serde(default))]
    transactions_total: Option<String>,
    #[cfg_attr(feature = "serde", serde(default))]
    entry_status: Option<EntryStatus>,
    #[cfg_attr(feature = "serde", serde(default))]
    currency: Option<apkalpe_core::Currency>,
    #[cfg_attr(feature = "serde", serde(default))]
    payer: Option<String>,
    #[cfg_attr(feature = "serde", serde(default))]
    candidates: Vec<String>,
    #[cfg_attr(feature = "serde", serde(default))]
    credit: Option<String>,
}

#[cfg(feature = "serde")]
impl TryFrom<OutcomeRecord> for EntryOutcome {
    type Error = apkalpe_core::RestoreError;

    fn try_from(record: OutcomeRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "EntryOutcome";
        let currency = record.currency.unwrap_or(apkalpe_core::Currency::EUR);
        let money = |field: &'static str, text: &str| {
            Money::parse(text, currency)
                .map_err(|error| apkalpe_core::RestoreError::invalid(WHAT, field, error))
        };
        let amount = money("amount", &record.amount)?;
        let transactions_total = record
            .transactions_total
            .as_deref()
            .map(|text| money("transactions_total", text))
            .transpose()?;
        let credit = match record.credit.as_deref() {
            Some(text) => money("credit", text)?,
            None => Money::zero(currency),
        };
        let entry_status = match (record.status, record.entry_status) {
            (MatchStatus::NotBooked, Some(status)) if !status.is_booked() => status,
            (MatchStatus::NotBooked, _) => {
                return Err(apkalpe_core::RestoreError::missing(
                    WHAT,
                    "entry_status",
                    "an entry not booked names its status on the bank's books",
                )
                .with_latvian_reason("negrāmatotam ierakstam norāda tā statusu bankas uzskaitē"));
            }
            (_, None) => EntryStatus::Booked,
            (_, Some(_)) => {
                return Err(apkalpe_core::RestoreError::inconsistent(
                    WHAT,
                    "entry_status",
                    "only an entry not booked has an entry status in its record",
                )
                .with_latvian_reason(
                    "ieraksta statuss (entry_status) ir tikai negrāmatotam ierakstam",
                ));
            }
        };
        Ok(EntryOutcome {
            entry_ref: record.entry_ref,
            transaction: record.transaction,
            status: record.status,
            rule: record.rule,
            receivable: record.receivable,
            candidates: record.candidates,
            amount,
            payer: record.payer,
            credit,
            entry_status,
            transactions_total,
        })
    }
}

#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for EntryOutcome {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let record = OutcomeRecord::deserialize(deserializer)?;
        EntryOutcome::try_from(record).map_err(serde::de::Error::custom)
    }
}

/// The outcome of reconciling a statement: one [`EntryOutcome`] per entry, in order, except
/// that a split batch entry gives one outcome per transaction.
///
/// # Saved form
///
/// A keyed object: the outcomes, and how many have each status (in the order of
/// [`MatchStatus`]):
///
/// ```json
/// {
///   "entries": [{"entry_ref": "B-1", "status": "matched", "rule": "creditor_reference", …}],
///   "counts": {"matched": 1, "partial": 0, "ambiguous": 0, "unmatched": 0,
///              "not_booked": 0, "ignored": 0, "before_horizon": 0}
/// }
/// ```
///
/// It deserializes through its checks: each outcome through [`EntryOutcome`]'s, and the
/// counts must be those of the outcomes. The bare array of outcomes that earlier versions
/// wrote is read too. The default is the empty report, with no entries.
///
/// # Examples
///
/// ```
/// # #[cfg(feature = "serde")] {
/// use apkalpe_payments::{MatchStatus, ReconciliationReport};
///
/// let report = ReconciliationReport::default();
/// let json = serde_json::to_value(&report)?;
/// assert_eq!(json["entries"], serde_json::json!([]));
/// assert_eq!(json["counts"]["matched"], 0);
/// assert_eq!(serde_json::from_value::<ReconciliationReport>(json)?, report);
/// assert_eq!(report.count(MatchStatus::Matched), 0);
/// # }
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReconciliationReport {
    /// One outcome per entry, or per transaction of a split batch entry.
    pub(crate) entries: Vec<EntryOutcome>,
}

#[cfg(feature = "serde")]
/// Every status, in declaration order: the keys of the saved form's `counts`.
const STATUSES: [MatchStatus; 7] = [
    MatchStatus::Matched,
    MatchStatus::Partial,
    MatchStatus::Ambiguous,
    MatchStatus::Unmatched,
    MatchStatus::NotBooked,
    MatchStatus::Ignored,
    MatchStatus::BeforeHorizon,
];

#[cfg(feature = "serde")]
/// The `counts` of the saved form, by status name.
struct Counts<'a>(&'a ReconciliationReport);

#[cfg(feature = "serde")]
impl Serialize for Counts<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[cfg(feature = "serde")]
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(STATUSES.len()))?;
        for status in STATUSES {
            map.serialize_entry(status.as_str(), &self.0.count(status))?;
        }
        map.end()
    }
}

#[cfg(feature = "serde")]
impl Serialize for ReconciliationReport {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut state = serializer.serialize_struct("ReconciliationReport", 2)?;
        state.serialize_field("entries", &self.entries)?;
        state.serialize_field("counts", &Counts(self))?;
        state.end()
    }
}

/// The keyed saved form of a [`ReconciliationReport`].
#[cfg(feature = "serde")]
#[derive(Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct ReportRecord {
    entries: Vec<EntryOutcome>,
    counts: std::collections::BTreeMap<String, usize>,
}

#[cfg(feature = "serde")]
impl TryFrom<ReportRecord> for ReconciliationReport {
    type Error = apkalpe_core::RestoreError;

    fn try_from(record: ReportRecord) -> Result<Self, Self::Error> {
        let report = ReconciliationReport {
            entries: record.entries,
        };
        if let Some(unknown) = record
            .counts
            .keys()
            .find(|key| !STATUSES.iter().any(|s| s.as_str() == key.as_str()))
        {
            return Err(apkalpe_core::RestoreError::inconsistent(
                "ReconciliationReport",
                format!("counts.{unknown}"),
                "is not a match status",
            )
            .with_latvian_reason("nav saskaņošanas statuss"));
        }
        for status in STATUSES {
            let saved = record.counts.get(status.as_str()).copied();
            let counted = report.count(status);
            if saved != Some(counted) {
                return Err(apkalpe_core::RestoreError::inconsistent(
                    "ReconciliationReport",
                    format!("counts.{}", status.as_str()),
                    format!(
                        "is {}, but {counted} outcomes have this status",
                        saved.map_or_else(|| "missing".to_owned(), |n| n.to_string())
                    ),
                )
                .with_latvian_reason(format_args!(
                    "{}, bet šis statuss ir {}",
                    saved.map_or_else(|| "nav norādīts".to_owned(), |n| format!("ir {n}")),
                    crate::localized::count(crate::localized::OUTCOMES_DATIVE, counted)
                )));
            }
        }
        Ok(report)
    }
}

#[cfg(feature = "serde")]
impl<'de> Deserialize<'de> for ReconciliationReport {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// Reads the keyed object, or the bare array of earlier versions.
        struct ReportVisitor;

        impl<'de> serde::de::Visitor<'de> for ReportVisitor {
            type Value = ReconciliationReport;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a reconciliation report: {\"entries\": [...], \"counts\": {...}}")
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
                while let Some(entry) = seq.next_element::<EntryOutcome>()? {
                    entries.push(entry);
                }
                Ok(ReconciliationReport { entries })
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<Self::Value, A::Error> {
                let record =
                    ReportRecord::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                ReconciliationReport::try_from(record).map_err(serde::de::Error::custom)
            }
        }

        deserializer.deserialize_any(ReportVisitor)
    }
}

impl ReconciliationReport {
    /// One outcome per entry, or per transaction of a split batch entry, in the statement's
    /// order.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::ReconciliationReport;
    ///
    /// assert!(ReconciliationReport::default().entries().is_empty());
    /// ```
    pub fn entries(&self) -> &[EntryOutcome] {
        &self.entries
    }

    /// Returns the outcomes with `status`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{
    ///     BankStatement, CreditDebit, EntryTransaction, MatchRule, MatchStatus, Receivable, ReceivableLedger,
    ///     StatementEntry, StatementKind, reconcile,
    /// };
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let due = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    /// let mut ledger = ReceivableLedger::new();
    /// ledger.add(Receivable::try_new("INV-7", "SIA Klients", eur(dec!(121)), due, None)?)?;
    /// let paid = StatementEntry::try_new(eur(dec!(121)), CreditDebit::Credit, "BOOK")?
    ///     .with_references(None, Some("B-1"))
    ///     .try_with_transactions(vec![EntryTransaction::default().with_remittance(vec!["Rēķins INV-7".into()])])?;
    /// let statement = BankStatement::new(StatementKind::Camt053, "001.08", vec![paid]);
    /// let report = reconcile(&statement, &mut ledger)?;
    /// let matched: Vec<&str> = report.with_status(MatchStatus::Matched).map(|o| o.entry_ref()).collect();
    /// assert_eq!(matched, ["B-1"]);
    /// let _ = MatchRule::NoMatch;
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn with_status(&self, status: MatchStatus) -> impl Iterator<Item = &EntryOutcome> {
        self.entries.iter().filter(move |e| e.status == status)
    }

    /// Returns how many outcomes have `status`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use apkalpe_payments::{
    ///     BankStatement, CreditDebit, EntryTransaction, MatchRule, MatchStatus, Receivable, ReceivableLedger,
    ///     StatementEntry, StatementKind, reconcile,
    /// };
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let due = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    /// let mut ledger = ReceivableLedger::new();
    /// ledger.add(Receivable::try_new("INV-7", "SIA Klients", eur(dec!(121)), due, None)?)?;
    /// let paid = StatementEntry::try_new(eur(dec!(121)), CreditDebit::Credit, "BOOK")?
    ///     .with_references(None, Some("B-1"))
    ///     .try_with_transactions(vec![EntryTransaction::default().with_remittance(vec!["Rēķins INV-7".into()])])?;
    /// let statement = BankStatement::new(StatementKind::Camt053, "001.08", vec![paid]);
    /// let report = reconcile(&statement, &mut ledger)?;
    /// assert_eq!((report.count(MatchStatus::Matched), report.count(MatchStatus::Unmatched)), (1, 0));
    /// let _ = MatchRule::NoMatch;
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn count(&self, status: MatchStatus) -> usize {
        self.with_status(status).count()
    }

    /// Renders the report as text tables: matched, partly paid, ambiguous, unmatched, not
    /// booked (only when there are such entries) and ignored, with one set of column widths
    /// for all of them, wide enough for the longest value.
    ///
    /// An ambiguous row says how many receivables fit in the receivable column and names them
    /// in the note; the ignored section says why each entry was not a payment to match (a
    /// debit, or applied before).
    ///
    /// ```
    /// use apkalpe_payments::ReconciliationReport;
    ///
    /// let table = ReconciliationReport::default().render_table();
    /// assert!(table.starts_with("Matched (0)\n"));
    /// assert!(table.contains("Ignored (0): debits and entries applied before"));
    /// ```
    pub fn render_table(&self) -> String {
        let sections = [
            (MatchStatus::Matched, "Matched", ""),
            (MatchStatus::Partial, "Partly paid", ""),
            (
                MatchStatus::Ambiguous,
                "Ambiguous",
                ": several receivables fit, left for a person",
            ),
            (
                MatchStatus::Unmatched,
                "Unmatched",
                ": no receivable fits, left for a person",
            ),
            (
                MatchStatus::NotBooked,
                "Not booked",
                ": not on the bank's books yet, not applied",
            ),
            (
                MatchStatus::BeforeHorizon,
                "Before horizon",
                ": older than the ledger keeps, left for a person",
            ),
            (
                MatchStatus::Ignored,
                "Ignored",
                ": debits and entries applied before, not payments to match",
            ),
        ];
        let rows: Vec<[String; 5]> = self.entries.iter().map(table_row).collect();
        let header = ["entry", "amount", "receivable", "rule", "payer / note"];
        let mut widths = header.map(str::len);
        for row in &rows {
            for (width, cell) in widths.iter_mut().zip(row) {
                *width = (*width).max(cell.chars().count());
            }
        }
        let mut out = String::new();
        for (status, title, why) in sections {
            let section: Vec<&[String; 5]> = self
                .entries
                .iter()
                .zip(&rows)
                .filter(|(entry, _)| entry.status == status)
                .map(|(_, row)| row)
                .collect();
            let optional = matches!(status, MatchStatus::NotBooked | MatchStatus::BeforeHorizon);
            if optional && section.is_empty() {
                continue;
            }
            // Ignored entries always say why they were ignored; the other sections only
            // when they have rows.
            let why = if section.is_empty() && status != MatchStatus::Ignored {
                ""
            } else {
                why
            };
            let _ = writeln!(out, "{title} ({}){why}", section.len());
            if !section.is_empty() {
                push_row(&mut out, &widths, &header.map(str::to_owned));
                for row in section {
                    push_row(&mut out, &widths, row);
                }
            }
            if status != MatchStatus::Ignored {
                let _ = writeln!(out);
            }
        }
        out
    }
}

/// One row of [`ReconciliationReport::render_table`]: entry, amount, receivable, rule and
/// note, as text.
fn table_row(row: &EntryOutcome) -> [String; 5] {
    let mut notes: Vec<String> = row.payer.iter().cloned().collect();
    let receivable = match row.status {
        MatchStatus::Ambiguous => {
            notes.push(format!("candidates {}", row.candidates.join(", ")));
            format!("{} candidates", row.candidates.len())
        }
        _ => row.receivable.clone().unwrap_or_else(|| "-".to_owned()),
    };
    if !row.credit.is_zero() {
        notes.push(format!("credit {}", row.credit));
    }
    if row.rule == MatchRule::BatchSumMismatch {
        notes.push(match &row.transactions_total {
            Some(total) => format!("transactions total {total}"),
            None => "transactions in another currency".to_owned(),
        });
    }
    if row.status == MatchStatus::NotBooked {
        notes.push(format!("bank status {}", row.entry_status.as_str()));
    }
    [
        row.entry_ref.clone(),
        row.amount.to_string(),
        receivable,
        row.rule.as_str().to_owned(),
        notes.join("; "),
    ]
}

/// Writes one row of cells padded to `widths` (the amount right-aligned), without trailing
/// spaces.
fn push_row(out: &mut String, widths: &[usize; 5], cells: &[String; 5]) {
    let [entry_w, amount_w, receivable_w, rule_w, _] = *widths;
    let [entry, amount, receivable, rule, note] = cells;
    let text = format!(
        "  {entry:<entry_w$}  {amount:>amount_w$}  {receivable:<receivable_w$}  {rule:<rule_w$}  {note}"
    );
    let _ = writeln!(out, "{}", text.trim_end());
}

/// One payment to match: a whole entry, or one transaction of a split batch entry.
struct Payment<'a> {
    /// The key it is applied under.
    key: String,
    /// The transactions whose references and texts are searched.
    transactions: &'a [EntryTransaction],
    /// The amount paid.
    amount: Money,
}

/// One matching rule's search.
type RuleFn = fn(&ReceivableLedger, &Payment<'_>) -> Found;

/// A match found by one rule: one receivable, several, or none.
enum Found {
    One(usize),
    Several(BTreeSet<usize>),
    None,
}

fn found(set: BTreeSet<usize>) -> Found {
    let mut iter = set.iter();
    match (iter.next(), iter.next()) {
        (Some(&one), None) => Found::One(one),
        (Some(_), Some(_)) => Found::Several(set),
        _ => Found::None,
    }
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')' | '#'))
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| !w.is_empty())
}

fn by_reference(ledger: &ReceivableLedger, payment: &Payment<'_>) -> Found {
    let mut set = BTreeSet::new();
    for tx in payment.transactions {
        let structured = tx.creditor_references.iter().map(String::as_str);
        let text = tx.remittance.iter().flat_map(|line| words(line));
        for candidate in structured.chain(text) {
            let looks_like_rf = candidate
                .get(..2)
                .is_some_and(|p| p.eq_ignore_ascii_case("RF"));
            if !looks_like_rf {
                continue;
            }
            if let Ok(reference) = candidate.parse::<CreditorReference>()
                && let Some(index) = ledger.index_of_reference(&reference)
            {
                set.insert(index);
            }
        }
    }
    // An RF reference printed in blocks ("RF18 5390 0754 7034") spans several words.
    if set.is_empty() {
        for tx in payment.transactions {
            for line in &tx.remittance {
                let start = line.as_bytes().windows(2).position(|pair| {
                    pair.first().is_some_and(|b| b.eq_ignore_ascii_case(&b'R'))
                        && pair.get(1).is_some_and(|b| b.eq_ignore_ascii_case(&b'F'))
                });
                if let Some(start) = start {
                    let tail: String = line
                        .get(start..)
                        .unwrap_or_default()
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == ' ')
                        .filter(|c| *c != ' ')
                        .take(25)
                        .collect();
                    // Try the longest prefix that parses.
                    for end in (5..=tail.len()).rev() {
                        if let Some(Ok(reference)) =
                            tail.get(..end).map(str::parse::<CreditorReference>)
                        {
                            if let Some(index) = ledger.index_of_reference(&reference) {
                                set.insert(index);
                            }
                            break;
                        }
                    }
                }
            }
        }
    }
    found(set)
}

fn by_invoice_number(ledger: &ReceivableLedger, payment: &Payment<'_>) -> Found {
    let mut set = BTreeSet::new();
    for tx in payment.transactions {
        let lines = tx
            .remittance
            .iter()
            .chain(tx.creditor_references.iter())
            .chain(tx.end_to_end_id.iter());
        for line in lines {
            if let Some(index) = ledger.index_of_number(line.trim()) {
                set.insert(index);
            }
            // Invoice numbers hold a digit: skip plain words without a lookup.
            for word in words(line).filter(|w| w.bytes().any(|b| b.is_ascii_digit())) {
                if let Some(index) = ledger.index_of_number(word) {
                    set.insert(index);
                }
            }
        }
    }
    found(set)
}

fn payer(transactions: &[EntryTransaction]) -> Option<String> {
    transactions.iter().find_map(|tx| tx.debtor_name.clone())
}

fn by_amount_and_payer(ledger: &ReceivableLedger, payment: &Payment<'_>) -> Found {
    let Some(name) = payer(payment.transactions) else {
        return Found::None;
    };
    let candidates = ledger.open_with(&normalise_name(&name), payment.amount.amount());
    found(candidates.into_iter().collect())
}

/// Reconciles a statement against the ledger: matches each booked credit entry (each
/// transaction of a batch entry), applies the matched ones, and reports every entry. Entries
/// already applied (by key) are ignored, so reconciling the same statement twice changes
/// nothing the second time. Entries not booked (see [`EntryStatus`]) are reported as
/// [`MatchStatus::NotBooked`] and never applied; booked entries dated before the ledger's
/// horizon as [`MatchStatus::BeforeHorizon`], never applied either.
///
/// Atomic: when it returns an error, the ledger is unchanged (what earlier entries applied is
/// undone), so the statement can be corrected and read again.
///
/// # Errors
///
/// [`ReceivableError::Currency`] when a matched entry's currency differs from the
/// receivable's; [`ReceivableError::NonPositive`] for a matched entry of a negative amount;
/// [`ReceivableError::Money`] when the debtor's credit is in another currency, or on
/// overflow.
///
/// # Examples
///
/// ```
/// # #[cfg(all(feature = "csv", feature = "xml"))] {
/// use apkalpe_payments::{reconcile, read_receivables_csv, BankStatement, MatchStatus, ReceivableLedger};
///
/// let statement = BankStatement::read(include_bytes!("../tests/fixtures/statement-camt053-001.08.xml"))?;
/// let receivables = read_receivables_csv(include_str!("../tests/fixtures/receivables.csv"))?;
/// let mut ledger = ReceivableLedger::try_from_receivables(receivables)?;
/// let first = reconcile(&statement, &mut ledger)?;
/// assert!(first.count(MatchStatus::Matched) > 0);
/// // Reading the same statement again applies nothing twice.
/// let again = reconcile(&statement, &mut ledger)?;
/// assert_eq!(again.count(MatchStatus::Matched) + again.count(MatchStatus::Partial), 0);
/// # }
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
///
/// A batch entry of 100.00 whose transactions pay 60.00 and 40.00 for two invoices is split:
///
/// ```
/// # #[cfg(all(feature = "csv", feature = "xml"))] {
/// use apkalpe_payments::{reconcile, read_receivables_csv, BankStatement, MatchRule, MatchStatus, ReceivableLedger};
///
/// let xml = r#"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><Stmt>
///  <Ntry><Amt Ccy="EUR">100.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>
///   <AcctSvcrRef>B-1</AcctSvcrRef><NtryDtls>
///    <TxDtls><Amt Ccy="EUR">60.00</Amt><RmtInf><Ustrd>INV-1</Ustrd></RmtInf></TxDtls>
///    <TxDtls><Amt Ccy="EUR">40.00</Amt><RmtInf><Ustrd>INV-2</Ustrd></RmtInf></TxDtls>
///   </NtryDtls></Ntry>
/// </Stmt></BkToCstmrStmt></Document>"#;
/// let csv = "number,debtor,amount,currency,due_date,reference\n\
///            INV-1,SIA Klients,60.00,EUR,2026-12-01,\nINV-2,SIA Cits,40.00,EUR,2026-12-01,\n";
/// let mut ledger = ReceivableLedger::try_from_receivables(read_receivables_csv(csv)?)?;
/// let report = reconcile(&BankStatement::read(xml.as_bytes())?, &mut ledger)?;
/// let refs: Vec<&str> = report.entries().iter().map(|e| e.entry_ref()).collect();
/// assert_eq!(refs, ["B-1/0", "B-1/1"]);
/// assert_eq!(report.count(MatchStatus::Matched), 2);
///
/// // The same entry with a wrong total is not split: nothing is applied.
/// let wrong = xml.replace("100.00", "90.00").replace("B-1", "B-2");
/// let report = reconcile(&BankStatement::read(wrong.as_bytes())?, &mut ledger)?;
/// assert_eq!(report.entries()[0].rule(), MatchRule::BatchSumMismatch);
/// assert_eq!(report.entries()[0].status(), MatchStatus::Unmatched);
/// # }
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
pub fn reconcile(
    statement: &BankStatement,
    ledger: &mut ReceivableLedger,
) -> Result<ReconciliationReport, ReceivableError> {
    let mut entries = Vec::with_capacity(statement.entries.len());
    let mut undo = Vec::new();
    for entry in &statement.entries {
        if let Err(error) = reconcile_entry(entry, ledger, &mut entries, &mut undo) {
            for step in undo.into_iter().rev() {
                ledger.undo(step);
            }
            return Err(error);
        }
    }
    Ok(ReconciliationReport { entries })
}

/// How a booked credit entry is matched.
enum Split<'a> {
    /// As one payment: one transaction, or a transaction without its own amount.
    Whole,
    /// Transaction by transaction: every amount given, in the entry's currency, adding up.
    Transactions(Vec<(&'a EntryTransaction, Money)>),
    /// A batch that does not add up: the total when every amount is in the entry's currency.
    Mismatch(Option<Money>),
}

fn split(entry: &StatementEntry) -> Split<'_> {
    if entry.transactions.len() < 2 {
        return Split::Whole;
    }
    let mut parts = Vec::with_capacity(entry.transactions.len());
    for tx in &entry.transactions {
        match tx.amount {
            Some(amount) => parts.push((tx, amount)),
            None => return Split::Whole,
        }
    }
    let currency = entry.amount.currency();
    if parts
        .iter()
        .any(|(_, amount)| amount.currency() != currency)
    {
        return Split::Mismatch(None);
    }
    match Money::try_sum(currency, parts.iter().map(|(_, amount)| *amount)) {
        Ok(total) if total == entry.amount => Split::Transactions(parts),
        Ok(total) => Split::Mismatch(Some(total)),
        Err(_) => Split::Mismatch(None),
    }
}

fn reconcile_entry(
    entry: &StatementEntry,
    ledger: &mut ReceivableLedger,
    out: &mut Vec<EntryOutcome>,
    undo: &mut Vec<Undo>,
) -> Result<(), ReceivableError> {
    let key = entry.key();
    let entry_status = entry.entry_status();
    let mut outcome = EntryOutcome {
        entry_ref: key,
        transaction: None,
        status: MatchStatus::Ignored,
        rule: MatchRule::NoMatch,
        receivable: None,
        candidates: Vec::new(),
        amount: entry.amount,
        payer: payer(&entry.transactions),
        credit: Money::zero(entry.amount.currency()),
        entry_status,
        transactions_total: None,
    };
    if entry.direction == CreditDebit::Debit {
        outcome.rule = MatchRule::Debit;
        out.push(outcome);
        return Ok(());
    }
    if !entry_status.is_booked() {
        outcome.status = MatchStatus::NotBooked;
        outcome.rule = MatchRule::NotBooked;
        out.push(outcome);
        return Ok(());
    }
    // An entry with neither date counts as booked on 1970-01-01, as it always has.
    let date = entry.booking_date.or(entry.value_date).unwrap_or_default();
    if ledger.is_before_horizon(date) {
        outcome.status = MatchStatus::BeforeHorizon;
        outcome.rule = MatchRule::BeforeHorizon;
        out.push(outcome);
        return Ok(());
    }
    if ledger.is_applied(&outcome.entry_ref) {
        outcome.rule = MatchRule::AlreadyApplied;
        out.push(outcome);
        return Ok(());
    }
    match split(entry) {
        Split::Whole => {
            let payment = Payment {
                key: outcome.entry_ref.clone(),
                transactions: &entry.transactions,
                amount: entry.amount,
            };
            out.push(match_payment(ledger, &payment, date, outcome, undo)?);
        }
        Split::Mismatch(total) => {
            outcome.status = MatchStatus::Unmatched;
            outcome.rule = MatchRule::BatchSumMismatch;
            outcome.transactions_total = total;
            out.push(outcome);
        }
        Split::Transactions(parts) => {
            out.reserve(parts.len());
            for (index, (tx, amount)) in parts.into_iter().enumerate() {
                let key = entry.transaction_key(index);
                let transaction = EntryOutcome {
                    entry_ref: key.clone(),
                    transaction: Some(index),
                    amount,
                    payer: tx.debtor_name.clone(),
                    credit: Money::zero(amount.currency()),
                    ..outcome.clone()
                };
                if ledger.is_applied(&key) {
                    out.push(EntryOutcome {
                        rule: MatchRule::AlreadyApplied,
                        ..transaction
                    });
                    continue;
                }
                let payment = Payment {
                    key,
                    transactions: std::slice::from_ref(tx),
                    amount,
                };
                out.push(match_payment(ledger, &payment, date, transaction, undo)?);
            }
        }
    }
    Ok(())
}

/// Runs the rules on one payment and applies it when exactly one receivable fits.
fn match_payment(
    ledger: &mut ReceivableLedger,
    payment: &Payment<'_>,
    date: NaiveDate,
    mut outcome: EntryOutcome,
    undo: &mut Vec<Undo>,
) -> Result<EntryOutcome, ReceivableError> {
    let rules: [(MatchRule, RuleFn); 3] = [
        (MatchRule::CreditorReference, by_reference),
        (MatchRule::InvoiceNumber, by_invoice_number),
        (MatchRule::AmountAndPayer, by_amount_and_payer),
    ];
    for (rule, find) in rules {
        match find(ledger, payment) {
            Found::None => continue,
            Found::Several(set) => {
                outcome.status = MatchStatus::Ambiguous;
                outcome.rule = rule;
                outcome.candidates = set
                    .iter()
                    .filter_map(|&i| ledger.receivable_at(i).map(|r| r.number().to_owned()))
                    .collect();
                return Ok(outcome);
            }
            Found::One(index) => {
                let incoming = IncomingPayment {
                    id: payment.key.clone(),
                    payer: outcome.payer.clone().unwrap_or_default(),
                    amount: payment.amount,
                    date,
                };
                let (allocation, step) = ledger.apply_undoably(&incoming, index)?;
                undo.push(step);
                let number = ledger
                    .receivable_at(index)
                    .map(|r| r.number().to_owned())
                    .unwrap_or_default();
                outcome.status = if ledger.open_at(index).is_zero() {
                    MatchStatus::Matched
                } else {
                    MatchStatus::Partial
                };
                outcome.rule = rule;
                outcome.receivable = Some(number);
                outcome.credit = allocation.credit;
                return Ok(outcome);
            }
        }
    }
    outcome.status = MatchStatus::Unmatched;
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    #[test]
    #[cfg(feature = "serde")]
    fn restore_reasons_reach_the_latvian_message() {
        use super::*;
        use apkalpe_core::{Language, LocalizedError};
        let empty = serde_json::to_value(ReconciliationReport {
            entries: Vec::new(),
        })
        .unwrap();
        let mut wrong = empty.clone();
        wrong["counts"]["matched"] = serde_json::json!(1);
        let mut missing = empty;
        missing["counts"].as_object_mut().unwrap().remove("ignored");
        let cases = [
            (
                wrong,
                "counts.matched: is 1, but 0 outcomes have this status",
                "counts.matched: ir 1, bet šis statuss ir 0 rezultātiem",
            ),
            (
                missing,
                "counts.ignored: is missing, but 0 outcomes have this status",
                "counts.ignored: nav norādīts, bet šis statuss ir 0 rezultātiem",
            ),
        ];
        for (saved, english, latvian) in cases {
            let record: ReportRecord = serde_json::from_value(saved.clone()).unwrap();
            let error = ReconciliationReport::try_from(record).unwrap_err();
            // The very refusal the public `Deserialize` reports (in English: serde keeps text).
            let public = serde_json::from_value::<ReconciliationReport>(saved).unwrap_err();
            assert_eq!(public.to_string(), error.to_string());
            assert!(error.to_string().ends_with(english), "{error}");
            let in_latvian = error.message_in(Language::Latvian);
            assert!(in_latvian.ends_with(latvian), "{in_latvian}");
            assert!(!in_latvian.contains(english), "{in_latvian}");
        }
    }
}
