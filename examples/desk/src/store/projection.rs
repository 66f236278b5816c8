//! The SQL projections: what each operation produced, written to tables an integrator can
//! query, in the operation's own transaction. They are also the office's history
//! ([`super::history`]): every row that the office may need again carries its value as JSON
//! (`data`) and the journal entry that wrote it (`operation`).
//!
//! `clients`, `cases`, `documents` (everything filed, with its case and the client it names),
//! `issued_documents` (invoices, credit notes, waybills and cash orders with their text, UBL
//! and data), `number_series`, `shifts`, `receipts`, `payments`, `needs`, `orders`,
//! `reservations`, `products` (the catalogue last loaded) and `cash_operations` (every cash
//! operation checked against the cash limit and recorded, with whether its deal is declared:
//! what a month's declaration is made of, long after the office has forgotten it).

use apkalpe_accounting::{IssuedCreditNote, IssuedInvoice, Waybill};
use apkalpe_catalogue::{OrderReference, Reservation};
use apkalpe_clients::{ErasureReport, NeedId};
use apkalpe_core::Money;
use apkalpe_core::NumberSeries;
use apkalpe_payments::{
    CashDeclaration, CashDirection, CashLimitLedger, CashLimits, DeclarationLine, EntryOutcome,
    MatchStatus, PaymentMethod, Receipt, ReceiptKind,
};
use chrono::{DateTime, Datelike, Utc};
use serde::Serialize;

use super::StoreError;
use super::sql::{Db, Inserted, Param, params};
use crate::office::{
    Booked, CashRecorded, Filed, Issued, IssuedCashOrder, MemoryHistory, Office, Operation, Order,
    Outcome,
};

/// A value as the `data` column keeps it.
fn data<T: Serialize>(seq: i64, value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|error| StoreError::Journal {
        seq,
        message: format!("a value does not serialise: {error}"),
    })
}

/// Writes what the operation (journal entry `seq`, applied at `at`) produced.
///
/// # Errors
///
/// [`StoreError::Sqlite`]; [`StoreError::DuplicateNumber`] for a document number already
/// stored; [`StoreError::Journal`] for a value that does not serialise.
pub(super) fn project(
    db: &Db,
    seq: i64,
    operation: &Operation,
    at: DateTime<Utc>,
    outcome: &Outcome,
    office: &Office,
) -> Result<(), StoreError> {
    match outcome {
        Outcome::DayOpened { .. } | Outcome::ShiftOpened { .. } | Outcome::Need { .. } => {}
        Outcome::Client {
            id,
            existing: false,
            check,
        } => {
            let client = office.registry().get(*id);
            let kind = if client.is_some_and(|c| c.organisation().is_some()) {
                "organisation"
            } else {
                "person"
            };
            let name = client.map(|c| c.display_name()).unwrap_or_default();
            let registration = client
                .and_then(|c| c.organisation())
                .and_then(|o| o.registration_number())
                .map(ToString::to_string);
            let check = check.as_ref().and_then(|c| serde_json::to_string(c).ok());
            db.write(
                "storing the client",
                "INSERT INTO clients (id, kind, name, registration, register_check, registered_at, operation)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    id.to_string(),
                    kind,
                    name,
                    registration,
                    check,
                    at.to_rfc3339(),
                    seq
                ],
            )?;
        }
        Outcome::Client { .. } => {}
        Outcome::Erased(report) => redact_client(db, report, office)?,
        Outcome::Receipt(receipt, cash) => {
            insert_receipt(db, receipt, seq, office)?;
            if let Some(cash) = cash {
                insert_cash(db, cash, seq)?;
            }
        }
        Outcome::CashOrder(issued) => {
            insert_cash_order(db, issued, seq)?;
            insert_filed(db, &issued.filed, None, seq, office)?;
            if let Some(cash) = &issued.cash {
                insert_cash(db, cash, seq)?;
            }
        }
        Outcome::Contract(filed) | Outcome::Complaint { filed, .. } => {
            insert_filed(db, filed, None, seq, office)?;
        }
        Outcome::Invoice(issued) => {
            insert_invoice(db, issued, seq)?;
            insert_filed(db, &issued.filed, None, seq, office)?;
        }
        Outcome::CreditNote(issued) => {
            insert_credit_note(db, issued, seq)?;
            insert_filed(db, &issued.filed, None, seq, office)?;
        }
        Outcome::Answer { filed, letter, .. } => {
            insert_filed(db, filed, Some(letter), seq, office)?;
        }
        Outcome::Order {
            reference,
            reservations,
            order,
        } => insert_order(db, reference, reservations, order, seq)?,
        Outcome::Waybill {
            waybill,
            filed,
            text,
            order,
        } => {
            insert_waybill(db, waybill, text, seq)?;
            insert_filed(db, filed, Some(text), seq, office)?;
            if let Some(reference) = order {
                dispatch_order(db, reference, waybill, seq)?;
            }
        }
        Outcome::SurveyReport { filed, text, .. } => {
            insert_filed(db, filed, Some(text), seq, office)?;
        }
        Outcome::CatalogueLoaded { .. } => insert_products(db, seq, office)?,
        Outcome::ShiftClosed(z, filed) => {
            let counted = serde_json::to_string(&z.counted()).unwrap_or_default();
            db.write(
                "closing the shift",
                "UPDATE shifts SET closed_at = ?2, counted = ?3, over_short = ?4, z_report = ?5
                 WHERE number = ?1",
                params![
                    z.number() as i64,
                    z.at().to_rfc3339(),
                    counted,
                    z.over_short().amount().to_string(),
                    z.render()
                ],
            )?;
            insert_filed(db, filed, Some(&z.render()), seq, office)?;
        }
        Outcome::Reconciled(report) => {
            for entry in report.entries() {
                insert_allocations(db, entry, seq)?;
            }
        }
    }
    if let Outcome::Need { id } = outcome {
        insert_need(db, *id, seq, office)?;
    }
    if let (Operation::OpenShift { cashier, float }, Outcome::ShiftOpened { .. }) =
        (operation, outcome)
    {
        let float = serde_json::to_string(float).unwrap_or_default();
        db.write(
            "opening the shift",
            "INSERT INTO shifts (number, cashier, opened_at, float) VALUES (?1, ?2, ?3, ?4)",
            params![
                i64::try_from(office.shift_number()).unwrap_or(i64::MAX),
                cashier,
                at.to_rfc3339(),
                float
            ],
        )?;
    }
    Ok(())
}

