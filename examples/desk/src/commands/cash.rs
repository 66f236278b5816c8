//! `desk cash-order in|out` and `desk cash-declaration`: cash orders (KIO, KIzO) into and out
//! of the open shift's drawer, and the monthly declaration of cash deals over 1 500 EUR with
//! taxpayers (T4.2, T4.6, S27; issue 15).
//!
//! A cash order is numbered in its own series (`KIO2026-00001`, `KIZO2026-00001`), printed by
//! apkalpe-accounting's `render_cash_order` for the business of the seller's settings,
//! stored in `issued_documents` and filed in case 4.4; the shift counts it as a deposit or a
//! payout, so `shift drawer` and the Z report include it. One with a client is checked
//! against the cash limit first (`cash_limit.exceeded`), as cash sales and refunds are.

use apkalpe_accounting::PayeeOmission;
use apkalpe_core::{Currency, LocalizedError, Money};
use apkalpe_payments::{CashLimitLedger, CashLimits};
use serde_json::{Map, Value};

use super::CommandError;
use super::state::{self, DbArg, object};
use crate::office::{CashFlow, CashParty, CashRecorded, Operation, Outcome};
use crate::{Context, Report};

/// `desk cash-order …`.
#[derive(Debug, clap::Subcommand)]
pub(crate) enum CashOrderAction {
    /// Cash received into the shift's drawer from a registered client: a cash receipt order
    /// (KIO), numbered KIO{year}-{seq:5}.
    In {
        /// The amount in euro ("250", "250,00", "1 250.50").
        #[arg(long)]
        amount: String,
        /// The client paying (a client id): a company is named by its name and registration
        /// number, a person by name and personal code (MK 625 p. 3).
        #[arg(long)]
        from: String,
        /// The basis printed on the order, e.g. "Apmaksa par rēķinu INV2026-00001".
        #[arg(long)]
        basis: String,
        /// The invoice the cash pays (one still open): its receivable takes the payment, and
        /// the cash is linked with every other cash payment of the invoice under the limit.
        #[arg(long)]
        invoice: Option<String>,
        #[command(flatten)]
        db: DbArg,
    },
    /// Cash paid out of the shift's drawer: a cash disbursement order (KIzO), numbered
    /// KIZO{year}-{seq:5}.
    Out {
        /// The amount in euro.
        #[arg(long)]
        amount: String,
        /// Who receives it: a client id; or `bank` (paid into the bank by the cashier),
        /// `cash-in-transit` (handed to a carrier) or `change` (changed for other
        /// denominations), when the order names no payee (MK 625 p. 4) and the cash limit
        /// does not apply.
        #[arg(long)]
        to: String,
        /// The basis printed on the order, e.g. "Iemaksa bankā".
        #[arg(long)]
        basis: String,
        #[command(flatten)]
        db: DbArg,
    },
}

/// The options of `desk cash-declaration`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct DeclarationArgs {
    /// The month, YYYY-MM; this month by default.
    #[arg(long)]
    month: Option<String>,
    #[command(flatten)]
    db: DbArg,
}

/// Why a value of `desk cash-order` or `desk cash-declaration` was refused before the
/// database was opened.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
enum CashArgError {
    /// The amount is not above zero.
    Amount {
        /// The amount given.
        amount: Money,
    },
    /// `--to` is neither a client id nor one of the omitted payees.
    Payee {
        /// What was given.
        found: String,
    },
    /// `--month` is not `YYYY-MM`.
    Month {
        /// What was given.
        found: String,
    },
}

impl CashArgError {
    fn code(&self) -> &'static str {
        match self {
            CashArgError::Amount { .. } => "cash_order.amount",
            CashArgError::Payee { .. } => "cash_order.payee",
            CashArgError::Month { .. } => "month.format",
        }
    }

    fn message(&self) -> String {
        match self {
            CashArgError::Amount { amount } => {
                format!("the amount of a cash order must be more than zero, not {amount}")
            }
            CashArgError::Payee { found } => {
                format!("{found:?} is neither a client id nor one of bank, cash-in-transit, change")
            }
            CashArgError::Month { found } => {
                format!("{found:?} is not a month in the form YYYY-MM")
            }
        }
    }

    /// The message in Latvian (`desk --lang lv`).
    fn message_lv(&self) -> String {
        match self {
            CashArgError::Amount { amount } => {
                format!("kases ordera summai jābūt lielākai par nulli, nevis {amount}")
            }
            CashArgError::Payee { found } => format!(
                "{found:?} nav ne klienta identifikators, ne bank, cash-in-transit vai change"
            ),
            CashArgError::Month { found } => {
                format!("{found:?} nav mēnesis formā GGGG-MM")
            }
        }
    }
}

