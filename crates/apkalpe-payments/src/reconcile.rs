//! Bank statement reconciliation (*bankas izraksta saskaņošana*): each credit entry of a
//! camt statement matched to a receivable and applied to the ledger, with the rule that
//! matched it.
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
//! both are left for a person. Debit entries, entries not booked and entries already applied
//! (the ledger remembers entry keys) are *ignored*: reading the same statement twice changes
//! nothing. Each step is a hash lookup, so the work grows linearly with entries and
//! receivables.
//!
//! Serves: T4.3, T4.5, S33.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use apkalpe_core::{CreditorReference, Money};
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::camt::{BankStatement, CreditDebit, StatementEntry};
use crate::receivable::{IncomingPayment, ReceivableError, ReceivableLedger, normalise_name};

/// The result of one entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchStatus {
    /// Applied, and it paid the receivable in full (any excess kept as credit).
    Matched,
    /// Applied, and the receivable stays partly paid.
    Partial,
    /// Several receivables fit: left for a person.
    Ambiguous,
    /// No receivable fits: left for a person.
    Unmatched,
    /// Not a payment to match (debit, not booked, already applied).
    Ignored,
}

impl MatchStatus {
    /// Returns the snake_case name used in JSON and tables.
    pub const fn as_str(self) -> &'static str {
        match self {
            MatchStatus::Matched => "matched",
            MatchStatus::Partial => "partial",
            MatchStatus::Ambiguous => "ambiguous",
            MatchStatus::Unmatched => "unmatched",
            MatchStatus::Ignored => "ignored",
        }
    }
}

/// What decided an entry's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
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
    /// Not booked (`PDNG`, `INFO`).
    NotBooked,
    /// The entry was applied before.
    AlreadyApplied,
}

impl MatchRule {
    /// Returns the snake_case name used in JSON and tables.
    pub const fn as_str(self) -> &'static str {
        match self {
            MatchRule::CreditorReference => "creditor_reference",
            MatchRule::InvoiceNumber => "invoice_number",
            MatchRule::AmountAndPayer => "amount_and_payer",
            MatchRule::NoMatch => "no_match",
            MatchRule::Debit => "debit",
            MatchRule::NotBooked => "not_booked",
            MatchRule::AlreadyApplied => "already_applied",
        }
    }
}

/// The outcome for one statement entry.
///
/// Serialised as the `desk reconcile --json` record:
/// `{"entry_ref", "status", "receivable", "amount": "12.34", "rule"}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryOutcome {
    /// The entry's key (the bank's `AcctSvcrRef`, or the fallback of
    /// [`StatementEntry::key`]).
    pub entry_ref: String,
    /// The status.
    pub status: MatchStatus,
    /// The rule.
    pub rule: MatchRule,
    /// The receivable matched (matched, partial).
    pub receivable: Option<String>,
    /// The candidates (ambiguous).
    pub candidates: Vec<String>,
    /// The entry's amount.
    pub amount: Money,
    /// The payer's name, if given.
    pub payer: Option<String>,
    /// The overpayment kept as credit.
    pub credit: Money,
}

impl Serialize for EntryOutcome {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Plain<'a>(&'a Money);
        impl Serialize for Plain<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                crate::receivable::plain_amount(self.0, serializer)
            }
        }
        let mut s = serializer.serialize_struct("EntryOutcome", 5)?;
        s.serialize_field("entry_ref", &self.entry_ref)?;
        s.serialize_field("status", &self.status)?;
        s.serialize_field("receivable", &self.receivable)?;
        s.serialize_field("amount", &Plain(&self.amount))?;
        s.serialize_field("rule", &self.rule)?;
        s.end()
    }
}

/// The outcome of reconciling a statement: one [`EntryOutcome`] per entry, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct ReconciliationReport {
    /// One outcome per entry.
    pub entries: Vec<EntryOutcome>,
}

impl ReconciliationReport {
    /// Returns the outcomes with `status`.
    pub fn with_status(&self, status: MatchStatus) -> impl Iterator<Item = &EntryOutcome> {
        self.entries.iter().filter(move |e| e.status == status)
    }

    /// Returns how many entries have `status`.
    pub fn count(&self, status: MatchStatus) -> usize {
        self.with_status(status).count()
    }

