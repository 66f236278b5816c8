//! Cash beyond the receipts (apkalpe-payments, apkalpe-accounting): the legal cash limit on
//! every cash operation of the desk, cash orders (KIO, KIzO) into and out of the shift's
//! drawer, and the rules a journal entry was accepted under (T4.2, T4.6, S27, S33; issue 15).
//!
//! # The cash limit
//!
//! No cash transaction over 7 200 EUR, whether one operation or several linked ones (law "Par
//! nodokļiem un nodevām" art. 30; `docs/sources.md` §10 \[C4\]\[C5\]): "over", so 7 200,00 € is
//! allowed and 7 200,01 € is not. The office keeps a [`CashLimitLedger`] and checks each cash
//! operation against it before anything changes; a refusal is
//! [`OfficeError::CashLimit`] (`cash_limit.exceeded`), naming the cash, the deal, the cap and
//! the earlier operations it is linked with, and leaves the office unchanged.
//!
//! Which operations count, and what links them (the payments crate's definition: two
//! operations in the same direction are linked when they are with the same client on the
//! same day, or pay or refund the same invoice on any day; a deal is everything reachable
//! through such links):
//!
//! | operation | cash counted | direction | linked by |
//! |---|---|---|---|
//! | `Sell` (`desk sell`) | the cash part of the receipt; a card part never counts | received | the client (`--client`), that day; a walk-in sale by nothing |
//! | `Refund` (`desk refund`) in cash | the cash paid back | paid | the client of the sale returned, that day, while the ledger still holds that sale; else nothing |
//! | `CashOrder` in, a KIO (`desk cash-order in`) | its amount | received | the client (`--from`), that day; the invoice it pays (`--invoice`), any day |
//! | `CashOrder` out to a client, a KIzO | its amount | paid | the client (`--to`), that day |
//! | `CashOrder` out to the bank, a carrier or for change | not checked: no other party | — | — |
//!
//! Money received and money paid out are never added together. A walk-in sale (or a refund of
//! one) is a deal of its own, checked alone and not kept. Operations that can link with a
//! later one are kept for [`super::KEEP_CASH_LINK_DAYS`] days and forgotten when a day opens
//! ([`CashLimitLedger::forget_before`]), so the ledger's size follows a quarter's linked cash,
//! not the desk's history. A deal over 1 500 EUR with a taxpayer (a company client) is marked
//! for the monthly declaration (MK noteikumi Nr. 237); the store keeps each marked operation
//! in its `cash_operations` table, so a past month's declaration does not depend on the
//! ledger.
//!
//! # Rules
//!
//! A journal entry is applied again (on opening, by `desk verify`) under the [`Rules`] it was
//! accepted under: a sale of 7 251,53 € in cash, journalled before the limit was enforced,
//! happened, and must replay.

use apkalpe_accounting::{
    CashBusiness, CashCounterparty as OrderParty, CashDirection as OrderDirection, DraftCashOrder,
    render_cash_order_in,
};
use apkalpe_clients::ClientId;
use apkalpe_core::{Language, Money};
use apkalpe_payments::{
    AllocationTarget, CashCounterparty, CashDirection, CashLimitCheck, CashLimitLedger,
    CashLimitVerdict, CashLimits, CashMovement, CashMovementKind, CashOperation, IncomingPayment,
    Receipt,
};
use chrono::NaiveDate;
use uuid::Uuid;

use super::register::pieces;
use super::{
    CASH_DISBURSEMENT_SERIES, CASH_RECEIPT_SERIES, CashFlow, CashLimitExceeded, CashParty,
    CashRecorded, IssuedCashOrder, Office, OfficeError, Outcome, cases, config,
};