/// The `clients` row of an erased client takes the name the register now shows, and its
/// `needs` rows the erased category, as the register now holds it (a need's category is free
/// text, and what a person said they need may say who they are).
fn redact_client(db: &Db, report: &ErasureReport, office: &Office) -> Result<(), StoreError> {
    let client = report.client();
    let name = office
        .registry()
        .get(client)
        .map(|c| c.display_name())
        .unwrap_or_default();
    db.write(
        "redacting the client",
        "UPDATE clients SET name = ?2, erased_at = ?3 WHERE id = ?1",
        params![client.to_string(), name, report.erased_at().to_rfc3339()],
    )?;
    if report.is_erased(apkalpe_clients::PersonalField::FreeTexts) {
        db.write(
            "redacting the client's needs",
            "UPDATE needs SET category = ?2 WHERE client = ?1",
            params![client.to_string(), ERASED],
        )?;
    }
    Ok(())
}

/// What the client register writes for an erased text.
const ERASED: &str = "[erased]";

/// A cash operation recorded against the cash limits: its `cash_operations` row, and the
/// mark of every earlier operation of its deal when the deal is now declared.
fn insert_cash(db: &Db, cash: &CashRecorded, seq: i64) -> Result<(), StoreError> {
    let operation = &cash.operation;
    let party = operation.counterparty();
    let taxpayer = party.and_then(|party| party.taxpayer_number());
    db.write(
        "storing the cash operation",
        "INSERT INTO cash_operations (reference, date, direction, cash, client, taxpayer_number,
             taxpayer_name, invoice, declarable, operation)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            operation.reference(),
            operation.date().to_string(),
            direction(operation.direction()),
            in_cents(operation.cash()),
            party.map(|party| party.key()),
            taxpayer,
            taxpayer.and(party.map(|party| party.name())),
            operation.invoice(),
            cash.verdict.declarable(),
            seq
        ],
    )?;
    if cash.verdict.declarable() {
        for reference in cash.verdict.linked() {
            db.write(
                "marking the deal declared",
                "UPDATE cash_operations SET declarable = 1 WHERE reference = ?1",
                params![reference.as_str()],
            )?;
        }
    }
    Ok(())
}

/// An amount as the `cash` column keeps it: with its cents ("1000.00"), however it was
/// written.
fn in_cents(money: Money) -> String {
    let mut amount = money.amount();
    // Cash is in whole cents, so this only adds zeros.
    amount.rescale(2);
    amount.to_string()
}

/// The `direction` column of a cash operation.
fn direction(direction: CashDirection) -> &'static str {
    match direction {
        CashDirection::Received => "received",
        CashDirection::Paid => "paid",
    }
}

