//! `desk day open` and `desk status`: opening the working day, and what the desk holds now.

use apkalpe_payments::{PaymentMethod, ReceivableStatus};
use chrono::{DateTime, Utc};
use serde_json::{Map, Value, json};

use super::CommandError;
use super::cash_spec;
use super::state::{self, DbArg, object};
use crate::office::{Office, Operation, Outcome};
use crate::store::Store;
use crate::{Context, Report};

/// `desk day …`.
#[derive(Debug, clap::Subcommand)]
pub(crate) enum DayAction {
    /// Opens the working day: loads the year's file plan (MK 282) and opens the cases the
    /// desk files into (T3.4). Opening it again changes nothing but the journal.
    Open {
        #[command(flatten)]
        db: DbArg,
    },
}

/// Runs `desk day …`.
pub(super) fn run(
    action: &DayAction,
    context: &Context,
    report: &mut Report<'_>,
) -> Result<(), CommandError> {
    let DayAction::Open { db } = action;
    let Some(mut store) = state::open(&db.db, report) else {
        return Ok(());
    };
    let Some(applied) = state::apply(&mut store, &Operation::OpenDay, context, report) else {
        return Ok(());
    };
    let Outcome::DayOpened { year, opened } = &applied.outcome else {
        return Ok(());
    };
    let working = store.office().calendar().is_working_day(context.today).ok();
    let opened: Vec<String> = opened.iter().map(ToString::to_string).collect();
    let cases = if opened.is_empty() {
        format!("every case of {year} was open already")
    } else {
        format!("cases {} opened", opened.join(", "))
    };
    let working_text = match working {
        Some(true) => "a working day",
        Some(false) => "not a working day",
        None => "outside the calendar",
    };
    state::summary(
        &format!(
            "Day {} open ({working_text}); file plan {year}: {cases}.",
            context.today
        ),
        object([
            ("day", context.today.to_string().into()),
            ("working_day", working.into()),
            ("year", (*year).into()),
            ("opened", opened.into()),
        ]),
        &applied,
        report,
    );
    Ok(())
}