/// The rules the office applies an operation under: which of the law's checks this desk
/// enforced when the operation was accepted.
///
/// The store keeps them in the journal's `rules` column, one number per entry: a migration
/// gave every entry written before it the number 1, and every entry written since carries
/// [`Rules::CURRENT`]. A column, not a field of the operation's JSON, because the rules are
/// not part of what was asked but of how the desk applied it: old entries keep their bytes
/// as written (an erasure's redaction rewrites the JSON and need not know of rules), the
/// operation's JSON shape stays what `desk simulate` compares when it resumes, and the
/// migration's default says in one place what every older entry was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Rules {
    /// Rules 1, before issue 15: no cash limit. Cash operations are neither checked nor
    /// recorded in the cash-limit ledger.
    BeforeCashLimit,
    /// Rules 2: every cash operation is checked against the cash limit, and those that can
    /// link with a later one are recorded (`docs/sources.md` §10).
    CashLimit,
}

impl Rules {
    /// The rules new operations are applied under.
    pub(crate) const CURRENT: Rules = Rules::CashLimit;

    /// The number the journal keeps.
    pub(crate) fn number(self) -> i64 {
        match self {
            Rules::BeforeCashLimit => 1,
            Rules::CashLimit => 2,
        }
    }

    /// The rules of a number the journal keeps; `None` for one this desk does not know (a
    /// newer desk's).
    pub(crate) fn from_number(number: i64) -> Option<Rules> {
        match number {
            1 => Some(Rules::BeforeCashLimit),
            2 => Some(Rules::CashLimit),
            _ => None,
        }
    }

    /// Whether cash operations are checked against the cash limit.
    fn checks_cash_limit(self) -> bool {
        self >= Rules::CashLimit
    }
}

/// An empty cash-limit ledger under Latvia's limits: 7 200 EUR, declared over 1 500 EUR.
pub(super) fn latvian_ledger() -> CashLimitLedger {
    CashLimitLedger::new(CashLimits::latvia())
}

/// A cash order as [`super::Operation::CashOrder`] carries it.
pub(super) struct CashOrderInput<'a> {
    pub(super) direction: CashFlow,
    pub(super) amount: Money,
    pub(super) party: CashParty,
    pub(super) basis: &'a str,
    pub(super) invoice: Option<&'a str>,
}

/// A cash operation checked against the limits, to record once the operation succeeds.
pub(super) struct Checked {
    operation: CashOperation,
    verdict: CashLimitVerdict,
}

impl Office {
    /// The client as the cash-limit ledger knows it: a company with a registration number
    /// is a taxpayer (its deals over 1 500 EUR are declared), anyone else a private party,
    /// keyed by the client's id. A person's name is not kept in the ledger: only taxpayers
    /// are declared, and an erasure must find nothing there.
    ///
    /// # Errors
    ///
    /// [`OfficeError::UnknownClient`].
    pub(super) fn cash_counterparty(&self, client: Uuid) -> Result<CashCounterparty, OfficeError> {
        let record = self
            .registry
            .get(ClientId::new(client))
            .ok_or(OfficeError::UnknownClient { id: client })?;
        let key = client.to_string();
        let number = record
            .organisation()
            .and_then(|organisation| organisation.registration_number());
        Ok(match number {
            Some(number) => {
                CashCounterparty::taxpayer(&key, &record.display_name(), &number.to_string())?
            }
            None => CashCounterparty::private(&key, &key)?,
        })
    }

    /// The client of a sale receipt, as the cash-limit ledger recorded it: a refund of it is
    /// the same client's. `None` for a walk-in sale, or one the ledger has forgotten.
    ///
    /// # Errors
    ///
    /// The payments crate's error for a receipt whose cash part cannot be read.
    pub(super) fn counterparty_of_receipt(
        &self,
        sale: &Receipt,
    ) -> Result<Option<CashCounterparty>, OfficeError> {
        let Some(reference) = CashOperation::from_receipt(sale)? else {
            return Ok(None);
        };
        Ok(self
            .cash_limits
            .operations()
            .find(|(operation, _)| operation.reference() == reference.reference())
            .and_then(|(operation, _)| operation.counterparty().cloned()))
    }