/// An issued cash order with its text and data, and the payment of the invoice it paid.
fn insert_cash_order(db: &Db, issued: &IssuedCashOrder, seq: i64) -> Result<(), StoreError> {
    let order = &issued.order;
    let number = order.number();
    insert_issued(
        db,
        &IssuedRow {
            number: number.as_str(),
            series_id: number.series_id(),
            kind: issued.filed.kind,
            issue_date: order.date().format("%Y-%m-%d").to_string(),
            ubl: "",
            text: &issued.text,
            data: data(seq, order)?,
            credits: None,
        },
        seq,
    )?;
    if let Some(invoice) = &issued.invoice {
        insert_payment(
            db,
            "cash",
            &order.amount().amount().to_string(),
            number.as_str(),
            Some(invoice),
            seq,
        )?;
    }
    Ok(())
}

/// A receipt: its `receipts` row (text and data) and one `payments` row per payment.
fn insert_receipt(db: &Db, receipt: &Receipt, seq: i64, office: &Office) -> Result<(), StoreError> {
    let shift = i64::try_from(office.shift_number()).unwrap_or(i64::MAX);
    let kind = match receipt.kind() {
        ReceiptKind::Sale => "sale".to_owned(),
        ReceiptKind::Return { original } => format!("return of {original}"),
    };
    let text = office
        .shift()
        .map(|s| receipt.render(s.register().identity()))
        .unwrap_or_default();
    db.write(
        "storing the receipt",
        "INSERT INTO receipts (number, shift, kind, total, text, operation, data)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            receipt.number() as i64,
            shift,
            kind,
            receipt.total().amount().to_string(),
            text,
            seq,
            data(seq, receipt)?
        ],
    )?;
    for payment in receipt.payments() {
        insert_payment(
            db,
            match payment.method() {
                PaymentMethod::Cash => "cash",
                PaymentMethod::Card => "card",
                _ => "transfer",
            },
            &payment.amount().amount().to_string(),
            payment.reference().unwrap_or(""),
            Some(&receipt.number().to_string()),
            seq,
        )?;
    }
    Ok(())
}

/// A recorded need: its `needs` row.
fn insert_need(db: &Db, id: NeedId, seq: i64, office: &Office) -> Result<(), StoreError> {
    let need = office
        .registry()
        .need(id)
        .ok_or_else(|| StoreError::Journal {
            seq,
            message: format!("need {id} is not in the registry"),
        })?;
    db.write(
        "storing the need",
        "INSERT INTO needs (id, client, category, quantity, budget, needed_by, recorded_at, operation)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            id.to_string(),
            need.client().to_string(),
            need.category(),
            need.quantity().map(|q| q.to_string()),
            need.budget()
            .and_then(|b| b.max())
            .map(|m| m.amount().to_string()),
            need.needed_by().map(|d| d.to_string()),
            need.recorded_at().to_rfc3339(),
            seq
        ],
    )?;
    Ok(())
}

/// An order: its `orders` row (with the order as data) and one `reservations` row per line.
fn insert_order(
    db: &Db,
    reference: &OrderReference,
    reservations: &[Reservation],
    order: &Order,
    seq: i64,
) -> Result<(), StoreError> {
    let delivery = &order.delivery;
    db.write(
        "storing the order",
        "INSERT INTO orders (reference, client, carrier, ready, dispatch, promised, operation, data)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            reference.as_str(),
            order.client.to_string(),
            delivery.carrier().as_str(),
            delivery.ready().to_string(),
            delivery.dispatch().to_string(),
            delivery.promised().to_string(),
            seq,
            data(seq, order)?
        ],
    )?;
    for reservation in reservations {
        db.write(
            "storing the reservation",
            "INSERT INTO reservations (reference, order_reference, sku, quantity, expires)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                reservation.reference().as_str(),
                reference.as_str(),
                reservation.sku().as_str(),
                reservation.quantity().to_string(),
                reservation.expires().to_string()
            ],
        )?;
    }
    Ok(())
}

/// An order whose goods left with a waybill.
fn dispatch_order(db: &Db, reference: &str, waybill: &Waybill, seq: i64) -> Result<(), StoreError> {
    db.write(
        "dispatching the order",
        "UPDATE orders SET dispatched = ?2, dispatched_operation = ?3 WHERE reference = ?1",
        params![reference, waybill.number().as_str(), seq],
    )?;
    Ok(())
}

fn insert_payment(
    db: &Db,
    method: &str,
    amount: &str,
    reference: &str,
    applies_to: Option<&str>,
    seq: i64,
) -> Result<(), StoreError> {
    db.write(
        "storing the payment",
        "INSERT INTO payments (method, amount, reference, applies_to, operation)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![method, amount, reference, applies_to, seq],
    )?;
    Ok(())
}

