//! `desk sell` and `desk refund`: sales and returns at the cash register (T4.2–T4.4, S33).
//!
//! A card goes through apkalpe-payments' [`CardPayment`] on a [`SimulatedTerminal`] here, in
//! the command: the sale is first tried on a copy of the office (so a sale the office would
//! refuse never charges the card), then the card is authorised and captured, then the sale is
//! applied with only the card's [`MaskedPan`]; the full number never reaches the journal. If
//! storing the sale fails after the capture, the capture is refunded on the terminal.
//!
//! The terminal's idempotency keys are derived from the journal: `desk-<N>-authorise`,
//! `desk-<N>-capture` (and `desk-<N>-refund`), where N is the journal entry the sale will be.
//! A sale that dies before its commit leaves the journal as it was, so running it again uses
//! the same keys, and a real terminal answers the repeated request without charging twice.

use apkalpe_core::{Currency, LocalizedError, Money};
use apkalpe_payments::{
    CardExpiry, CardNumber, CardPayment, IdempotencyKey, MaskedPan, PaymentMethod, PaymentsError,
    ReceiptKind, SimulatedTerminal,
};
use serde_json::Value;

use super::CommandError;
use super::state::{self, DbArg, object};
use crate::office::{CardCapture, ItemLine, Operation, Outcome, register_identity};
use crate::store::{Applied, Store, StoreError};
use crate::{Context, Report};

/// The options of `desk sell`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct SellArgs {
    /// The products, as SKU:QUANTITY (a bare SKU is one unit), e.g. PAP-A4-80:2.
    #[arg(required = true)]
    items: Vec<String>,
    /// Cash handed over (euro). Alone: the whole sale in cash, with change. With --card: the
    /// cash part, and the card pays the rest.
    #[arg(long)]
    cash: Option<String>,
    /// The card number, for the terminal; only its masked form is kept.
    #[arg(long, requires = "expiry")]
    card: Option<String>,
    /// The card's expiry, MM/YY.
    #[arg(long, requires = "card")]
    expiry: Option<String>,
    /// The registered client buying (a client id), when the desk knows who pays: the cash
    /// limit then adds the client's other cash of the day to this sale's cash part.
    #[arg(long)]
    client: Option<String>,
    #[command(flatten)]
    db: DbArg,
}

/// The options of `desk refund`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct RefundArgs {
    /// The sale receipt's number.
    receipt: u64,
    /// The line of the receipt returned, from 1.
    line: usize,
    /// Refund to this card (the full or the masked number; it must have paid the sale);
    /// without it the refund is paid in cash from the drawer.
    #[arg(long)]
    card: Option<String>,
    #[command(flatten)]
    db: DbArg,
}

/// Why a sale or refund was refused before anything was charged or stored.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
enum SaleError {
    /// Neither --cash nor --card was given.
    NoPayment,
    /// With --card, the cash covers the whole total.
    CashCoversTotal {
        /// The cash given.
        cash: Money,
        /// The total.
        total: Money,
    },
    /// The cash given is not a positive amount.
    CashAmount {
        /// The cash given.
        cash: Money,
    },
    /// The refund card did not pay the sale.
    OtherCard {
        /// The receipt.
        receipt: u64,
        /// The masked card given.
        card: String,
    },
}

impl SaleError {
    fn code(&self) -> &'static str {
        match self {
            SaleError::NoPayment => "sale.payment",
            SaleError::CashCoversTotal { .. } => "sale.cash_covers_total",
            SaleError::CashAmount { .. } => "sale.cash_amount",
            SaleError::OtherCard { .. } => "refund.card",
        }
    }

    fn message(&self) -> String {
        match self {
            SaleError::NoPayment => {
                "say how the sale is paid: --cash AMOUNT, --card PAN --expiry MM/YY, or both".into()
            }
            SaleError::CashCoversTotal { cash, total } => format!(
                "the cash {cash} covers the total {total}: leave out --card, or give less cash"
            ),
            SaleError::CashAmount { cash } => {
                format!("the cash handed over must be more than zero, not {cash}")
            }
            SaleError::OtherCard { receipt, card } => format!(
                "receipt {receipt} was not paid with card {card}; refund to the card that paid"
            ),
        }
    }

    /// The message in Latvian (`desk --lang lv`).
    fn message_lv(&self) -> String {
        match self {
            SaleError::NoPayment => {
                "nav norādīts, kā pirkums tiek apmaksāts: --cash SUMMA, --card PAN --expiry \
                 MM/GG vai abi"
                    .into()
            }
            SaleError::CashCoversTotal { cash, total } => format!(
                "skaidrā nauda {cash} sedz visu summu {total}: izlaidiet --card vai norādiet \
                 mazāk skaidrās naudas"
            ),
            SaleError::CashAmount { cash } => {
                format!("iedotajai skaidrajai naudai jābūt lielākai par nulli, nevis {cash}")
            }
            SaleError::OtherCard { receipt, card } => format!(
                "čeks Nr. {receipt} nav apmaksāts ar karti {card}; atmaksājiet uz karti, ar kuru \
                 tas apmaksāts"
            ),
        }
    }
}

