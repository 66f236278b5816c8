//! `desk bank-statement`: a synthetic camt.053 statement in which the bank credits the desk's
//! account with payments of open invoices, each by its RF reference, so the by-hand day (and
//! students) have a statement to reconcile without a bank. The file says it is synthetic.

use std::path::Path;

use apkalpe_core::{Currency, Money, parse_amount};
use chrono::NaiveDate;

use super::files::write_file;
use super::state::{self, DbArg, object};
use super::statement::{Entry, camt053};
use super::{CommandError, parse_date};
use crate::{Context, Report};

/// The arguments of `desk bank-statement`.
#[derive(Debug, clap::Args)]
pub(crate) struct BankStatementArgs {
    /// The invoices paid (their numbers); each is paid its whole open amount.
    #[arg(required = true)]
    invoices: Vec<String>,
    /// Pay this amount instead of the open amount (one invoice only): "100,00" or "100.00".
    #[arg(long)]
    amount: Option<String>,
    /// The statement's day (ISO 8601); today in Riga by default.
    #[arg(long)]
    date: Option<String>,
    /// Where to write the statement (camt.053.001.08 XML).
    #[arg(long)]
    out: std::path::PathBuf,
    #[command(flatten)]
    db: DbArg,
}

/// Why no statement was written.
fn refuse(
    code: &str,
    (english, latvian): (&str, &str),
    report: &mut Report<'_>,
) -> Result<(), CommandError> {
    report.invalid_in(code, english, latvian);
    Ok(())
}

/// Why no statement was written: a crate's error.
fn refuse_error(
    error: &dyn apkalpe_core::LocalizedError,
    report: &mut Report<'_>,
) -> Result<(), CommandError> {
    report.error(error);
    Ok(())
}

/// Runs `desk bank-statement`.
pub(crate) fn run(
    args: &BankStatementArgs,
    context: &Context,
    report: &mut Report<'_>,
) -> Result<(), CommandError> {
    let day: NaiveDate = match args.date.as_deref() {
        Some(text) => match parse_date(text, report) {
            Some(day) => day,
            None => return Ok(()),
        },
        None => context.today,
    };
    let amount = match args.amount.as_deref() {
        None => None,
        Some(_) if args.invoices.len() > 1 => {
            return refuse(
                "bank_statement.amount",
                (
                    "--amount pays one invoice; give one invoice number with it",
                    "--amount apmaksā vienu rēķinu; norādiet ar to vienu rēķina numuru",
                ),
                report,
            );
        }
        Some(text) => match parse_amount(text) {
            Ok(value) if value.is_sign_positive() && !value.is_zero() => {
                Some(Money::new(value, Currency::EUR))
            }
            Ok(_) => {
                return refuse(
                    "bank_statement.amount",
                    (
                        &format!("--amount {text}: a payment is more than zero"),
                        &format!("--amount {text}: maksājumam jābūt lielākam par nulli"),
                    ),
                    report,
                );
            }
            Err(error) => return refuse_error(&error, report),
        },
    };
    let Some(store) = state::open_existing(&args.db.db, report) else {
        return Ok(());
    };
    let office = store.office();
    let ledger = office.ledger();
    let mut entries = Vec::new();
    for number in &args.invoices {
        let Some(receivable) = ledger.get(number) else {
            return refuse(
                "bank_statement.unknown",
                (
                    &format!("no open receivable {number:?}: `desk status` lists them"),
                    &format!("nav neapmaksāta prasījuma {number:?}: tos uzskaita `desk status`"),
                ),
                report,
            );
        };
        let open = match ledger.open(number) {
            Ok(open) if open.is_positive() => open,
            _ => {
                return refuse(
                    "bank_statement.paid",
                    (
                        &format!("{number} is paid already"),
                        &format!("{number} jau ir apmaksāts"),
                    ),
                    report,
                );
            }
        };
        entries.push(Entry {
            amount: amount.unwrap_or(open),
            credit: true,
            party: Some(receivable.debtor().to_owned()),
            reference: receivable.reference().copied(),
            text: None,
        });
    }
    let seller = match office.seller() {
        Ok(seller) => seller,
        Err(error) => return refuse_error(&error, report),
    };
    let Some(iban) = seller.iban() else {
        return refuse(
            "bank_statement.account",
            (
                "the desk's seller has no account",
                "darba vietas pārdevējam nav konta",
            ),
            report,
        );
    };
    let opening = Money::new(rust_decimal::Decimal::from(10_000), Currency::EUR);
    let xml = camt053(iban, seller.name(), day, opening, &entries);
    if !write_file(&args.out, xml.as_bytes(), report) {
        return Ok(());
    }
    let paid: Vec<String> = args
        .invoices
        .iter()
        .zip(&entries)
        .map(|(number, entry)| format!("{number} {}", entry.amount))
        .collect();
    report.record(
        &format!(
            "A synthetic bank statement of {day} paying {} is in {}; `desk reconcile {} --db …` applies it.",
            paid.join(", "),
            args.out.display(),
            args.out.display()
        ),
        object([
            ("date", day.to_string().into()),
            ("out", out_text(&args.out).into()),
            ("payments", paid.into()),
        ]),
    );
    Ok(())
}

fn out_text(path: &Path) -> String {
    path.display().to_string()
}