/// A bank payment matched to receivables: one `payments` row per receivable it paid.
fn insert_allocations(db: &Db, entry: &EntryOutcome, seq: i64) -> Result<(), StoreError> {
    if !matches!(entry.status(), MatchStatus::Matched | MatchStatus::Partial) {
        return Ok(());
    }
    insert_payment(
        db,
        "bank",
        &entry.amount().amount().to_string(),
        entry.entry_ref(),
        entry.receivable(),
        seq,
    )
}

/// Replaces the `products` rows with the office's catalogue.
fn insert_products(db: &Db, seq: i64, office: &Office) -> Result<(), StoreError> {
    db.write("replacing the products", "DELETE FROM products", params![])?;
    let text = |value: serde_json::Result<serde_json::Value>| match value {
        Ok(serde_json::Value::String(text)) => text,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    };
    for product in office.catalogue().catalogue().products() {
        db.write(
            "storing the products",
            "INSERT INTO products (sku, name, kind, unit, vat_class, status, category, operation)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                &product.sku().to_string(),
                product.name().get(apkalpe_core::Language::Latvian),
                &text(serde_json::to_value(product.kind())),
                &product.unit().to_string(),
                &product.vat_classes().to_string(),
                &text(serde_json::to_value(product.status())),
                &product.category().to_string(),
                seq
            ],
        )?;
    }
    Ok(())
}

/// Files a document: its case row (once per year and index) and its `documents` row.
fn insert_filed(
    db: &Db,
    filed: &Filed,
    text: Option<&str>,
    seq: i64,
    office: &Office,
) -> Result<(), StoreError> {
    let year = filed.date.year();
    if let Some(case) = office
        .cases()
        .find(|c| c.index() == &filed.case && c.year() == year)
    {
        db.write(
            "storing the case",
            "INSERT INTO cases (year, case_index, title, retention, opened_on)
             VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING",
            params![
                year,
                filed.case.to_string(),
                case.title(),
                office
                    .plan(year)
                    .and_then(|p| p.entry(&filed.case))
                    .and_then(|e| e.case())
                    .map(|c| c.retention().to_string())
                    .unwrap_or_default(),
                case.opened_on().to_string()
            ],
        )?;
    }
    db.write(
        "filing the document",
        "INSERT INTO documents (id, number, kind, year, case_index, date, text, operation, client)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            filed.id.as_uuid().to_string(),
            filed.number,
            filed.kind,
            year,
            filed.case.to_string(),
            filed.date.to_string(),
            text,
            seq,
            filed.client.map(|c| c.to_string())
        ],
    )?;
    Ok(())
}

/// One `issued_documents` row.
struct IssuedRow<'a> {
    number: &'a str,
    series_id: &'a str,
    kind: &'a str,
    issue_date: String,
    ubl: &'a str,
    text: &'a str,
    data: String,
    credits: Option<&'a str>,
}

/// Inserts an issued document; a number already stored is [`StoreError::DuplicateNumber`].
fn insert_issued(db: &Db, row: &IssuedRow<'_>, seq: i64) -> Result<(), StoreError> {
    let inserted = db.insert(
        "storing the document",
        "INSERT INTO issued_documents
             (number, series_id, kind, issue_date, ubl, text, data, credits, operation)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            row.number,
            row.series_id,
            row.kind,
            &row.issue_date,
            row.ubl,
            row.text,
            &row.data,
            row.credits,
            seq
        ],
    )?;
    match inserted {
        Inserted::Stored => Ok(()),
        Inserted::Conflict => Err(StoreError::DuplicateNumber {
            number: row.number.to_owned(),
        }),
    }
}

/// An issued invoice with its text, UBL and data.
fn insert_invoice(db: &Db, issued: &Issued<IssuedInvoice>, seq: i64) -> Result<(), StoreError> {
    let invoice = &issued.document;
    let kind = match serde_json::to_value(invoice.kind()) {
        Ok(serde_json::Value::String(kind)) => kind,
        _ => invoice.kind().type_code().to_owned(),
    };
    let number = invoice.number();
    insert_issued(
        db,
        &IssuedRow {
            number: number.as_str(),
            series_id: number.series_id(),
            kind: &kind,
            issue_date: invoice.issue_date().format("%Y-%m-%d").to_string(),
            ubl: &issued.ubl,
            text: &issued.text,
            data: data(seq, invoice)?,
            credits: None,
        },
        seq,
    )
}