/// The moment in Riga's time, to the minute.
fn riga_time(at: DateTime<Utc>) -> String {
    at.naive_utc()
        .checked_add_signed(apkalpe_core::riga_offset(at))
        .unwrap_or(at.naive_utc())
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// Runs `desk status`: reads the database, changes nothing.
pub(super) fn status(
    db: &DbArg,
    context: &Context,
    report: &mut Report<'_>,
) -> Result<(), CommandError> {
    let Some(store) = state::open_existing(&db.db, report) else {
        return Ok(());
    };
    let office = store.office();
    let journal = store.journal_len();
    let mut lines = vec![format!(
        "Desk on {} (Riga): {journal} operations in the journal.",
        context.today
    )];
    let mut json = object([
        ("day", context.today.to_string().into()),
        ("journal", journal.into()),
    ]);

    let (shift_lines, shift_json) = shift(office, context);
    lines.extend(shift_lines);
    json.insert("shift".into(), shift_json);
    let drawer = office.drawer();
    lines.push(format!(
        "Drawer: {} ({}).",
        drawer.total(),
        cash_spec::format(&drawer)
    ));
    json.insert(
        "drawer".into(),
        json!({"total": drawer.total().amount().to_string(), "pieces": cash_spec::format(&drawer)}),
    );

    let (case_lines, cases) = cases(&store);
    lines.extend(case_lines);
    json.insert("cases".into(), cases);
    let (receivable_lines, receivables) = receivables(office, context);
    lines.extend(receivable_lines);
    json.insert("receivables".into(), receivables);
    let (complaint_lines, complaints) = complaints(office);
    lines.extend(complaint_lines);
    json.insert("complaints".into(), complaints);

    if report.is_json() {
        report.record("", json);
    } else {
        for line in &lines {
            report.text(line);
        }
    }
    Ok(())
}

/// Runs `desk snapshot`: the office written out as the journal leaves it now.
pub(super) fn snapshot(db: &DbArg, report: &mut Report<'_>) -> Result<(), CommandError> {
    let Some(mut store) = state::open_existing(&db.db, report) else {
        return Ok(());
    };
    match store.snapshot_now() {
        Ok(seq) if report.is_json() => report.record("", object([("snapshot", seq.into())])),
        Ok(seq) => report.text(&format!(
            "Snapshot taken after journal entry {seq}: the next command opens from it."
        )),
        Err(error) => state::fail(&error, report),
    }
    Ok(())
}

/// Runs `desk verify`: the journal replayed from its first entry against the snapshot and
/// the tables. Changes nothing.
pub(super) fn verify(db: &DbArg, report: &mut Report<'_>) -> Result<(), CommandError> {
    let Some(store) = state::open_existing(&db.db, report) else {
        return Ok(());
    };
    match store.verify() {
        Ok(verification) => {
            if report.is_json() {
                report.record(
                    "",
                    object([
                        ("entries", verification.entries.into()),
                        ("snapshot", verification.snapshot.into()),
                        ("documents", verification.documents.into()),
                    ]),
                );
            } else {
                report.text(&format!("Verified: {verification}."));
            }
        }
        Err(error) => state::fail(&error, report),
    }
    Ok(())
}

/// The open shift and its totals so far.
fn shift(office: &Office, context: &Context) -> (Vec<String>, Value) {
    let last_z = office.last_z_report().map(|z| z.number());
    let Some(shift) = office.shift() else {
        let closed = last_z.map_or(String::new(), |z| format!(" (last Z report Nr. {z:04})"));
        return (vec![format!("No shift open{closed}.")], Value::Null);
    };
    let number = last_z.unwrap_or(0).saturating_add(1);
    let x = match shift.x_report(context.now) {
        Ok(x) => x,
        Err(error) => {
            return (
                vec![format!("Shift {number}: totals unavailable ({error}).")],
                json!({"number": number, "error": error.code()}),
            );
        }
    };
    let totals = &x.totals();
    let receipts = totals
        .receipt_numbers()
        .map_or("no receipts".to_owned(), |(first, last)| {
            format!("receipts {first}–{last}")
        });
    let mut lines = vec![
        format!(
            "Shift {number} open since {}, cashier {}:",
            riga_time(x.opened_at()),
            x.cashier()
        ),
        format!(
            "  {receipts}: {} for {}, {} for {}",
            counted(totals.sale_count(), "sale"),
            totals.sales_total(),
            counted(totals.return_count(), "return"),
            totals.returns_total()
        ),
    ];
    let mut methods = Map::new();
    for method in totals.methods() {
        if method.sales().is_zero() && method.returns().is_zero() {
            continue;
        }
        let name = match method.method() {
            PaymentMethod::Cash => "cash",
            PaymentMethod::Card => "card",
            PaymentMethod::Transfer => "transfer",
        };
        lines.push(format!(
            "  {name}: {} in, {} out",
            method.sales(),
            method.returns()
        ));
        methods.insert(
            name.into(),
            json!({"sales": method.sales().amount().to_string(), "returns": method.returns().amount().to_string()}),
        );
    }
    if !totals.deposits().is_zero() || !totals.payouts().is_zero() {
        lines.push(format!(
            "  cash orders: {} deposited (KIO), {} paid out (KIzO)",
            totals.deposits(),
            totals.payouts()
        ));
    }
    lines.push(format!(
        "  float {}, expected cash in the drawer {}",
        totals.float(),
        totals.expected_cash()
    ));
    let mut json = json!({
        "number": number,
        "cashier": x.cashier(),
        "opened_at": x.opened_at().to_rfc3339(),
        "sale_count": totals.sale_count(),
        "return_count": totals.return_count(),
        "sales_total": totals.sales_total().amount().to_string(),
        "returns_total": totals.returns_total().amount().to_string(),
        "methods": methods,
        "float": totals.float().amount().to_string(),
        "expected_cash": totals.expected_cash().amount().to_string(),
    });
    if (!totals.deposits().is_zero() || !totals.payouts().is_zero())
        && let Value::Object(fields) = &mut json
    {
        fields.insert(
            "deposits".into(),
            totals.deposits().amount().to_string().into(),
        );
        fields.insert(
            "payouts".into(),
            totals.payouts().amount().to_string().into(),
        );
    }
    (lines, json)
}

/// `1 sale`, `3 sales`.
fn counted(count: u64, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

/// The documents filed, by case: how many, and the latest few (the case's whole list is in
/// the `documents` table; after a year it runs to thousands).
fn cases(store: &Store) -> (Vec<String>, Value) {
    let mut lines = vec!["Documents filed, by case:".to_owned()];
    let mut json = Vec::new();
    for case in store.office().cases() {
        let index = case.index().to_string();
        let latest = store
            .latest_filed(case.year(), &index, LATEST_FILED)
            .unwrap_or_default();
        let list = if latest.is_empty() {
            String::new()
        } else {
            format!(", latest {}", latest.join(", "))
        };
        lines.push(format!(
            "  {} {index} {}: {}{list}",
            case.year(),
            case.title(),
            counted(case.documents().len() as u64, "document")
        ));
        json.push(json!({
            "year": case.year(),
            "case": index,
            "title": case.title(),
            "documents": case.documents().len(),
            "latest": latest,
        }));
    }
    if json.is_empty() {
        lines.push("  none (the day was not opened)".to_owned());
    }
    (lines, Value::Array(json))
}

/// How many of a case's latest documents `desk status` names.
const LATEST_FILED: usize = 3;

/// The receivables not fully paid, with their due dates.
fn receivables(office: &Office, context: &Context) -> (Vec<String>, Value) {
    let ledger = office.ledger();
    let mut lines = vec!["Open receivables:".to_owned()];
    let mut json = Vec::new();
    for receivable in ledger.receivables() {
        let number = receivable.number();
        let Ok(open) = ledger.open(number) else {
            continue;
        };
        if open.is_zero() {
            continue;
        }
        let status = match ledger.status(number, context.today) {
            Ok(ReceivableStatus::Open) => "open".to_owned(),
            Ok(ReceivableStatus::PartlyPaid) => "partly paid".to_owned(),
            Ok(ReceivableStatus::Paid) => "paid".to_owned(),
            Ok(ReceivableStatus::Overdue { days }) => format!("overdue {days} days"),
            Err(error) => error.code().to_owned(),
        };
        lines.push(format!(
            "  {number}  {}  {open} of {}, due {} ({status})",
            receivable.debtor(),
            receivable.amount(),
            receivable.due_date()
        ));
        json.push(json!({
            "number": number,
            "debtor": receivable.debtor(),
            "amount": receivable.amount().amount().to_string(),
            "open": open.amount().to_string(),
            "due_date": receivable.due_date().to_string(),
            "status": status,
        }));
    }
    if json.is_empty() {
        lines.push("  none".to_owned());
    }
    (lines, Value::Array(json))
}

/// The complaints not answered yet, with their answer deadlines.
fn complaints(office: &Office) -> (Vec<String>, Value) {
    let mut lines = vec!["Open complaints:".to_owned()];
    let mut json = Vec::new();
    for (number, client, due) in office.open_complaints() {
        let name = office
            .registry()
            .get(client)
            .map(|c| c.display_name())
            .unwrap_or_default();
        lines.push(format!("  {number}  {name}  answer due by {due}"));
        json.push(json!({
            "number": number,
            "client": client.to_string(),
            "answer_due": due.to_string(),
        }));
    }
    if json.is_empty() {
        lines.push("  none".to_owned());
    }
    (lines, Value::Array(json))
}