    /// Checks a cash operation (`None`: the operation has no cash part) against the limits,
    /// under `rules`, changing nothing; `what` names the operation in a refusal.
    ///
    /// # Errors
    ///
    /// [`OfficeError::CashLimit`] when its deal is over the cap; the crate's error for a
    /// reference recorded already.
    pub(super) fn check_cash(
        &self,
        operation: Option<CashOperation>,
        what: &'static str,
        rules: Rules,
    ) -> Result<Option<Checked>, OfficeError> {
        let Some(operation) = operation.filter(|_| rules.checks_cash_limit()) else {
            return Ok(None);
        };
        let verdict = self.cash_limits.check(&operation)?;
        if verdict.check() == CashLimitCheck::Forbidden {
            return Err(OfficeError::CashLimit(Box::new(CashLimitExceeded {
                what,
                cash: operation.cash(),
                deal: verdict.deal(),
                cap: self.cash_limits.limits().cap(),
                linked: verdict.linked().to_vec(),
            })));
        }
        Ok(Some(Checked { operation, verdict }))
    }

    /// Records an operation [`Office::check_cash`] accepted, when it can link with a later
    /// one (it has a client or an invoice); a walk-in's cash is a deal of its own and is not
    /// kept. Returns what was recorded.
    ///
    /// # Errors
    ///
    /// [`OfficeError::Internal`] when the ledger refuses what it accepted.
    pub(super) fn record_cash(
        &mut self,
        checked: Option<Checked>,
    ) -> Result<Option<CashRecorded>, OfficeError> {
        let Some(Checked { operation, verdict }) = checked else {
            return Ok(None);
        };
        if operation.counterparty().is_none() && operation.invoice().is_none() {
            return Ok(None);
        }
        self.cash_limits
            .record(operation.clone())
            .map_err(|error| OfficeError::internal("recording the cash")(error.into()))?;
        Ok(Some(CashRecorded { operation, verdict }))
    }

    /// Forgets the cash operations that can no longer link with a new one (at the opening
    /// of `today`).
    pub(super) fn forget_cash(&mut self, today: NaiveDate) {
        let horizon = today
            .checked_sub_signed(chrono::Duration::days(super::KEEP_CASH_LINK_DAYS))
            .unwrap_or(today);
        self.cash_limits.forget_before(horizon);
    }