/// An issued credit note with its text, UBL, data and the invoice it credits.
fn insert_credit_note(
    db: &Db,
    issued: &Issued<IssuedCreditNote>,
    seq: i64,
) -> Result<(), StoreError> {
    let note = &issued.document;
    let number = note.number();
    insert_issued(
        db,
        &IssuedRow {
            number: number.as_str(),
            series_id: number.series_id(),
            kind: "credit_note",
            issue_date: note.issue_date().format("%Y-%m-%d").to_string(),
            ubl: &issued.ubl,
            text: &issued.text,
            data: data(seq, note)?,
            credits: Some(note.original().number()),
        },
        seq,
    )
}

/// An issued waybill with its text and data (no e-invoice).
fn insert_waybill(db: &Db, waybill: &Waybill, text: &str, seq: i64) -> Result<(), StoreError> {
    let number = waybill.number();
    insert_issued(
        db,
        &IssuedRow {
            number: number.as_str(),
            series_id: number.series_id(),
            kind: "waybill",
            issue_date: waybill.issue_date().format("%Y-%m-%d").to_string(),
            ubl: "",
            text,
            data: data(seq, waybill)?,
            credits: None,
        },
        seq,
    )
}

/// Fills the history's data columns of a database written before they existed, from a
/// replay of its journal: every receipt, invoice, credit note and order gets its data and
/// journal entry, every document the client it names, every waybill its row.
///
/// # Errors
///
/// [`StoreError::Sqlite`]; [`StoreError::Diverged`] when the replay made a value the tables
/// do not have.
pub(super) fn backfill(db: &Db, history: &MemoryHistory) -> Result<(), StoreError> {
    let missing = |what: String| StoreError::Diverged { what };
    for (number, receipt) in history.receipts() {
        let number = i64::try_from(*number).unwrap_or(i64::MAX);
        let changed = db.execute(
            "filling the receipts' data",
            "UPDATE receipts SET data = ?2 WHERE number = ?1",
            params![number, data(0, receipt)?],
        )?;
        if changed != 1 {
            return Err(missing(format!("receipt {number} is not stored")));
        }
    }
    for (number, (invoice, notes)) in history.invoices() {
        let changed = db.execute(
            "filling the invoices' data",
            "UPDATE issued_documents SET data = ?2,
                 operation = (SELECT MIN(operation) FROM documents WHERE number = ?1)
             WHERE number = ?1",
            params![number, data(0, invoice)?],
        )?;
        if changed != 1 {
            return Err(missing(format!("invoice {number} is not stored")));
        }
        for note in notes {
            let note_number = note.number().as_str();
            let changed = db.execute(
                "filling the credit notes' data",
                "UPDATE issued_documents SET data = ?2, credits = ?3,
                     operation = (SELECT MIN(operation) FROM documents WHERE number = ?1)
                 WHERE number = ?1",
                params![note_number, data(0, note)?, number],
            )?;
            if changed != 1 {
                return Err(missing(format!("credit note {note_number} is not stored")));
            }
        }
    }
    for (number, waybill) in history.waybills() {
        let seq = db
            .query_one(
                "finding a waybill",
                "SELECT MIN(operation) FROM documents WHERE number = ?1 AND kind = 'waybill'",
                params![number],
            )?
            .map(|row| row.opt_int(0))
            .transpose()?
            .flatten();
        let seq = seq.ok_or_else(|| missing(format!("waybill {number} is not filed")))?;
        let text = match db.query_one(
            "finding a waybill",
            "SELECT COALESCE(text, '') FROM documents WHERE number = ?1 AND kind = 'waybill'",
            params![number],
        )? {
            Some(mut row) => row.text(0)?,
            None => return Err(missing(format!("waybill {number} is not filed"))),
        };
        insert_waybill(db, waybill, &text, seq)?;
    }
    for (reference, order) in history.orders() {
        db.execute(
            "filling the orders' data",
            "UPDATE orders SET data = ?2, dispatched = ?3,
                 dispatched_operation = (SELECT MIN(operation) FROM documents WHERE number = ?3)
             WHERE reference = ?1",
            params![reference, data(0, order)?, order.dispatched],
        )?;
    }
    for (client, documents) in history.all_client_documents() {
        for filed in documents {
            db.execute(
                "filling the documents' clients",
                "UPDATE documents SET client = ?2 WHERE id = ?1",
                params![filed.id.as_uuid().to_string(), client.to_string()],
            )?;
        }
    }
    Ok(())
}