fn refuse(error: &CashArgError, report: &mut Report<'_>) {
    let message = match report.language() {
        apkalpe_core::Language::Latvian => error.message_lv(),
        _ => error.message(),
    };
    report.invalid(error.code(), &message);
}

/// Reads `--to`: a client id, or a payee the order may omit.
fn payee(text: &str) -> Result<CashParty, CashArgError> {
    match text.trim() {
        "bank" => Ok(CashParty::Omitted(PayeeOmission::BankDeposit)),
        "cash-in-transit" => Ok(CashParty::Omitted(PayeeOmission::CashInTransit)),
        "change" => Ok(CashParty::Omitted(PayeeOmission::ChangeOfDenominations)),
        other => state::parse_client(other)
            .map(CashParty::Client)
            .map_err(|_| CashArgError::Payee {
                found: text.to_owned(),
            }),
    }
}

/// Runs `desk cash-order …`.
pub(super) fn order(
    action: &CashOrderAction,
    context: &Context,
    report: &mut Report<'_>,
) -> Result<(), CommandError> {
    let (direction, amount, basis, db) = match action {
        CashOrderAction::In {
            amount, basis, db, ..
        } => (CashFlow::In, amount, basis, db),
        CashOrderAction::Out {
            amount, basis, db, ..
        } => (CashFlow::Out, amount, basis, db),
    };
    let amount = match Money::parse(amount, Currency::EUR) {
        // With its cents, however it was typed ("50" is 50.00 EUR in the journal and the
        // order's data, as an amount the desk computed would be).
        Ok(amount) if amount.is_positive() => {
            let mut cents = amount.amount();
            cents.rescale(2);
            Money::new(cents, Currency::EUR)
        }
        Ok(amount) => {
            refuse(&CashArgError::Amount { amount }, report);
            return Ok(());
        }
        Err(error) => {
            let message = error.message_in(report.language());
            report.invalid(error.code(), &format!("--amount: {message}"));
            return Ok(());
        }
    };
    let (party, invoice) = match action {
        CashOrderAction::In { from, invoice, .. } => match state::parse_client(from) {
            Ok(client) => (CashParty::Client(client), invoice.clone()),
            Err(error) => {
                state::refuse(&error, report);
                return Ok(());
            }
        },
        CashOrderAction::Out { to, .. } => match payee(to) {
            Ok(party) => (party, None),
            Err(error) => {
                refuse(&error, report);
                return Ok(());
            }
        },
    };
    let Some(mut store) = state::open(&db.db, report) else {
        return Ok(());
    };
    let operation = Operation::CashOrder {
        direction,
        amount,
        party,
        basis: basis.clone(),
        invoice,
    };
    let Some(applied) = state::apply(&mut store, &operation, context, report) else {
        return Ok(());
    };
    let Outcome::CashOrder(issued) = &applied.outcome else {
        return Ok(());
    };
    let order = &issued.order;
    state::print_block(&issued.text, report);
    let (what, kind) = match direction {
        CashFlow::In => ("Cash receipt order", "cash_receipt_order"),
        CashFlow::Out => ("Cash disbursement order", "cash_disbursement_order"),
    };
    let party = match (direction, order.counterparty().name()) {
        (CashFlow::In, Some(name)) => format!(" from {name}"),
        (CashFlow::Out, Some(name)) => format!(" to {name}"),
        (_, None) => String::new(),
    };
    let paid = issued
        .invoice
        .as_ref()
        .map(|invoice| format!(", paying invoice {invoice}"))
        .unwrap_or_default();
    let mut json = object([
        ("number", order.number().as_str().into()),
        ("kind", kind.into()),
        ("date", order.date().to_string().into()),
        ("amount", order.amount().amount().to_string().into()),
        (
            "counterparty",
            serde_json::to_value(order.counterparty()).unwrap_or(Value::Null),
        ),
        ("basis", order.basis().into()),
        (
            "invoice",
            issued.invoice.clone().map_or(Value::Null, Value::from),
        ),
        ("case", issued.filed.case.to_string().into()),
        ("text", issued.text.clone().into()),
    ]);
    if !report.is_json() {
        report.text(&format!(
            "{what} {}: {}{party}{paid}; filed in case {}.",
            order.number(),
            order.amount(),
            issued.filed.case
        ));
    }
    if let Some(cash) = &issued.cash {
        report_cash(cash, &mut json, report);
    }
    state::finish(json, &applied, report);
    Ok(())
}