fn refuse(error: &SaleError, report: &mut Report<'_>) {
    let message = match report.language() {
        apkalpe_core::Language::Latvian => error.message_lv(),
        _ => error.message(),
    };
    report.invalid(error.code(), &message);
}

fn payments_error(error: impl Into<PaymentsError>, report: &mut Report<'_>) {
    let error = error.into();
    report.error(&error);
}

/// The card given on the command line, read but not yet charged.
struct Card {
    number: CardNumber,
    expiry: CardExpiry,
}

/// Runs `desk sell`.
pub(super) fn sell(
    args: &SellArgs,
    context: &Context,
    report: &mut Report<'_>,
) -> Result<(), CommandError> {
    let lines = match state::parse_items(&args.items) {
        Ok(lines) => lines,
        Err(error) => {
            state::refuse(&error, report);
            return Ok(());
        }
    };
    let cash = match args.cash.as_deref().map(|t| Money::parse(t, Currency::EUR)) {
        None => None,
        Some(Ok(cash)) if cash.is_positive() => Some(cash),
        Some(Ok(cash)) => {
            refuse(&SaleError::CashAmount { cash }, report);
            return Ok(());
        }
        Some(Err(error)) => {
            let message = error.message_in(report.language());
            report.invalid(error.code(), &format!("--cash: {message}"));
            return Ok(());
        }
    };
    let card = match (&args.card, &args.expiry) {
        (Some(number), Some(expiry)) => {
            let number = match number.parse::<CardNumber>() {
                Ok(number) => number,
                Err(error) => {
                    payments_error(error, report);
                    return Ok(());
                }
            };
            match expiry.parse::<CardExpiry>() {
                Ok(expiry) => Some(Card { number, expiry }),
                Err(error) => {
                    payments_error(error, report);
                    return Ok(());
                }
            }
        }
        _ => None,
    };
    if cash.is_none() && card.is_none() {
        refuse(&SaleError::NoPayment, report);
        return Ok(());
    }
    let client = match args.client.as_deref().map(state::parse_client).transpose() {
        Ok(client) => client,
        Err(error) => {
            state::refuse(&error, report);
            return Ok(());
        }
    };
    let Some(mut store) = state::open(&args.db.db, report) else {
        return Ok(());
    };
    let applied = match card {
        None => {
            let operation = Operation::Sell {
                lines,
                card: None,
                cash,
                client,
            };
            state::apply(&mut store, &operation, context, report)
        }
        Some(card) => sell_by_card(&mut store, (lines, client), card, cash, context, report),
    };
    if let Some(applied) = applied {
        print_receipt(&applied, report);
    }
    Ok(())
}

/// The idempotency key of a terminal request for journal entry `seq`.
fn key(seq: i64, request: &str) -> Result<IdempotencyKey, PaymentsError> {
    Ok(IdempotencyKey::try_new(&format!("desk-{seq}-{request}"))?)
}

/// A sale paid by card (and cash, when given): tried on a copy of the office, charged on the
/// terminal, then stored; refunded on the terminal if storing fails.
fn sell_by_card(
    store: &mut Store,
    (lines, client): (Vec<ItemLine>, Option<uuid::Uuid>),
    card: Card,
    cash: Option<Money>,
    context: &Context,
    report: &mut Report<'_>,
) -> Option<Applied> {
    let total = match store.office().sale_total(&lines, context.today) {
        Ok(total) => total,
        Err(error) => {
            state::fail(&StoreError::from(error), report);
            return None;
        }
    };
    let amount = match cash {
        None => total,
        Some(cash) => match total.checked_sub(cash) {
            Ok(rest) if rest.is_positive() => rest,
            _ => {
                refuse(&SaleError::CashCoversTotal { cash, total }, report);
                return None;
            }
        },
    };
    let planned = Operation::Sell {
        lines: lines.clone(),
        card: Some(CardCapture {
            amount,
            masked: card.number.masked(),
        }),
        cash,
        client,
    };
    // The office must accept the sale before the card is charged.
    if let Err(error) = store.dry_run(&planned, context.now) {
        state::fail(&error, report);
        return None;
    }
    let seq = store.journal_len().saturating_add(1);
    let mut terminal = SimulatedTerminal::new();
    let charged = CardPayment::try_new(amount)
        .map_err(PaymentsError::from)
        .and_then(|mut payment| {
            payment.authorise(
                &mut terminal,
                card.number,
                card.expiry,
                &key(seq, "authorise")?,
                context.today,
            )?;
            payment.capture(&mut terminal, amount, &key(seq, "capture")?)?;
            Ok(payment)
        });
    let mut payment = match charged {
        Ok(payment) => payment,
        Err(error) => {
            payments_error(error, report);
            return None;
        }
    };
    let Some(masked) = payment.card().map(|card| card.masked().clone()) else {
        report.invalid_in(
            "card_payment.state",
            "the terminal returned no card",
            "terminālis neatdeva karti",
        );
        return None;
    };
    let operation = Operation::Sell {
        lines,
        card: Some(CardCapture { amount, masked }),
        cash,
        client,
    };
    let applied = state::apply(store, &operation, context, report);
    if applied.is_none() {
        // Nothing was stored: give the money back.
        let refunded =
            key(seq, "refund").and_then(|key| Ok(payment.refund(&mut terminal, amount, &key)?));
        match refunded {
            Ok(()) => report.text(&format!(
                "The card payment of {amount} was refunded on the terminal."
            )),
            Err(error) => payments_error(error, report),
        }
    }
    applied
}