/// Saves every series the operation changed, after checking the stored state is the one
/// the office started from.
pub(super) fn save_series(
    db: &Db,
    before: &[NumberSeries],
    office: &Office,
) -> Result<(), StoreError> {
    for series in office.series().values() {
        let old = before.iter().find(|b| b.id() == series.id());
        if old == Some(series) {
            continue;
        }
        let stored = load_series(db, series.id())?;
        if stored.as_ref() != old {
            return Err(StoreError::Diverged {
                what: format!("number series {:?}", series.id()),
            });
        }
        let state = serde_json::to_string(series).map_err(|error| StoreError::SeriesState {
            series: series.id().to_owned(),
            message: error.to_string(),
        })?;
        let sql = if old.is_none() {
            "INSERT INTO number_series (id, state) VALUES (?1, ?2)"
        } else {
            "UPDATE number_series SET state = ?2 WHERE id = ?1"
        };
        db.write(
            "saving the number series",
            sql,
            params![series.id(), state.as_str()],
        )?;
    }
    Ok(())
}

/// Loads a series by id, or `None` when it was never stored.
pub(super) fn load_series(db: &Db, series_id: &str) -> Result<Option<NumberSeries>, StoreError> {
    let state = match db.query_one(
        "loading the number series",
        "SELECT state FROM number_series WHERE id = ?1",
        params![series_id],
    )? {
        Some(mut row) => Some(row.text(0)?),
        None => None,
    };
    state
        .map(|state| {
            serde_json::from_str(&state).map_err(|error| StoreError::SeriesState {
                series: series_id.to_owned(),
                message: error.to_string(),
            })
        })
        .transpose()
}

/// Every stored series must be the one the journal gives.
pub(super) fn check_series(db: &Db, office: &Office) -> Result<(), StoreError> {
    let ids = db
        .query(
            "reading the number series",
            "SELECT id FROM number_series ORDER BY id",
            params![],
        )?
        .into_iter()
        .map(|mut row| row.text(0))
        .collect::<Result<Vec<String>, _>>()?;
    for id in &ids {
        let stored = load_series(db, id)?;
        if stored.as_ref() != office.series().get(id) {
            return Err(StoreError::Diverged {
                what: format!("number series {id:?}"),
            });
        }
    }
    if let Some(id) = office.series().keys().find(|id| !ids.contains(id)) {
        return Err(StoreError::Diverged {
            what: format!("number series {id:?} is missing"),
        });
    }
    Ok(())
}