/// Tells what the cash limit made of a recorded cash operation: the deal it is linked into,
/// and whether the deal goes into the month's declaration. In JSON, a `cash_limit` object.
pub(super) fn report_cash(
    cash: &CashRecorded,
    json: &mut Map<String, Value>,
    report: &mut Report<'_>,
) {
    let operation = &cash.operation;
    let verdict = &cash.verdict;
    let month = operation.date().format("%Y-%m").to_string();
    if report.is_json() {
        json.insert(
            "cash_limit".into(),
            object([
                ("deal", verdict.deal().amount().to_string().into()),
                (
                    "linked",
                    Value::from(
                        verdict
                            .linked()
                            .iter()
                            .map(String::as_str)
                            .collect::<Vec<_>>(),
                    ),
                ),
                ("declared", verdict.declarable().into()),
                (
                    "declaration",
                    if verdict.declarable() {
                        month.into()
                    } else {
                        Value::Null
                    },
                ),
            ])
            .into(),
        );
        return;
    }
    let limits = CashLimits::latvia();
    if !verdict.linked().is_empty() {
        report.text(&format!(
            "Cash limit: linked with {} (the same client on the same day, or the same invoice): a deal of {} of the {} allowed.",
            verdict.linked().join(", "),
            verdict.deal(),
            limits.cap()
        ));
    }
    if verdict.declarable() {
        let chrono_month = chrono::Datelike::month(&operation.date());
        let year = chrono::Datelike::year(&operation.date());
        let due = CashLimitLedger::new(limits)
            .declaration(year, chrono_month)
            .due();
        let with = operation
            .counterparty()
            .map(|party| party.name().to_owned())
            .unwrap_or_default();
        report.text(&format!(
            "Declared: a cash deal of {} with the taxpayer {with}, over {}: it goes into the declaration of {month} to the State Revenue Service, due {due} (`desk cash-declaration --month {month}`).",
            verdict.deal(),
            limits.declaration_threshold()
        ));
    }
}

/// Runs `desk cash-declaration`: the month's declaration from the store, rendered for the
/// business of the seller's settings. Changes nothing.
pub(super) fn declaration(
    args: &DeclarationArgs,
    context: &Context,
    report: &mut Report<'_>,
) -> Result<(), CommandError> {
    let (year, month) = match args.month.as_deref() {
        None => (
            chrono::Datelike::year(&context.today),
            chrono::Datelike::month(&context.today),
        ),
        Some(text) => {
            let first =
                chrono::NaiveDate::parse_from_str(&format!("{}-01", text.trim()), "%Y-%m-%d");
            match first {
                Ok(first) if text.trim().len() == 7 => (
                    chrono::Datelike::year(&first),
                    chrono::Datelike::month(&first),
                ),
                _ => {
                    refuse(
                        &CashArgError::Month {
                            found: text.to_owned(),
                        },
                        report,
                    );
                    return Ok(());
                }
            }
        }
    };
    let Some(store) = state::open_existing(&args.db.db, report) else {
        return Ok(());
    };
    let declaration = match store.cash_declaration(year, month) {
        Ok(declaration) => declaration,
        Err(error) => {
            state::fail(&error, report);
            return Ok(());
        }
    };
    let seller = match store.office().seller() {
        Ok(seller) => seller,
        Err(error) => {
            report.error(&error);
            return Ok(());
        }
    };
    let number = seller
        .registration_number()
        .map(ToString::to_string)
        .unwrap_or_default();
    let text = declaration.render(seller.name(), &number);
    if report.is_json() {
        let mut json = match serde_json::to_value(&declaration) {
            Ok(Value::Object(json)) => json,
            _ => Map::new(),
        };
        json.insert("text".into(), text.into());
        report.record("", json);
    } else {
        state::print_block(&text, report);
    }
    Ok(())
}