    /// [`super::Operation::CashOrder`]: the order drawn up for the business (from the
    /// seller's settings), numbered in its direction's series, checked against the cash
    /// limit, printed, its cash put into or taken out of the drawer and recorded in the
    /// shift as a deposit or payout (so the Z report counts it), a KIO's invoice paid, and
    /// the order filed in the cash documents' case 4.4. All or nothing: a refused order takes
    /// no number.
    pub(super) fn cash_order(
        &mut self,
        input: &CashOrderInput<'_>,
        today: NaiveDate,
        rules: Rules,
    ) -> Result<Outcome, OfficeError> {
        let shift = self.shift.as_ref().ok_or(OfficeError::NoShift)?;
        let business = CashBusiness::try_from_party(&config()?.seller)?;
        let (direction, kind, cash_direction, series_of, what, filed_kind) = match input.direction {
            CashFlow::In => (
                OrderDirection::Receipt,
                CashMovementKind::Deposit,
                CashDirection::Received,
                CASH_RECEIPT_SERIES,
                "cash receipt order",
                "cash_receipt_order",
            ),
            CashFlow::Out => (
                OrderDirection::Disbursement,
                CashMovementKind::Payout,
                CashDirection::Paid,
                CASH_DISBURSEMENT_SERIES,
                "cash disbursement order",
                "cash_disbursement_order",
            ),
        };
        let (party, client) = match input.party {
            CashParty::Client(id) => (self.order_party(id)?, Some(id)),
            CashParty::Omitted(reason) => (OrderParty::Omitted(reason), None),
        };
        // The invoice a KIO pays: one the ledger still holds, with something open.
        let receivable = match input.invoice {
            None => None,
            Some(number) => {
                if input.direction == CashFlow::Out || client.is_none() {
                    return Err(OfficeError::Input {
                        field: "invoice",
                        message: "only cash received from a client (a KIO) pays an invoice".into(),
                        latvian: "rēķinu apmaksā tikai no klienta saņemta skaidrā nauda (KIO)"
                            .into(),
                    });
                }
                let receivable = self.ledger.get(number).ok_or(OfficeError::Unknown {
                    what: "open invoice",
                    number: number.to_owned(),
                })?;
                if !self.ledger.open(number)?.is_positive() {
                    return Err(OfficeError::Input {
                        field: "invoice",
                        message: format!("invoice {number} is paid; nothing is open"),
                        latvian: format!("rēķins {number} ir apmaksāts; nekas nav atvērts"),
                    });
                }
                Some((number.to_owned(), receivable.debtor().to_owned()))
            }
        };
        let mut series = self.take_series(series_of.0, series_of.1)?;
        let order = DraftCashOrder::try_new(
            business,
            direction,
            party,
            input.basis,
            input.amount,
            shift.cashier(),
        )?
        .issue(&mut series, today)?;
        let number = order.number().as_str().to_owned();
        let movement = CashMovement::try_new(kind, input.amount, input.basis, &number)?;
        let cash = match client {
            Some(id) => {
                let operation =
                    CashOperation::try_new(&number, today, cash_direction, input.amount)?
                        .with_counterparty(self.cash_counterparty(id)?);
                Some(match &receivable {
                    Some((invoice, _)) => operation.with_invoice(invoice)?,
                    None => operation,
                })
            }
            // Cash paid into the bank, to a carrier or changed: no other party, no limit.
            None => None,
        };
        let checked = self.check_cash(cash, what, rules)?;
        let text = render_cash_order_in(&order, Language::Latvian)?;
        let mut drawer = self.drawer;
        match input.direction {
            CashFlow::In => drawer.add_all(&pieces(input.amount)?)?,
            CashFlow::Out => {
                let out =
                    drawer
                        .make_change(input.amount)
                        .map_err(|_| OfficeError::DrawerShort {
                            amount: input.amount,
                            holds: self.drawer.total(),
                        })?;
                drawer.remove_all(&out)?;
            }
        }
        let filing = self.prepare_filing(&Office::case(cases::CASH)?, today)?;
        // The receivable takes the payment first: the ledger checks everything before it
        // allocates, so a refusal changes nothing; nothing after it can be refused.
        if let Some((invoice, payer)) = &receivable {
            self.ledger.apply(
                &IncomingPayment::new(number.clone(), payer.clone(), input.amount, today),
                &AllocationTarget::Receivable(invoice.clone()),
            )?;
        }
        self.shift
            .as_mut()
            .ok_or(OfficeError::NoShift)?
            .record_cash_movement(movement);
        self.drawer = drawer;
        let cash = self.record_cash(checked)?;
        let filed = self.file(filing, number, filed_kind, client.map(ClientId::new))?;
        self.series.insert(series_of.0.to_owned(), series);
        Ok(Outcome::CashOrder(Box::new(IssuedCashOrder {
            order,
            filed,
            text,
            invoice: receivable.map(|(invoice, _)| invoice),
            cash,
        })))
    }

    /// The payer or payee of a cash order: a registered company by its name and
    /// registration number, a person by name and personal code (MK 625 p. 3).
    ///
    /// # Errors
    ///
    /// [`OfficeError::UnknownClient`]; [`OfficeError::Input`] for a company without a
    /// registration number.
    fn order_party(&self, client: Uuid) -> Result<OrderParty, OfficeError> {
        let record = self
            .registry
            .get(ClientId::new(client))
            .ok_or(OfficeError::UnknownClient { id: client })?;
        let name = record.display_name();
        match (record.organisation(), record.person()) {
            (Some(organisation), _) => {
                let number = organisation
                    .registration_number()
                    .ok_or_else(|| OfficeError::Input {
                        field: "client",
                        message: format!(
                            "{name} has no registration number, which a cash order names (MK 625 p. 3)"
                        ),
                        latvian: format!(
                            "{name} nav reģistrācijas numura, kas jānorāda kases orderī (MK 625 \
                             3. p.)"
                        ),
                    })?;
                Ok(OrderParty::organisation(&name, *number)?)
            }
            (None, person) => Ok(OrderParty::person(
                &name,
                person.and_then(|person| person.personal_code()).copied(),
            )?),
        }
    }
}