/// The issued documents of the days `from..=to` for the accounting batch (invoices by
/// number, then credit notes by the invoice they credit, then waybills, then cash orders by
/// number), and the numbers of the invoices issued before `from`.
///
/// # Errors
///
/// [`StoreError::Sqlite`]; [`StoreError::Diverged`] for a stored document that does not read.
pub(super) fn booked(
    db: &Db,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> Result<(Vec<Booked>, Vec<String>), StoreError> {
    let (from, to) = (from.to_string(), to.to_string());
    let rows = |sql: &str| -> Result<Vec<(String, String)>, StoreError> {
        db.query(
            "reading the issued documents",
            sql,
            params![from.as_str(), to.as_str()],
        )?
        .into_iter()
        .map(|mut row| Ok((row.text(0)?, row.text(1)?)))
        .collect()
    };
    let decode = |number: &str, data: &str| StoreError::Diverged {
        what: format!("issued document {number} does not read back: {data}"),
    };
    let mut documents = Vec::new();
    for (number, data) in rows(
        "SELECT number, data FROM issued_documents
         WHERE kind NOT IN ('credit_note', 'waybill', 'cash_receipt_order', 'cash_disbursement_order')
             AND issue_date BETWEEN ?1 AND ?2
         ORDER BY number",
    )? {
        let invoice =
            serde_json::from_str(&data).map_err(|error| decode(&number, &error.to_string()))?;
        documents.push(Booked::Invoice(invoice));
    }
    for (number, data) in rows(
        "SELECT number, data FROM issued_documents
         WHERE kind = 'credit_note' AND issue_date BETWEEN ?1 AND ?2
         ORDER BY credits, operation",
    )? {
        let note =
            serde_json::from_str(&data).map_err(|error| decode(&number, &error.to_string()))?;
        documents.push(Booked::CreditNote(note));
    }
    for (number, data) in rows(
        "SELECT number, data FROM issued_documents
         WHERE kind = 'waybill' AND issue_date BETWEEN ?1 AND ?2
         ORDER BY number",
    )? {
        let waybill =
            serde_json::from_str(&data).map_err(|error| decode(&number, &error.to_string()))?;
        documents.push(Booked::Waybill(waybill));
    }
    for (number, data) in rows(
        "SELECT number, data FROM issued_documents
         WHERE kind IN ('cash_receipt_order', 'cash_disbursement_order')
             AND issue_date BETWEEN ?1 AND ?2
         ORDER BY number",
    )? {
        let order =
            serde_json::from_str(&data).map_err(|error| decode(&number, &error.to_string()))?;
        documents.push(Booked::CashOrder(order));
    }
    let earlier = db
        .query(
            "reading the earlier invoices",
            "SELECT number FROM issued_documents
             WHERE kind NOT IN ('credit_note', 'waybill', 'cash_receipt_order', 'cash_disbursement_order')
                 AND issue_date < ?1 ORDER BY number",
            params![from.as_str()],
        )?
        .into_iter()
        .map(|mut row| row.text(0))
        .collect::<Result<Vec<_>, _>>()?;
    Ok((documents, earlier))
}

/// Checks that every receipt, invoice, credit note and waybill stored is the one the
/// replay made (as JSON), and that the tables hold no other; returns how many it compared.
///
/// # Errors
///
/// [`StoreError::Sqlite`]; [`StoreError::Diverged`] naming the first document that differs.
pub(super) fn compare(db: &Db, history: &MemoryHistory) -> Result<usize, StoreError> {
    let diverged = |what: String| StoreError::Diverged { what };
    let stored = |sql: &str, key: Param<'_>| -> Result<Option<String>, StoreError> {
        match db.query_one("reading the stored documents", sql, &[key])? {
            Some(mut row) => row.opt_text(0),
            None => Ok(None),
        }
    };
    let mut compared = 0;
    for (number, receipt) in history.receipts() {
        let number = i64::try_from(*number).unwrap_or(i64::MAX);
        let data = stored(
            "SELECT data FROM receipts WHERE number = ?1",
            Param::Int(number),
        )?;
        if data.as_deref() != Some(self::data(0, receipt)?.as_str()) {
            return Err(diverged(format!("receipt {number}")));
        }
        compared += 1;
    }
    let issued = |number: &str, json: String| -> Result<(), StoreError> {
        let data = stored(
            "SELECT data FROM issued_documents WHERE number = ?1",
            Param::Text(number),
        )?;
        if data.as_deref() == Some(json.as_str()) {
            Ok(())
        } else {
            Err(StoreError::Diverged {
                what: format!("issued document {number}"),
            })
        }
    };
    for (number, (invoice, notes)) in history.invoices() {
        issued(number, data(0, invoice)?)?;
        compared += 1;
        for note in notes {
            issued(note.number().as_str(), data(0, note)?)?;
            compared += 1;
        }
    }
    for (number, waybill) in history.waybills() {
        issued(number, data(0, waybill)?)?;
        compared += 1;
    }
    for (number, order) in history.cash_orders() {
        issued(number, data(0, order)?)?;
        compared += 1;
    }
    compare_cash(db, history)?;
    let count = |sql: &str| -> Result<usize, StoreError> {
        db.query_int("counting the stored documents", sql, params![])
            .map(|n| usize::try_from(n).unwrap_or(usize::MAX))
    };
    let tables = count("SELECT COUNT(*) FROM receipts")?
        + count("SELECT COUNT(*) FROM issued_documents WHERE data IS NOT NULL")?;
    if tables != compared {
        return Err(diverged(format!(
            "the tables hold {tables} receipts and issued documents, the journal makes {compared}"
        )));
    }
    Ok(compared)
}

/// Checks that the `cash_operations` rows are the cash operations the replay recorded, each
/// with the same cash and the same declaration mark.
fn compare_cash(db: &Db, history: &MemoryHistory) -> Result<(), StoreError> {
    let mut rows = 0_usize;
    let mut first_difference = None;
    db.for_each(
        "reading the cash operations",
        "SELECT reference, cash, declarable FROM cash_operations ORDER BY reference",
        params![],
        &mut |row| {
            rows += 1;
            let reference = row.str(0)?;
            let same =
                history
                    .cash_operations()
                    .get(reference)
                    .is_some_and(|(operation, declarable)| {
                        in_cents(operation.cash()) == row.str(1).unwrap_or_default()
                            && Ok(i64::from(*declarable)) == row.int(2)
                    });
            if !same && first_difference.is_none() {
                first_difference = Some(reference.to_owned());
            }
            Ok(())
        },
    )?;
    if let Some(reference) = first_difference {
        return Err(StoreError::Diverged {
            what: format!("cash operation {reference}"),
        });
    }
    if rows != history.cash_operations().len() {
        return Err(StoreError::Diverged {
            what: format!(
                "the table holds {rows} cash operations, the journal records {}",
                history.cash_operations().len()
            ),
        });
    }
    Ok(())
}