/// Runs `desk refund`.
pub(super) fn refund(
    args: &RefundArgs,
    context: &Context,
    report: &mut Report<'_>,
) -> Result<(), CommandError> {
    let card = match args.card.as_deref() {
        None => None,
        // A full number is masked at once; a masked one is taken as it is.
        Some(text) => match text.parse::<CardNumber>() {
            Ok(number) => Some(number.masked()),
            Err(number_error) => match MaskedPan::try_new(text) {
                Ok(masked) => Some(masked),
                Err(_) => {
                    payments_error(number_error, report);
                    return Ok(());
                }
            },
        },
    };
    let Some(mut store) = state::open(&args.db.db, report) else {
        return Ok(());
    };
    let original = match store.receipt(args.receipt) {
        Ok(original) => original,
        Err(error) => {
            state::fail(&error, report);
            return Ok(());
        }
    };
    if let (Some(masked), Some(original)) = (&card, original) {
        let paid_with = original.payments().iter().any(|payment| {
            payment.method() == PaymentMethod::Card && payment.reference() == Some(masked.as_str())
        });
        if original.kind() == ReceiptKind::Sale && !paid_with {
            refuse(
                &SaleError::OtherCard {
                    receipt: args.receipt,
                    card: masked.to_string(),
                },
                report,
            );
            return Ok(());
        }
    }
    let operation = Operation::Refund {
        receipt: args.receipt,
        line: args.line,
        card,
    };
    if let Some(applied) = state::apply(&mut store, &operation, context, report) {
        print_receipt(&applied, report);
    }
    Ok(())
}

/// Prints a sale or return receipt as the register prints it, and a summary; for cash of a
/// known client, what the cash limit made of it.
fn print_receipt(applied: &Applied, report: &mut Report<'_>) {
    let Outcome::Receipt(receipt, cash) = &applied.outcome else {
        return;
    };
    let text = match register_identity() {
        Ok(identity) => receipt.render(&identity),
        Err(error) => {
            report.error(&error);
            return;
        }
    };
    state::print_block(&text, report);
    let (kind, what) = match receipt.kind() {
        ReceiptKind::Sale => ("sale", format!("Receipt {}", receipt.number())),
        ReceiptKind::Return { original } => (
            "return",
            format!(
                "Return receipt {} (of receipt {original})",
                receipt.number()
            ),
        ),
    };
    let mut paid: Vec<String> = receipt
        .payments()
        .iter()
        .map(|payment| {
            let method = match payment.method() {
                PaymentMethod::Cash => "cash",
                PaymentMethod::Card => "card",
                PaymentMethod::Transfer => "transfer",
            };
            match payment.reference() {
                Some(reference) => format!("{method} {} ({reference})", payment.amount()),
                None => format!("{method} {}", payment.amount()),
            }
        })
        .collect();
    if !receipt.change().is_zero() {
        paid.push(format!("change {}", receipt.change()));
    }
    let mut json = object([
        ("receipt", receipt.number().into()),
        ("kind", kind.into()),
        ("total", receipt.total().amount().to_string().into()),
        ("change", receipt.change().amount().to_string().into()),
        (
            "payments",
            serde_json::to_value(receipt.payments()).unwrap_or(Value::Null),
        ),
        ("text", text.into()),
    ]);
    if !report.is_json() {
        report.text(&format!(
            "{what}: total {}; {}.",
            receipt.total(),
            paid.join(", ")
        ));
    }
    if let Some(cash) = cash {
        super::cash::report_cash(cash, &mut json, report);
    }
    state::finish(json, applied, report);
}