    /// Renders the report as text tables: matched, partly paid, ambiguous, unmatched (and
    /// a count of ignored entries).
    pub fn render_table(&self) -> String {
        let mut out = String::new();
        let sections = [
            (MatchStatus::Matched, "Matched"),
            (MatchStatus::Partial, "Partly paid"),
            (MatchStatus::Ambiguous, "Ambiguous"),
            (MatchStatus::Unmatched, "Unmatched"),
        ];
        for (status, title) in sections {
            let rows: Vec<&EntryOutcome> = self.with_status(status).collect();
            let _ = writeln!(out, "{title} ({})", rows.len());
            if rows.is_empty() {
                let _ = writeln!(out);
                continue;
            }
            let _ = writeln!(
                out,
                "  {:<20} {:>14}  {:<16} {:<18} payer / note",
                "entry", "amount", "receivable", "rule"
            );
            for row in rows {
                let receivable = match status {
                    MatchStatus::Ambiguous => row.candidates.join("|"),
                    _ => row.receivable.clone().unwrap_or_else(|| "-".to_owned()),
                };
                let mut note = row.payer.clone().unwrap_or_default();
                if !row.credit.is_zero() {
                    let _ = write!(note, " (credit {})", row.credit);
                }
                let _ = writeln!(
                    out,
                    "  {:<20} {:>14}  {:<16} {:<18} {}",
                    row.entry_ref,
                    row.amount.to_string(),
                    receivable,
                    row.rule.as_str(),
                    note.trim()
                );
            }
            let _ = writeln!(out);
        }
        let _ = writeln!(out, "Ignored ({})", self.count(MatchStatus::Ignored));
        out
    }
}

/// One matching rule's search.
type RuleFn = fn(&ReceivableLedger, &StatementEntry) -> Found;

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

fn by_reference(ledger: &ReceivableLedger, entry: &StatementEntry) -> Found {
    let mut set = BTreeSet::new();
    for tx in &entry.transactions {
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
        for tx in &entry.transactions {
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

fn by_invoice_number(ledger: &ReceivableLedger, entry: &StatementEntry) -> Found {
    let mut set = BTreeSet::new();
    for tx in &entry.transactions {
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

fn payer(entry: &StatementEntry) -> Option<String> {
    entry
        .transactions
        .iter()
        .find_map(|tx| tx.debtor_name.clone())
}

fn by_amount_and_payer(ledger: &ReceivableLedger, entry: &StatementEntry) -> Found {
    let Some(name) = payer(entry) else {
        return Found::None;
    };
    let candidates = ledger.open_with(&normalise_name(&name), entry.amount.amount());
    found(candidates.into_iter().collect())
}

/// Reconciles a statement against the ledger: matches each credit entry, applies the
/// matched ones, and reports every entry. Entries already applied (by key) are ignored, so
/// reconciling the same statement twice changes nothing the second time.
///
/// # Errors
///
/// [`ReceivableError::Currency`] when a matched entry's currency differs from the
/// receivable's; [`ReceivableError::Money`] on overflow.
///
/// # Examples
///
/// ```
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
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
pub fn reconcile(
    statement: &BankStatement,
    ledger: &mut ReceivableLedger,
) -> Result<ReconciliationReport, ReceivableError> {
    let mut entries = Vec::with_capacity(statement.entries.len());
    for entry in &statement.entries {
        entries.push(reconcile_entry(entry, ledger)?);
    }
    Ok(ReconciliationReport { entries })
}

fn reconcile_entry(
    entry: &StatementEntry,
    ledger: &mut ReceivableLedger,
) -> Result<EntryOutcome, ReceivableError> {
    let key = entry.key();
    let mut outcome = EntryOutcome {
        entry_ref: key.clone(),
        status: MatchStatus::Ignored,
        rule: MatchRule::NoMatch,
        receivable: None,
        candidates: Vec::new(),
        amount: entry.amount,
        payer: payer(entry),
        credit: Money::zero(entry.amount.currency()),
    };
    if entry.direction == CreditDebit::Debit {
        outcome.rule = MatchRule::Debit;
        return Ok(outcome);
    }
    if !entry.is_booked() {
        outcome.rule = MatchRule::NotBooked;
        return Ok(outcome);
    }
    if ledger.is_applied(&key) {
        outcome.rule = MatchRule::AlreadyApplied;
        return Ok(outcome);
    }
    let rules: [(MatchRule, RuleFn); 3] = [
        (MatchRule::CreditorReference, by_reference),
        (MatchRule::InvoiceNumber, by_invoice_number),
        (MatchRule::AmountAndPayer, by_amount_and_payer),
    ];
    for (rule, find) in rules {
        match find(ledger, entry) {
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
                let payment = IncomingPayment {
                    id: key.clone(),
                    payer: outcome.payer.clone().unwrap_or_default(),
                    amount: entry.amount,
                    date: entry.booking_date.or(entry.value_date).unwrap_or_default(),
                };
                let allocation = ledger.apply_to(&payment, &[index])?;
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