/// The declaration of the cash deals over the threshold with taxpayers in `year`-`month`
/// (MK noteikumi Nr. 237): every operation of the month the store marked declared, by
/// taxpayer, in the order recorded. Made from the `cash_operations` table, so a past month
/// is declared the same after the office's ledger has forgotten it.
///
/// # Errors
///
/// The backend's [`StoreError`]; [`StoreError::Diverged`] for a row that does not read.
pub(super) fn cash_declaration(
    db: &Db,
    year: i32,
    month: u32,
) -> Result<CashDeclaration, StoreError> {
    let bad = |what: String| StoreError::Diverged { what };
    // The crate's declaration of an empty month gives the due date and the threshold.
    let empty = CashLimitLedger::new(CashLimits::latvia()).declaration(year, month);
    let first = chrono::NaiveDate::from_ymd_opt(year, month, 1)
        .ok_or_else(|| bad(format!("{year}-{month} is not a month")))?;
    let last = first
        .checked_add_months(chrono::Months::new(1))
        .and_then(|next| next.pred_opt())
        .unwrap_or(first);
    // (taxpayer number, name) → (received, paid, operations)
    let mut lines: std::collections::BTreeMap<(String, String), (Money, Money, Vec<String>)> =
        std::collections::BTreeMap::new();
    db.for_each(
        "reading the declared cash operations",
        "SELECT reference, direction, cash, taxpayer_number, taxpayer_name
         FROM cash_operations
         WHERE declarable = 1 AND taxpayer_number IS NOT NULL AND date BETWEEN ?1 AND ?2
         ORDER BY operation",
        params![first.to_string(), last.to_string()],
        &mut |row| {
            let reference = row.str(0)?.to_owned();
            let cash = Money::parse(row.str(2)?, apkalpe_core::Currency::EUR).map_err(|_| {
                bad(format!(
                    "cash operation {reference}: its cash does not read"
                ))
            })?;
            let (number, name) = (row.str(3)?.to_owned(), row.str(4)?.to_owned());
            let zero = Money::zero(apkalpe_core::Currency::EUR);
            let (received, paid, operations) = lines
                .entry((number, name))
                .or_insert_with(|| (zero, zero, Vec::new()));
            let sum = match row.str(1)? {
                "received" => received,
                _ => paid,
            };
            *sum = sum
                .checked_add(cash)
                .map_err(|error| bad(format!("cash operation {reference}: {error}")))?;
            operations.push(reference);
            Ok(())
        },
    )?;
    let mut value = serde_json::to_value(&empty)
        .map_err(|error| bad(format!("the declaration does not serialise: {error}")))?;
    let lines = lines
        .into_iter()
        .map(|((number, name), (received, paid, operations))| {
            DeclarationLine::new(number, name, received, paid, operations)
        })
        .collect::<Vec<_>>();
    let lines = serde_json::to_value(lines)
        .map_err(|error| bad(format!("the declaration does not serialise: {error}")))?;
    if let serde_json::Value::Object(fields) = &mut value {
        fields.insert("lines".into(), lines);
    }
    serde_json::from_value(value)
        .map_err(|error| bad(format!("the declaration does not read back: {error}")))
}

/// Every document filed, in the order filed.
///
/// # Errors
///
/// [`StoreError::Sqlite`]; [`StoreError::Diverged`] for a row that does not read.
pub(super) fn filed(db: &Db) -> Result<Vec<Filed>, StoreError> {
    let rows = db.query(
        "reading the documents",
        "SELECT id, number, kind, case_index, date, client FROM documents
         ORDER BY operation, rowid",
        params![],
    )?;
    let mut documents = Vec::new();
    for mut row in rows {
        let (id, number, kind, case, date, client) = (
            row.text(0)?,
            row.text(1)?,
            row.text(2)?,
            row.text(3)?,
            row.text(4)?,
            row.opt_text(5)?,
        );
        let bad = |field: &str| StoreError::Diverged {
            what: format!("document {number}: its {field} does not read"),
        };
        let client = match client {
            Some(client) => Some(apkalpe_clients::ClientId::new(
                uuid::Uuid::parse_str(&client).map_err(|_| bad("client"))?,
            )),
            None => None,
        };
        documents.push(Filed {
            id: apkalpe_documents::DocumentId::new(
                uuid::Uuid::parse_str(&id).map_err(|_| bad("id"))?,
            ),
            kind: crate::office::filed_kind(&kind).ok_or_else(|| bad("kind"))?,
            case: case.parse().map_err(|_| bad("case"))?,
            date: date.parse().map_err(|_| bad("date"))?,
            client,
            number,
        });
    }
    Ok(documents)
}
