//! Saved state restored: every state type of apkalpe-accounting round-trips through serde, and a saved
//! value edited into an illegal state is refused with a `RestoreError` (issue 13).

use std::fmt::Debug;

use apkalpe_accounting::{
    AcceptanceAct, AccountMapping, AccountingBatch, BatchEntry, CashBook, CashBookEntry,
    CashCounterparty, CashDirection, CashOrder, CreditedLine, DiscrepancyKind, DocumentKind,
    DocumentTotals, DraftAcceptanceAct, DraftCashOrder, DraftCreditNote, DraftInvoice,
    DraftPurchaseOrder, DraftWaybill, Finding, GoodsReceiptNote, InvoiceContent, InvoiceLine,
    IssuedCreditNote, IssuedInvoice, ItemLine, PayeeOmission, PurchaseOrder, ReceiptLine,
    ReceivedLine, RetentionRule, ServiceBilling, ServiceLedger, ServiceRecord, Signatory,
    Transport, ValidationReport, VatBreakdown, Waybill,
};
use apkalpe_testkit::strategy::accounting as strategy;
use proptest::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

use crate::support;

/// Serialises, deserialises and compares; the second serialisation is the first.
fn round_trip<T>(value: &T) -> Result<(), TestCaseError>
where
    T: Serialize + DeserializeOwned + PartialEq + Debug,
{
    let json = serde_json::to_string(value).unwrap();
    let back: T = serde_json::from_str(&json)
        .map_err(|error| TestCaseError::fail(format!("{error}\n{json}")))?;
    prop_assert_eq!(&back, value);
    prop_assert_eq!(serde_json::to_string(&back).unwrap(), json);
    Ok(())
}

/// The JSON value of `value`.
fn saved<T: Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap()
}

/// The value at a JSON pointer, to edit.
fn at<'a>(value: &'a mut Value, pointer: &str) -> &'a mut Value {
    value
        .pointer_mut(pointer)
        .unwrap_or_else(|| panic!("no {pointer}"))
}

/// The error text of restoring `value` as `T`, which must fail.
fn refusal<T: DeserializeOwned + Debug>(value: Value) -> String {
    serde_json::from_value::<T>(value).unwrap_err().to_string()
}

/// Asserts that `value` is refused with `code` for `what`'s `field`, and that the message
/// names `cause` (a cause code, or any other text).
#[track_caller]
fn assert_refused<T: DeserializeOwned + Debug>(
    value: Value,
    code: &str,
    what: &str,
    field: &str,
    cause: &str,
) {
    let text = refusal::<T>(value);
    let prefix = format!("{code}: cannot restore {what}: {field}: ");
    assert!(text.starts_with(&prefix), "expected {prefix}…, got {text}");
    assert!(text.contains(cause), "expected {cause} in {text}");
}

/// Asserts that `value` restores to `expected`.
#[track_caller]
fn assert_restores<T: DeserializeOwned + Debug + PartialEq>(value: Value, expected: &T) {
    let restored: T = serde_json::from_value(value).unwrap();
    assert_eq!(&restored, expected);
}

/// An amount as saved.
fn eur(amount: &str) -> Value {
    json!({"amount": amount, "currency": "EUR"})
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn issued_invoices_round_trip(invoice in strategy::issued_invoice()) {
        round_trip(&invoice)?;
        round_trip(invoice.content())?;
        round_trip(invoice.totals())?;
        for row in invoice.totals().vat_breakdown() {
            round_trip(row)?;
        }
        for line in invoice.content().lines() {
            round_trip(line)?;
        }
    }

    #[test]
    fn credit_notes_round_trip((invoice, notes) in strategy::credit_history()) {
        round_trip(&invoice)?;
        for note in &notes {
            round_trip(note)?;
            round_trip(note.totals())?;
            for line in note.credited_lines() {
                round_trip(line)?;
            }
        }
    }

    #[test]
    fn credit_note_drafts_round_trip(draft in strategy::draft_credit_note()) {
        round_trip(&draft)?;
    }

    #[test]
    fn invoice_drafts_round_trip(draft in strategy::draft_invoice()) {
        round_trip(&draft)?;
        round_trip(draft.content())?;
    }

    #[test]
    fn totals_round_trip(totals in strategy::document_totals()) {
        round_trip(&totals)?;
    }

    #[test]
    fn cash_books_round_trip(book in strategy::cash_book()) {
        round_trip(&book)?;
        for entry in book.entries() {
            round_trip(entry)?;
        }
    }

    #[test]
    fn cash_orders_round_trip(order in strategy::cash_order()) {
        round_trip(&order)?;
        round_trip(order.counterparty())?;
        round_trip(&order.direction())?;
    }

    #[test]
    fn cash_order_drafts_round_trip(draft in strategy::draft_cash_order()) {
        round_trip(&draft)?;
    }

    #[test]
    fn batches_round_trip(batch in strategy::accounting_batch()) {
        round_trip(&batch)?;
        for entry in batch.entries() {
            round_trip(entry)?;
        }
    }

    #[test]
    fn account_mappings_round_trip(mapping in strategy::account_mapping()) {
        round_trip(&mapping)?;
    }

    #[test]
    fn waybills_round_trip(waybill in strategy::waybill()) {
        round_trip(&waybill)?;
        round_trip(waybill.transport())?;
        for line in waybill.lines() {
            round_trip(line)?;
        }
    }

    #[test]
    fn waybill_drafts_round_trip(draft in strategy::draft_waybill()) {
        round_trip(&draft)?;
    }

    #[test]
    fn purchase_orders_round_trip(order in strategy::purchase_order()) {
        round_trip(&order)?;
    }

    #[test]
    fn purchase_order_drafts_round_trip(draft in strategy::draft_purchase_order()) {
        round_trip(&draft)?;
    }

    #[test]
    fn goods_receipt_notes_round_trip(note in strategy::goods_receipt_note()) {
        round_trip(&note)?;
        for line in note.lines() {
            round_trip(line)?;
            for kind in line.discrepancies() {
                round_trip(&kind)?;
            }
        }
    }

    #[test]
    fn received_lines_round_trip(line in strategy::received_line()) {
        round_trip(&line)?;
    }

    #[test]
    fn acceptance_acts_round_trip(act in strategy::acceptance_act()) {
        round_trip(&act)?;
        round_trip(act.provider_signatory())?;
    }

    #[test]
    fn acceptance_act_drafts_round_trip(draft in strategy::draft_acceptance_act()) {
        round_trip(&draft)?;
    }

    #[test]
    fn service_ledgers_round_trip(ledger in strategy::service_ledger()) {
        round_trip(&ledger)?;
        for record in ledger.records() {
            round_trip(record)?;
        }
    }

    #[test]
    fn service_billings_round_trip(billing in strategy::service_billing()) {
        round_trip(&billing)?;
    }

    #[test]
    fn reports_round_trip(report in strategy::validation_report()) {
        round_trip(&report)?;
        for finding in report.findings() {
            round_trip(finding)?;
        }
    }

    #[test]
    fn retention_rules_round_trip(rule in strategy::retention_rule()) {
        round_trip(&rule)?;
    }
}

/// `amount` (a saved amount's text) one cent higher.
fn cent_more(amount: &Value) -> Value {
    let amount: rust_decimal::Decimal = amount.as_str().unwrap().parse().unwrap();
    json!((amount + rust_decimal::Decimal::new(1, 2)).to_string())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Mutation: a total one cent off is refused, and named.
    #[test]
    fn a_total_one_cent_off_is_refused(
        invoice in strategy::issued_invoice(),
        field in prop::sample::select(vec![
            "line_total", "allowance_total", "charge_total", "tax_exclusive", "vat_total",
            "tax_inclusive", "prepaid", "amount_due",
        ]),
    ) {
        let mut value = saved(&invoice);
        let amount = &mut value["totals"][field]["amount"];
        *amount = cent_more(amount);
        let text = refusal::<IssuedInvoice>(value);
        let prefix = format!("restore.inconsistent: cannot restore IssuedInvoice: totals.{field}: ");
        prop_assert!(text.starts_with(&prefix), "{}", text);
    }

    /// Mutation: a cash book entry's balance one cent off is refused, and named.
    #[test]
    fn a_balance_one_cent_off_is_refused(book in strategy::cash_book_with(1..=30), pick in any::<usize>()) {
        prop_assume!(!book.entries().is_empty());
        let index = pick % book.entries().len();
        let mut value = saved(&book);
        let amount = &mut value["entries"][index]["balance"]["amount"];
        *amount = cent_more(amount);
        let text = refusal::<CashBook>(value);
        let prefix = format!("restore.inconsistent: cannot restore CashBook: entries[{index}].balance: ");
        prop_assert!(text.starts_with(&prefix), "{}", text);
    }

    /// A restored cash book goes on as the saved one would: the same order is posted or refused
    /// alike, and the books stay equal.
    #[test]
    fn a_restored_cash_book_goes_on_alike(
        book in strategy::cash_book(),
        order in strategy::cash_order(),
    ) {
        let mut restored: CashBook = serde_json::from_str(&serde_json::to_string(&book).unwrap()).unwrap();
        let mut original = book;
        let posted = original.post(&order).cloned().map_err(|error| error.code());
        let again = restored.post(&order).cloned().map_err(|error| error.code());
        prop_assert_eq!(posted, again);
        prop_assert_eq!(original, restored);
    }

    /// A restored services ledger bills as the saved one would.
    #[test]
    fn a_restored_ledger_goes_on_alike(ledger in strategy::service_ledger(), client in 1u8..=3) {
        let restored: ServiceLedger = serde_json::from_str(&serde_json::to_string(&ledger).unwrap()).unwrap();
        let client = format!("K-{client}");
        let seller = support::seller();
        let billed = ledger.bill_client(&client, seller.clone(), seller.clone()).map_err(|error| error.code());
        let again = restored.bill_client(&client, seller.clone(), seller).map_err(|error| error.code());
        prop_assert_eq!(billed, again);
        for record in ledger.records() {
            prop_assert_eq!(ledger.billed_by(record.id()), restored.billed_by(record.id()));
        }
    }
}

#[test]
fn small_enums_round_trip() {
    for value in [CashDirection::Receipt, CashDirection::Disbursement] {
        round_trip(&value).unwrap();
    }
    for value in [
        PayeeOmission::CashInTransit,
        PayeeOmission::BankDeposit,
        PayeeOmission::ChangeOfDenominations,
    ] {
        round_trip(&value).unwrap();
        round_trip(&CashCounterparty::Omitted(value)).unwrap();
    }
    for value in [
        DiscrepancyKind::Short,
        DiscrepancyKind::Over,
        DiscrepancyKind::Damaged,
    ] {
        round_trip(&value).unwrap();
    }
    assert_eq!(saved(&CashDirection::Disbursement), json!("disbursement"));
}

// ---------------------------------------------------------------------------------------------
// Issued invoices: what issuing guaranteed.

#[test]
fn an_invoice_number_must_show_its_sequence_and_year() {
    let invoice = support::several_rates();
    let mut value = saved(&invoice);
    *at(&mut value, "/number/text") = json!("INV2026-00002");
    assert_refused::<IssuedInvoice>(
        value,
        "restore.inconsistent",
        "IssuedInvoice",
        "number.text",
        "does not show sequence 1",
    );
    let mut value = saved(&invoice);
    *at(&mut value, "/number/sequence") = json!(0);
    assert_refused::<IssuedInvoice>(
        value,
        "restore.inconsistent",
        "IssuedInvoice",
        "number.sequence",
        "from 1",
    );
    let mut value = saved(&invoice);
    *at(&mut value, "/number/series") = json!(" invoices");
    assert_refused::<IssuedInvoice>(
        value,
        "restore.invalid",
        "IssuedInvoice",
        "number.series",
        "series id",
    );
    let mut value = saved(&invoice);
    *at(&mut value, "/number/year") = json!(2025);
    *at(&mut value, "/number/text") = json!("INV2025-00001");
    assert_refused::<IssuedInvoice>(
        value,
        "restore.inconsistent",
        "IssuedInvoice",
        "number.year",
        "issue_date",
    );
}

#[test]
fn an_invoice_passes_its_requisites_again() {
    let invoice = support::several_rates();
    let mut value = saved(&invoice);
    at(&mut value, "/content/seller")
        .as_object_mut()
        .unwrap()
        .remove("vat_number");
    assert_refused::<IssuedInvoice>(
        value,
        "restore.invalid",
        "IssuedInvoice",
        "content.seller.vat_number",
        "[requisite.seller_vat_number]",
    );
    let mut value = saved(&invoice);
    *at(&mut value, "/content/due_date") = json!("2026-03-01");
    assert_refused::<IssuedInvoice>(
        value,
        "restore.invalid",
        "IssuedInvoice",
        "content.due_date",
        "[requisite.due_date_before_issue]",
    );
    let mut value = saved(&invoice);
    *at(&mut value, "/content/supply_date") = json!("2026-03-02");
    assert_refused::<IssuedInvoice>(
        value,
        "restore.inconsistent",
        "IssuedInvoice",
        "content.supply_date",
        "equal to the issue date",
    );
    let mut value = saved(&invoice);
    *at(&mut value, "/content/note") = json!("  ");
    assert_refused::<IssuedInvoice>(
        value,
        "restore.invalid",
        "IssuedInvoice",
        "content.note",
        "note must be 1 to 1000 characters",
    );
    let mut value = saved(&invoice);
    *at(&mut value, "/content/exemptions") = json!([
        {"category": "E", "text": "PVN likuma 52. pants"},
        {"category": "E", "text": "PVN likuma 53. pants"}
    ]);
    assert_refused::<IssuedInvoice>(
        value,
        "restore.duplicate",
        "IssuedInvoice",
        "content.exemptions[1].category",
        "\"E\" appears more than once",
    );
    let mut value = saved(&invoice);
    at(&mut value, "/content")
        .as_object_mut()
        .unwrap()
        .insert("discount".into(), json!("5"));
    assert!(refusal::<IssuedInvoice>(value).contains("unknown field `discount`"));
}

#[test]
fn an_invoice_keeps_the_totals_its_lines_give() {
    let invoice = support::several_rates();
    assert_restores(saved(&invoice), &invoice);
    let mut value = saved(&invoice);
    *at(&mut value, "/totals/amount_due") = eur("279.90");
    assert_refused::<IssuedInvoice>(
        value,
        "restore.inconsistent",
        "IssuedInvoice",
        "totals.amount_due",
        "saved 279.90 EUR, the lines give 279.91 EUR",
    );
    let mut value = saved(&invoice);
    *at(&mut value, "/totals/line_nets/1") = eur("14.87");
    assert_refused::<IssuedInvoice>(
        value,
        "restore.inconsistent",
        "IssuedInvoice",
        "totals.line_nets[1]",
        "the lines give 14.88 EUR",
    );
    let mut value = saved(&invoice);
    *at(&mut value, "/totals/vat_breakdown/0/vat_amount") = eur("37.75");
    assert_refused::<IssuedInvoice>(
        value,
        "restore.inconsistent",
        "IssuedInvoice",
        "totals.vat_breakdown[0].vat_amount",
        "the lines give 37.76 EUR",
    );
    // A price changed without its totals: the first total it moves is named.
    let mut value = saved(&invoice);
    *at(&mut value, "/content/lines/0/unit_price") = eur("89.91");
    assert_refused::<IssuedInvoice>(
        value,
        "restore.inconsistent",
        "IssuedInvoice",
        "totals.line_nets[0]",
        "saved 179.80 EUR, the lines give 179.82 EUR",
    );
    // A rounding policy changed: the half-cent line rounds the other way.
    let invoice = support::half_cent();
    let mut value = saved(&invoice);
    *at(&mut value, "/content/rounding/line_net/strategy") = json!("half_even");
    assert_refused::<IssuedInvoice>(
        value,
        "restore.inconsistent",
        "IssuedInvoice",
        "totals.line_nets[0]",
        "saved 0.13 EUR, the lines give 0.12 EUR",
    );
}

#[test]
fn a_simplified_invoice_above_the_default_limit_restores() {
    use apkalpe_accounting::{InvoiceKind, IssueOptions};
    use rust_decimal_macros::dec;
    // Issued with a higher limit, the issuer's setting: the restore does not know it.
    let invoice = DraftInvoice::new(
        InvoiceKind::Simplified,
        support::seller(),
        support::person(),
        apkalpe_core::Currency::EUR,
    )
    .with_line(support::line(
        "Kafijas automāts",
        dec!(1),
        apkalpe_accounting::UnitCode::PIECE,
        dec!(300.00),
        support::vat(dec!(21)),
    ))
    .with_due_date(support::day(3, 2))
    .issue_with(
        &mut support::invoices(),
        support::day(3, 2),
        &IssueOptions::default().with_simplified_limit(support::eur(dec!(500))),
    )
    .unwrap();
    assert_restores(saved(&invoice), &invoice);
}

// ---------------------------------------------------------------------------------------------
// Credit notes.

#[test]
fn credit_notes_restore_with_cumulative_vat() {
    let (invoice, first, second) = support::last_unit();
    assert_restores(saved(&invoice), &invoice);
    assert_restores(saved(&first), &first);
    // The second note's VAT is 34.86 where its own rounding gives 34.87: within a cent.
    assert_eq!(
        second.totals().vat_total().amount(),
        rust_decimal_macros::dec!(34.86)
    );
    assert_restores(saved(&second), &second);
    // Two cents away is refused.
    let mut value = saved(&second);
    *at(&mut value, "/totals/vat_breakdown/0/vat_amount") = eur("34.85");
    *at(&mut value, "/totals/vat_total") = eur("34.85");
    *at(&mut value, "/totals/tax_inclusive") = eur("200.88");
    *at(&mut value, "/totals/amount_due") = eur("200.88");
    assert_refused::<IssuedCreditNote>(
        value,
        "restore.inconsistent",
        "IssuedCreditNote",
        "totals.vat_breakdown[0].vat_amount",
        "more than a cent",
    );
    // One cent away with every sum following is what cumulative rounding may give.
    let mut value = saved(&first);
    *at(&mut value, "/totals/vat_breakdown/0/vat_amount") = eur("34.86");
    *at(&mut value, "/totals/vat_total") = eur("34.86");
    *at(&mut value, "/totals/tax_inclusive") = eur("200.89");
    *at(&mut value, "/totals/amount_due") = eur("200.89");
    let restored: IssuedCreditNote = serde_json::from_value(value.clone()).unwrap();
    assert_eq!(restored.totals(), second.totals());
    // … but the sums must follow.
    *at(&mut value, "/totals/amount_due") = eur("200.90");
    assert_refused::<IssuedCreditNote>(
        value,
        "restore.inconsistent",
        "IssuedCreditNote",
        "totals.amount_due",
        "the lines give 200.89 EUR",
    );
}

#[test]
fn credit_note_lines_refer_to_the_invoice_as_drawn_up() {
    let (_, note) = support::returned_item();
    let mut value = saved(&note);
    *at(&mut value, "/credited") = json!([]);
    assert_refused::<IssuedCreditNote>(
        value,
        "restore.invalid",
        "IssuedCreditNote",
        "credited",
        "a credit note needs at least one line",
    );
    let mut value = saved(&note);
    *at(&mut value, "/credited/0/original_line") = json!(0);
    assert_refused::<IssuedCreditNote>(
        value,
        "restore.inconsistent",
        "IssuedCreditNote",
        "credited[0].original_line",
        "numbered from 1",
    );
    let mut value = saved(&note);
    *at(&mut value, "/credited/0/quantity") = json!("2");
    assert_refused::<IssuedCreditNote>(
        value,
        "restore.inconsistent",
        "IssuedCreditNote",
        "content.lines[0].quantity",
        "1 on the line, 2 credited",
    );
    let mut value = saved(&note);
    at(&mut value, "/credited")
        .as_array_mut()
        .unwrap()
        .push(json!({"original_line": 2, "quantity": "1"}));
    assert_refused::<IssuedCreditNote>(
        value,
        "restore.inconsistent",
        "IssuedCreditNote",
        "content.lines",
        "1 lines for 2 credited lines",
    );
    // Two lines crediting invoice line 1 differ in more than the quantity.
    let mut value = saved(&note);
    let line = at(&mut value, "/content/lines/0").clone();
    let mut other = line.clone();
    other["unit_price"] = eur("89.00");
    *at(&mut value, "/content/lines") = json!([line, other]);
    *at(&mut value, "/credited") = json!([
        {"original_line": 1, "quantity": "1"},
        {"original_line": 1, "quantity": "1"}
    ]);
    assert_refused::<IssuedCreditNote>(
        value,
        "restore.inconsistent",
        "IssuedCreditNote",
        "content.lines[1]",
        "invoice line 1",
    );
    let mut value = saved(&note);
    at(&mut value, "/original")
        .as_object_mut()
        .unwrap()
        .remove("issue_date");
    assert_refused::<IssuedCreditNote>(
        value,
        "restore.missing",
        "IssuedCreditNote",
        "original.issue_date",
        "issued invoice",
    );
    let mut value = saved(&note);
    *at(&mut value, "/reason") = json!("");
    assert_refused::<IssuedCreditNote>(
        value,
        "restore.invalid",
        "IssuedCreditNote",
        "reason",
        "reason must be 1 to 1000 characters",
    );
}

#[test]
fn credit_note_drafts_credit_what_the_invoice_has() {
    let invoice = support::several_rates();
    let draft = DraftCreditNote::for_lines(
        &invoice,
        "Atgriezts",
        &[CreditedLine::new(
            2,
            support::quantity(rust_decimal_macros::dec!(2.5)),
        )],
    )
    .unwrap();
    assert_restores(saved(&draft), &draft);
    let mut value = saved(&draft);
    *at(&mut value, "/credited/0/original_line") = json!(4);
    assert_refused::<DraftCreditNote>(
        value,
        "restore.invalid",
        "DraftCreditNote",
        "credited[0].original_line",
        "has no line 4",
    );
    let mut value = saved(&draft);
    *at(&mut value, "/original_quantities/1") = json!("2");
    assert_refused::<DraftCreditNote>(
        value,
        "restore.invalid",
        "DraftCreditNote",
        "credited[0].quantity",
        "invoiced 2, credited 2.5",
    );
    let mut value = saved(&draft);
    *at(&mut value, "/original_quantities/0") = json!("0");
    assert_refused::<DraftCreditNote>(
        value,
        "restore.invalid",
        "DraftCreditNote",
        "original_quantities[0]",
        "quantity must be above zero",
    );
    let mut value = saved(&draft);
    *at(&mut value, "/original_total") = json!({"amount": "279.91", "currency": "USD"});
    assert_refused::<DraftCreditNote>(
        value,
        "restore.inconsistent",
        "DraftCreditNote",
        "original_total",
        "in USD",
    );
}

// ---------------------------------------------------------------------------------------------
// Totals on their own.

#[test]
fn totals_on_their_own_keep_every_sum() {
    let totals = support::allowances_charges().totals().clone();
    assert_restores(saved(&totals), &totals);
    let cases: [(&str, Value, &str, &str); 8] = [
        (
            "/line_total",
            eur("2271.99"),
            "line_total",
            "the amounts give",
        ),
        (
            "/tax_exclusive",
            eur("1.00"),
            "tax_exclusive",
            "the amounts give",
        ),
        ("/vat_total", eur("1.00"), "vat_total", "the amounts give"),
        (
            "/tax_inclusive",
            eur("1.00"),
            "tax_inclusive",
            "the amounts give",
        ),
        ("/amount_due", eur("1.00"), "amount_due", "the amounts give"),
        (
            "/prepaid",
            json!({"amount": "0", "currency": "USD"}),
            "prepaid",
            "in USD",
        ),
        ("/charge_total", eur("-9.90"), "charge_total", "negative"),
        (
            "/vat_breakdown/0/vat_amount",
            eur("100.00"),
            "vat_breakdown[0].vat_amount",
            "rounded",
        ),
    ];
    for (pointer, edit, field, cause) in cases {
        let mut value = saved(&totals);
        *at(&mut value, pointer) = edit;
        assert_refused::<DocumentTotals>(
            value,
            "restore.inconsistent",
            "DocumentTotals",
            field,
            cause,
        );
    }
    // Two rows of one rate, or rows out of order.
    let totals = support::several_rates().totals().clone();
    let mut value = saved(&totals);
    at(&mut value, "/vat_breakdown")
        .as_array_mut()
        .unwrap()
        .swap(0, 1);
    assert_refused::<DocumentTotals>(
        value,
        "restore.inconsistent",
        "DocumentTotals",
        "vat_breakdown[1].vat",
        "one per category and rate",
    );
    // Taxable amounts that do not add up to BT-109.
    let mut value = saved(&totals);
    *at(&mut value, "/vat_breakdown/2/taxable_amount") = eur("43.51");
    *at(&mut value, "/vat_breakdown/2/vat_amount") = eur("2.18");
    assert_refused::<DocumentTotals>(
        value,
        "restore.inconsistent",
        "DocumentTotals",
        "tax_exclusive",
        "the amounts give 238.19 EUR",
    );
}

#[test]
fn a_breakdown_row_is_a_rounded_product() {
    let row = *support::several_rates()
        .totals()
        .vat_breakdown()
        .first()
        .unwrap();
    assert_restores(saved(&row), &row);
    let mut value = saved(&row);
    *at(&mut value, "/vat_amount") = eur("37.73");
    assert_refused::<VatBreakdown>(
        value,
        "restore.inconsistent",
        "VatBreakdown",
        "vat_amount",
        "is not 179.80 EUR × 21% rounded",
    );
    let mut value = saved(&row);
    *at(&mut value, "/taxable_amount") = eur("179.805");
    assert_refused::<VatBreakdown>(
        value,
        "restore.inconsistent",
        "VatBreakdown",
        "taxable_amount",
        "not rounded to the cent",
    );
    let mut value = saved(&row);
    *at(&mut value, "/vat") = json!({"category": "S", "rate": "0"});
    let text = refusal::<VatBreakdown>(value);
    assert!(
        text.starts_with("restore.invalid: cannot restore LineVat: rate: "),
        "{text}"
    );
}

#[test]
fn invoice_content_restores_through_the_setters_checks() {
    let invoice = support::exempt();
    let content = invoice.content().clone();
    assert_restores(saved(&content), &content);
    let mut value = saved(&content);
    *at(&mut value, "/buyer_reference") = json!("a".repeat(201));
    assert_refused::<InvoiceContent>(
        value,
        "restore.invalid",
        "InvoiceContent",
        "buyer_reference",
        "buyer reference must be 1 to 200 characters",
    );
    let mut value = saved(&content);
    *at(&mut value, "/lines/0/item") = json!("");
    let text = refusal::<InvoiceContent>(value);
    assert!(
        text.starts_with("restore.invalid: cannot restore InvoiceLine: item: "),
        "{text}"
    );
    let draft = DraftInvoice::new(
        apkalpe_accounting::InvoiceKind::Invoice,
        support::seller(),
        support::company(),
        apkalpe_core::Currency::EUR,
    );
    assert_restores(saved(&draft), &draft);
}

// ---------------------------------------------------------------------------------------------
// Cash.

/// The cash book of `tests/cash.rs`: 50.00, KIO 257.97, KIzO 300.00 (bank deposit).
fn sample_book() -> (CashBook, CashOrder, CashOrder) {
    use crate::cash::{kio, kizo, payer};
    use apkalpe_accounting::DraftCashOrder;
    use rust_decimal_macros::dec;
    let mut book = CashBook::try_new(
        crate::support::business(),
        support::eur(dec!(50.00)),
        "kio",
        "kizo",
    )
    .unwrap();
    let receipt = DraftCashOrder::try_new(
        crate::support::business(),
        CashDirection::Receipt,
        payer()
            .try_on_behalf_of("SIA Kurjers", "40003584818".parse().unwrap())
            .unwrap(),
        "Par rēķinu INV2026-00001",
        support::eur(dec!(257.97)),
        "Līga Kasiere",
    )
    .unwrap()
    .issue(&mut kio(), support::day(3, 2))
    .unwrap();
    let deposit = DraftCashOrder::try_new(
        crate::support::business(),
        CashDirection::Disbursement,
        CashCounterparty::Omitted(PayeeOmission::BankDeposit),
        "Iemaksa bankā",
        support::eur(dec!(300.00)),
        "Līga Kasiere",
    )
    .unwrap()
    .issue(&mut kizo(), support::day(3, 3))
    .unwrap();
    book.post(&receipt).unwrap();
    book.post(&deposit).unwrap();
    (book, receipt, deposit)
}

#[test]
fn a_cash_book_replays_its_entries() {
    let (book, ..) = sample_book();
    assert_restores(saved(&book), &book);
    let mut value = saved(&book);
    *at(&mut value, "/disbursement_series") = json!("kio");
    assert_refused::<CashBook>(
        value,
        "restore.invalid",
        "CashBook",
        "disbursement_series",
        "need separate series",
    );
    let mut value = saved(&book);
    *at(&mut value, "/entries/0/balance") = eur("307.98");
    assert_refused::<CashBook>(
        value,
        "restore.inconsistent",
        "CashBook",
        "entries[0].balance",
        "the previous balance and the amount give 307.97 EUR",
    );
    let mut value = saved(&book);
    *at(&mut value, "/entries/1/amount") = eur("400.00");
    *at(&mut value, "/entries/1/balance") = eur("0.00");
    assert_refused::<CashBook>(
        value,
        "restore.invalid",
        "CashBook",
        "entries[1].balance",
        "would leave -92.03 in the cash desk",
    );
    let mut value = saved(&book);
    *at(&mut value, "/entries/1/date") = json!("2026-03-01");
    assert_refused::<CashBook>(
        value,
        "restore.invalid",
        "CashBook",
        "entries[1].date",
        "cannot post an order dated 2026-03-01",
    );
    let mut value = saved(&book);
    *at(&mut value, "/entries/1/number") = json!("KIO26-0001");
    assert_refused::<CashBook>(
        value,
        "restore.duplicate",
        "CashBook",
        "entries[1].number",
        "\"KIO26-0001\" appears more than once",
    );
    let mut value = saved(&book);
    *at(&mut value, "/entries/0/amount") = json!({"amount": "257.97", "currency": "USD"});
    *at(&mut value, "/entries/0/balance") = json!({"amount": "307.97", "currency": "USD"});
    assert_refused::<CashBook>(
        value,
        "restore.invalid",
        "CashBook",
        "entries[0].amount",
        "kept in EUR, order is in USD",
    );
    let mut value = saved(&book);
    *at(&mut value, "/balance") = eur("8.97");
    assert_refused::<CashBook>(
        value,
        "restore.inconsistent",
        "CashBook",
        "balance",
        "the entries give 7.97 EUR",
    );
    let mut value = saved(&book);
    *at(&mut value, "/entries/0/amount") = eur("0.00");
    assert_refused::<CashBook>(
        value,
        "restore.inconsistent",
        "CashBook",
        "entries[0].amount",
        "above zero in whole cents",
    );
    let mut value = saved(&book);
    *at(&mut value, "/entries/0/basis") = json!("\u{7}");
    assert_refused::<CashBook>(
        value,
        "restore.invalid",
        "CashBook",
        "entries[0].basis",
        "basis must be 1 to 1000 characters",
    );
    let entry = book.entries().first().unwrap().clone();
    assert_restores::<CashBookEntry>(saved(&entry), &entry);
    let mut value = saved(&entry);
    *at(&mut value, "/balance") = eur("-0.01");
    assert_refused::<CashBookEntry>(
        value,
        "restore.inconsistent",
        "CashBookEntry",
        "balance",
        "below zero",
    );
}

#[test]
fn a_restored_cash_book_goes_on_refusing_duplicates() {
    let (book, receipt, _) = sample_book();
    let mut restored: CashBook = serde_json::from_value(saved(&book)).unwrap();
    let error = restored.post(&receipt).unwrap_err();
    assert_eq!(error.code(), "cash.already_posted");
    assert_eq!(restored, book);
}

#[test]
fn a_refused_post_leaves_the_book_as_it_was() {
    use crate::cash::{kio, kizo};
    use apkalpe_accounting::DraftCashOrder;
    use rust_decimal_macros::dec;
    let (mut book, receipt, deposit) = sample_book();
    let before = book.clone();
    let order = |direction, amount, series: &mut apkalpe_core::NumberSeries, date| {
        DraftCashOrder::try_new(
            crate::support::business(),
            direction,
            CashCounterparty::Omitted(PayeeOmission::CashInTransit),
            "Inkasācija",
            amount,
            "Kasiere",
        )
        .unwrap()
        .issue(series, date)
        .unwrap()
    };
    let mut disbursements = kizo();
    disbursements.issue(support::day(3, 3)).unwrap();
    let too_much = order(
        CashDirection::Disbursement,
        support::eur(dec!(7.98)),
        &mut disbursements,
        support::day(3, 4),
    );
    let early = order(
        CashDirection::Disbursement,
        support::eur(dec!(1.00)),
        &mut disbursements,
        support::day(3, 2),
    );
    let dollars = order(
        CashDirection::Disbursement,
        apkalpe_core::Money::new(dec!(1.00), apkalpe_core::Currency::USD),
        &mut disbursements,
        support::day(3, 4),
    );
    let mut receipts = kio();
    let wrong = order(
        CashDirection::Disbursement,
        support::eur(dec!(1.00)),
        &mut receipts,
        support::day(3, 4),
    );
    for (order, code) in [
        (&too_much, "cash.negative_balance"),
        (&early, "cash.out_of_order"),
        (&dollars, "cash.currency"),
        (&wrong, "cash.wrong_series"),
        (&receipt, "cash.already_posted"),
        (&deposit, "cash.already_posted"),
    ] {
        assert_eq!(book.post(order).unwrap_err().code(), code);
        assert_eq!(book, before, "{code}");
    }
}

#[test]
fn cash_orders_restore_as_issued() {
    let (_, receipt, deposit) = sample_book();
    assert_restores(saved(&receipt), &receipt);
    assert_restores(saved(&deposit), &deposit);
    let mut value = saved(&deposit);
    *at(&mut value, "/date") = json!("2027-01-04");
    assert_refused::<CashOrder>(
        value,
        "restore.inconsistent",
        "CashOrder",
        "number.year",
        "a number of 2026",
    );
    let mut value = saved(&deposit);
    *at(&mut value, "/draft/direction") = json!("receipt");
    assert_refused::<CashOrder>(
        value,
        "restore.invalid",
        "CashOrder",
        "draft.counterparty",
        "[cash.payer_missing]",
    );
    let mut value = saved(&deposit);
    *at(&mut value, "/draft/amount") = eur("0.001");
    assert_refused::<CashOrder>(
        value,
        "restore.invalid",
        "CashOrder",
        "draft.amount",
        "[cash.amount]",
    );
    let mut value = saved(&deposit);
    *at(&mut value, "/draft/cashier") = json!(" ");
    assert_refused::<CashOrder>(
        value,
        "restore.invalid",
        "CashOrder",
        "draft.cashier",
        "cashier must be 1 to 200 characters",
    );
}

#[test]
fn a_person_acting_for_a_company_is_saved_with_named_fields() {
    let (_, receipt, _) = sample_book();
    let counterparty = receipt.counterparty().clone();
    let value = saved(&counterparty);
    assert_eq!(
        value["on_behalf_of"],
        json!({"name": "SIA Kurjers", "registration_number": "40003584818"})
    );
    // The positional pair written before issue 13 still reads.
    let mut old = value.clone();
    old["on_behalf_of"] = json!(["SIA Kurjers", "40003584818"]);
    assert_restores(old, &counterparty);
    let mut wrong = value;
    wrong["on_behalf_of"] = json!({"name": "SIA Kurjers", "registration_number": "40003584819"});
    assert!(serde_json::from_value::<CashCounterparty>(wrong).is_err());
}

// ---------------------------------------------------------------------------------------------
// Batches.

fn sample_batch() -> AccountingBatch {
    let (invoice, note) = support::returned_item();
    let (_, receipt, _) = sample_book();
    let mut batch = AccountingBatch::try_new(support::day(3, 1), support::day(3, 31)).unwrap();
    batch.add(BatchEntry::from(&invoice));
    batch.add(BatchEntry::from(&note));
    batch.add(BatchEntry::from(&receipt));
    // The invoice took INV2026-00001 from this series; the next form was spoilt.
    let mut series = support::invoices();
    series.issue(support::day(3, 2)).unwrap();
    let spoilt = series.issue(support::day(3, 5)).unwrap();
    let voided = series.void(&spoilt, "sabojāta veidlapa").unwrap().clone();
    batch.add_voided(&voided);
    batch.add_earlier_invoice("INV2026-00007");
    batch.add_earlier_invoice("INV2025-00113");
    batch
}

#[test]
fn a_batch_restores_its_entries_as_add_takes_them() {
    let batch = sample_batch();
    assert_restores(saved(&batch), &batch);
    assert_eq!(
        saved(&batch)["earlier_invoices"],
        json!(["INV2025-00113", "INV2026-00007"])
    );
    let mut value = saved(&batch);
    *at(&mut value, "/to") = json!("2026-02-28");
    assert_refused::<AccountingBatch>(
        value,
        "restore.invalid",
        "AccountingBatch",
        "to",
        "[batch.period]",
    );
    let mut value = saved(&batch);
    *at(&mut value, "/entries/0/gross") = eur("279.92");
    assert_refused::<AccountingBatch>(
        value,
        "restore.inconsistent",
        "AccountingBatch",
        "entries[0].gross",
        "give 279.91 EUR",
    );
    let mut value = saved(&batch);
    *at(&mut value, "/entries/0/credits") = json!("INV2026-00001");
    assert_refused::<AccountingBatch>(
        value,
        "restore.inconsistent",
        "AccountingBatch",
        "entries[0].credits",
        "only a credit note",
    );
    let mut value = saved(&batch);
    *at(&mut value, "/entries/2/direction") = json!("disbursement");
    assert_refused::<AccountingBatch>(
        value,
        "restore.inconsistent",
        "AccountingBatch",
        "entries[2].direction",
        "cash_disbursement_order",
    );
    let mut value = saved(&batch);
    *at(&mut value, "/voided/0/text") = json!("INV-00001");
    assert_refused::<AccountingBatch>(
        value,
        "restore.inconsistent",
        "AccountingBatch",
        "voided[0].text",
        "does not show sequence 2",
    );
    let mut value = saved(&batch);
    *at(&mut value, "/earlier_invoices/1") = json!("INV2025-00113");
    assert_refused::<AccountingBatch>(
        value,
        "restore.duplicate",
        "AccountingBatch",
        "earlier_invoices[1]",
        "INV2025-00113",
    );
    let entry = batch.entries().first().unwrap().clone();
    assert_restores::<BatchEntry>(saved(&entry), &entry);
    let mapping = AccountMapping::default().with_revenue("6111");
    assert_restores(saved(&mapping), &mapping);
}

// ---------------------------------------------------------------------------------------------
// Goods and services documents.

fn sample_waybill() -> Waybill {
    use rust_decimal_macros::dec;
    DraftWaybill::new(support::seller(), support::company())
        .with_line(
            ItemLine::try_new(
                "Biroja krēsls",
                support::quantity(dec!(2)),
                apkalpe_accounting::UnitCode::PIECE,
            )
            .unwrap()
            .with_unit_price(support::eur(dec!(89.90))),
        )
        .with_line(
            ItemLine::try_new(
                "Āboli",
                support::quantity(dec!(12.5)),
                apkalpe_accounting::UnitCode::KILOGRAM,
            )
            .unwrap()
            .with_unit_price(support::eur(dec!(0.333))),
        )
        .with_carrier(support::seller())
        .try_with_vehicle("VW Crafter, LA-1234")
        .unwrap()
        .with_loading_address(support::riga("Brīvības iela 1"))
        .with_unloading_address(support::riga("Rātslaukums 1"))
        .with_dispatch_date(support::day(3, 3))
        .issue(
            &mut apkalpe_core::NumberSeries::try_new(
                "waybills",
                "PP{year}-{seq:4}".parse().unwrap(),
                apkalpe_core::YearReset::EachYear,
            )
            .unwrap(),
            support::day(3, 2),
        )
        .unwrap()
}

#[test]
fn a_waybill_restores_as_issued() {
    let waybill = sample_waybill();
    assert_restores(saved(&waybill), &waybill);
    let mut value = saved(&waybill);
    *at(&mut value, "/transport/dispatch_date") = json!("2026-03-01");
    assert_refused::<Waybill>(
        value,
        "restore.invalid",
        "Waybill",
        "transport.dispatch_date",
        "[requisite.dispatch_before_issue]",
    );
    let mut value = saved(&waybill);
    *at(&mut value, "/value") = eur("183.97");
    assert_refused::<Waybill>(
        value,
        "restore.inconsistent",
        "Waybill",
        "value",
        "saved 183.97 EUR, the lines give 183.96 EUR",
    );
    let mut value = saved(&waybill);
    at(&mut value, "/lines/1")
        .as_object_mut()
        .unwrap()
        .remove("unit_price");
    assert_refused::<Waybill>(
        value,
        "restore.invalid",
        "Waybill",
        "lines[1].unit_price",
        "[requisite.line_value]",
    );
    let mut value = saved(&waybill);
    *at(&mut value, "/transport/vehicle") = json!("");
    assert_refused::<Waybill>(
        value,
        "restore.invalid",
        "Waybill",
        "transport.vehicle",
        "vehicle must be 1 to 200 characters",
    );
    let mut value = saved(&waybill);
    *at(&mut value, "/lines/0/item") = json!("\n");
    assert_refused::<Waybill>(
        value,
        "restore.invalid",
        "Waybill",
        "lines[0].item",
        "item name must be 1 to 200 characters",
    );
    let transport = waybill.transport().clone();
    assert_restores::<Transport>(saved(&transport), &transport);
    let draft = DraftWaybill::new(support::seller(), support::company());
    assert_restores(saved(&draft), &draft);
}

fn sample_order() -> PurchaseOrder {
    use rust_decimal_macros::dec;
    DraftPurchaseOrder::new(support::seller(), support::company())
        .with_line(
            ItemLine::try_new(
                "Papīrs A4",
                support::quantity(dec!(10)),
                apkalpe_accounting::UnitCode::PIECE,
            )
            .unwrap()
            .with_unit_price(support::eur(dec!(4.99))),
        )
        .with_line(
            ItemLine::try_new(
                "Toneris",
                support::quantity(dec!(2)),
                apkalpe_accounting::UnitCode::PIECE,
            )
            .unwrap(),
        )
        .with_delivery_date(support::day(3, 9))
        .issue(
            &mut apkalpe_core::NumberSeries::try_new(
                "orders",
                "PAS{year}-{seq:4}".parse().unwrap(),
                apkalpe_core::YearReset::EachYear,
            )
            .unwrap(),
            support::day(3, 2),
        )
        .unwrap()
}

fn sample_receipt_note() -> GoodsReceiptNote {
    use rust_decimal_macros::dec;
    GoodsReceiptNote::issue(
        &sample_order(),
        &[
            ReceivedLine::new(1, dec!(8)).with_damaged(dec!(1)),
            ReceivedLine::new(2, dec!(3)),
        ],
        &mut apkalpe_core::NumberSeries::try_new(
            "receipts",
            "PPA{year}-{seq:4}".parse().unwrap(),
            apkalpe_core::YearReset::EachYear,
        )
        .unwrap(),
        support::day(3, 9),
    )
    .unwrap()
}

#[test]
fn purchase_orders_and_receipt_notes_restore_as_issued() {
    let order = sample_order();
    assert_restores(saved(&order), &order);
    let mut value = saved(&order);
    *at(&mut value, "/delivery_date") = json!("2026-03-01");
    assert_refused::<PurchaseOrder>(
        value,
        "restore.invalid",
        "PurchaseOrder",
        "delivery_date",
        "[requisite.delivery_before_order]",
    );
    let mut value = saved(&order);
    *at(&mut value, "/value") = Value::Null;
    assert_refused::<PurchaseOrder>(
        value,
        "restore.inconsistent",
        "PurchaseOrder",
        "value",
        "saved none, the lines give 49.90 EUR",
    );
    let mut value = saved(&order);
    *at(&mut value, "/lines") = json!([]);
    assert_refused::<PurchaseOrder>(
        value,
        "restore.invalid",
        "PurchaseOrder",
        "lines",
        "[requisite.lines_missing]",
    );

    let note = sample_receipt_note();
    assert_restores(saved(&note), &note);
    let mut value = saved(&note);
    *at(&mut value, "/receipt_date") = json!("2026-03-01");
    *at(&mut value, "/number/text") = json!("PPA2026-0001");
    assert_refused::<GoodsReceiptNote>(
        value,
        "restore.invalid",
        "GoodsReceiptNote",
        "receipt_date",
        "cannot precede the order of 2026-03-02",
    );
    let mut value = saved(&note);
    *at(&mut value, "/lines/1/order_line") = json!(3);
    assert_refused::<GoodsReceiptNote>(
        value,
        "restore.inconsistent",
        "GoodsReceiptNote",
        "lines[1].order_line",
        "line 2 of the note is order line 2",
    );
    let mut value = saved(&note);
    *at(&mut value, "/lines/0/short") = json!("1");
    assert_refused::<GoodsReceiptNote>(
        value,
        "restore.inconsistent",
        "GoodsReceiptNote",
        "lines[0].short",
        "ordered 10 and received 8 give 2",
    );
    let mut value = saved(&note);
    *at(&mut value, "/lines/0/damaged") = json!("9");
    assert_refused::<GoodsReceiptNote>(
        value,
        "restore.invalid",
        "GoodsReceiptNote",
        "lines[0].damaged",
        "damaged 9 is more than received 8",
    );
    let mut value = saved(&note);
    *at(&mut value, "/lines/0/received") = json!("-1");
    assert_refused::<GoodsReceiptNote>(
        value,
        "restore.invalid",
        "GoodsReceiptNote",
        "lines[0].received",
        "quantity must be zero or above",
    );
    let mut value = saved(&note);
    *at(&mut value, "/lines") = json!([]);
    assert_refused::<GoodsReceiptNote>(
        value,
        "restore.missing",
        "GoodsReceiptNote",
        "lines",
        "at least one line",
    );
    let mut value = saved(&note);
    *at(&mut value, "/order_date") = json!("2025-12-30");
    assert_refused::<GoodsReceiptNote>(
        value,
        "restore.inconsistent",
        "GoodsReceiptNote",
        "order_number.year",
        "order_date",
    );
    let line = note.lines().first().unwrap().clone();
    assert_restores::<ReceiptLine>(saved(&line), &line);
    let mut value = saved(&line);
    *at(&mut value, "/order_line") = json!(0);
    assert_refused::<ReceiptLine>(
        value,
        "restore.inconsistent",
        "ReceiptLine",
        "order_line",
        "from 1",
    );
    let draft = DraftPurchaseOrder::new(support::seller(), support::company());
    assert_restores(saved(&draft), &draft);
}

fn sample_act() -> AcceptanceAct {
    use rust_decimal_macros::dec;
    DraftAcceptanceAct::new(
        support::seller(),
        support::company(),
        support::day(2, 1),
        support::day(2, 28),
    )
    .with_line(
        ItemLine::try_new(
            "Klientu apkalpošana",
            support::quantity(dec!(40)),
            apkalpe_accounting::UnitCode::HOUR,
        )
        .unwrap()
        .with_unit_price(support::eur(dec!(25))),
    )
    .with_provider_signatory(Signatory::try_new("Anna Bērziņa", "valdes locekle").unwrap())
    .with_client_signatory(Signatory::try_new("Jānis Kalniņš", "direktors").unwrap())
    .issue(
        &mut apkalpe_core::NumberSeries::try_new(
            "acts",
            "AKTS{year}-{seq:3}".parse().unwrap(),
            apkalpe_core::YearReset::EachYear,
        )
        .unwrap(),
        support::day(3, 2),
    )
    .unwrap()
}

#[test]
fn an_acceptance_act_restores_as_issued() {
    let act = sample_act();
    assert_restores(saved(&act), &act);
    let mut value = saved(&act);
    *at(&mut value, "/period_end") = json!("2026-01-31");
    assert_refused::<AcceptanceAct>(
        value,
        "restore.invalid",
        "AcceptanceAct",
        "period",
        "[requisite.period_order]",
    );
    let mut value = saved(&act);
    *at(&mut value, "/value") = eur("1000.01");
    assert_refused::<AcceptanceAct>(
        value,
        "restore.inconsistent",
        "AcceptanceAct",
        "value",
        "the lines give 1000.00 EUR",
    );
    let mut value = saved(&act);
    *at(&mut value, "/client_signatory/name") = json!("");
    let text = refusal::<AcceptanceAct>(value);
    assert!(
        text.starts_with("restore.invalid: cannot restore Signatory: name: "),
        "{text}"
    );
    let draft = DraftAcceptanceAct::new(
        support::seller(),
        support::company(),
        support::day(2, 1),
        support::day(2, 28),
    );
    assert_restores(saved(&draft), &draft);
}

pub fn sample_ledger() -> ServiceLedger {
    use rust_decimal_macros::dec;
    let record = |id: &str, client: &str, hours| {
        ServiceRecord::try_new(
            id,
            client,
            "Konsultācija",
            support::quantity(hours),
            apkalpe_accounting::UnitCode::HOUR,
            support::eur(dec!(40)),
            support::vat(dec!(21)),
            support::day(3, 4),
        )
        .unwrap()
    };
    let mut ledger = ServiceLedger::new();
    ledger.record(record("S-1", "K-7", dec!(2))).unwrap();
    ledger.record(record("S-2", "K-7", dec!(1.5))).unwrap();
    ledger.record(record("S-3", "K-9", dec!(1))).unwrap();
    let billing = ledger
        .bill_client("K-7", support::seller(), support::company())
        .unwrap();
    let number = support::invoices().issue(support::day(3, 4)).unwrap();
    ledger.mark_billed(billing.record_ids(), &number).unwrap();
    ledger
}

#[test]
fn a_service_ledger_restores_each_record_once() {
    let ledger = sample_ledger();
    assert_restores(saved(&ledger), &ledger);
    let mut value = saved(&ledger);
    *at(&mut value, "/2/record/id") = json!("S-1");
    assert_refused::<ServiceLedger>(
        value,
        "restore.duplicate",
        "ServiceLedger",
        "[2].record.id",
        "\"S-1\" appears more than once",
    );
    let mut value = saved(&ledger);
    *at(&mut value, "/0/billed_by") = json!(" ");
    assert_refused::<ServiceLedger>(
        value,
        "restore.invalid",
        "ServiceLedger",
        "[0].billed_by",
        "invoice number must be 1 to 200 characters",
    );
    let mut value = saved(&ledger);
    *at(&mut value, "/0/record/unit_price") = eur("-40.00");
    let text = refusal::<ServiceLedger>(value);
    assert!(
        text.starts_with("restore.invalid: cannot restore ServiceRecord: unit_price: "),
        "{text}"
    );
    // The restored ledger still refuses to bill twice.
    let mut restored: ServiceLedger = serde_json::from_value(saved(&ledger)).unwrap();
    let number = support::invoices().issue(support::day(3, 5)).unwrap();
    assert_eq!(
        restored
            .mark_billed(&["S-1".to_owned()], &number)
            .unwrap_err()
            .code(),
        "services.already_billed"
    );
    assert_eq!(restored.billed_by("S-2"), Some("INV2026-00001"));
}

#[test]
fn a_service_billing_restores_one_line_per_record() {
    let ledger = sample_ledger();
    let mut open = ledger.clone();
    open.record(
        ServiceRecord::try_new(
            "S-4",
            "K-9",
            "Apmācība",
            support::quantity(rust_decimal_macros::dec!(3)),
            apkalpe_accounting::UnitCode::HOUR,
            support::eur(rust_decimal_macros::dec!(35)),
            support::vat(rust_decimal_macros::dec!(21)),
            support::day(3, 6),
        )
        .unwrap(),
    )
    .unwrap();
    let billing: ServiceBilling = open
        .bill_client("K-9", support::seller(), support::company())
        .unwrap();
    assert_restores(saved(&billing), &billing);
    let mut value = saved(&billing);
    *at(&mut value, "/record_ids/1") = json!("S-3");
    assert_refused::<ServiceBilling>(
        value,
        "restore.duplicate",
        "ServiceBilling",
        "record_ids[1]",
        "S-3",
    );
    let mut value = saved(&billing);
    at(&mut value, "/record_ids").as_array_mut().unwrap().pop();
    assert_refused::<ServiceBilling>(
        value,
        "restore.inconsistent",
        "ServiceBilling",
        "draft.content.lines",
        "2 lines for 1 records",
    );
    let mut value = saved(&billing);
    *at(&mut value, "/draft/content/supply_date") = Value::Null;
    assert_refused::<ServiceBilling>(
        value,
        "restore.missing",
        "ServiceBilling",
        "draft.content.supply_date",
        "latest record",
    );
    let mut value = saved(&billing);
    *at(&mut value, "/draft/kind") = json!("advance");
    assert_refused::<ServiceBilling>(
        value,
        "restore.inconsistent",
        "ServiceBilling",
        "draft.kind",
        "on an invoice",
    );
}

// ---------------------------------------------------------------------------------------------
// Reports and small values.

#[test]
fn findings_restore_with_the_codes_apkalpe_issues() {
    let report = DraftInvoice::new(
        apkalpe_accounting::InvoiceKind::Invoice,
        support::person(),
        support::person(),
        apkalpe_core::Currency::EUR,
    )
    .validate(support::day(3, 2), &Default::default());
    assert!(!report.is_empty());
    assert_restores::<ValidationReport>(saved(&report), &report);
    let finding = Finding::new("seller.iban", "iban.checksum", "bad check digits");
    assert_restores(saved(&finding), &finding);
    assert_refused::<Finding>(
        json!({"field": "x", "code": "made.up", "message": "m"}),
        "restore.invalid",
        "Finding",
        "code",
        "\"made.up\" is not a code Apkalpe issues",
    );
}

/// A finding keeps its Latvian message under `message_lv`; a finding saved before findings had
/// one restores as it was, byte for byte, and reads in English in Latvian too.
#[test]
fn findings_keep_their_latvian_message() {
    let old = r#"{"field":"lines","code":"requisite.lines_missing","message":"a document needs at least one line"}"#;
    let finding: Finding = serde_json::from_str(old).unwrap();
    assert_eq!(serde_json::to_string(&finding).unwrap(), old);
    assert_eq!(
        finding.message_in(apkalpe_core::Language::Latvian),
        "a document needs at least one line"
    );
    let finding = finding.with_latvian("dokumentā jābūt vismaz vienai rindai");
    assert_restores(saved(&finding), &finding);
    assert_eq!(
        saved(&finding)["message_lv"],
        json!("dokumentā jābūt vismaz vienai rindai")
    );
    let old_report = format!("[{old}]");
    let report: ValidationReport = serde_json::from_str(&old_report).unwrap();
    assert_eq!(serde_json::to_string(&report).unwrap(), old_report);
    let unknown = refusal::<Finding>(
        json!({"field": "x", "code": "requisite.lines_missing", "message": "m", "message_en": "m"}),
    );
    assert!(unknown.contains("unknown field `message_en`"), "{unknown}");
}

#[test]
fn a_retention_rule_is_the_law_of_its_kind() {
    let rule: RetentionRule = DocumentKind::CashBook.retention();
    assert_restores(saved(&rule), &rule);
    let mut value = saved(&rule);
    *at(&mut value, "/minimum_years") = json!(5);
    assert_refused::<RetentionRule>(
        value,
        "restore.inconsistent",
        "RetentionRule",
        "minimum_years",
        "saved 5, the rule for cash_book is 10",
    );
}

#[test]
fn lines_and_signatories_restore_through_their_constructors() {
    let line: InvoiceLine = support::several_rates()
        .content()
        .lines()
        .first()
        .unwrap()
        .clone();
    assert_restores(saved(&line), &line);
    let mut value = saved(&line);
    *at(&mut value, "/seller_item_id") = json!("");
    assert_refused::<InvoiceLine>(
        value,
        "restore.invalid",
        "InvoiceLine",
        "seller_item_id",
        "seller item id must be",
    );
    assert_refused::<ItemLine>(
        json!({"item": " ", "quantity": "1", "unit": "H87"}),
        "restore.invalid",
        "ItemLine",
        "item",
        "item name must be",
    );
    assert_refused::<Signatory>(
        json!({"name": "Anna", "position": ""}),
        "restore.invalid",
        "Signatory",
        "position",
        "signatory position must be",
    );
    let business = json!({"name": "SIA Apkalpe", "registration_number": "40003521600"});
    assert_refused::<DraftCashOrder>(
        json!({"business": business, "direction": "receipt",
               "counterparty": {"kind": "omitted", "bank_deposit": null},
               "basis": "", "amount": eur("1.00"), "cashier": "Kasiere"}),
        "restore.invalid",
        "DraftCashOrder",
        "basis",
        "basis must be",
    );
    // Saved before issue 15, without the business: its name and registration number are
    // requisites (MK 625 p. 3).
    assert_refused::<DraftCashOrder>(
        json!({"direction": "receipt", "counterparty": {"kind": "omitted", "bank_deposit": null},
               "basis": "Ieņēmumi", "amount": eur("1.00"), "cashier": "Kasiere"}),
        "restore.missing",
        "DraftCashOrder",
        "business",
        "MK 625 p. 3",
    );
    assert_refused::<apkalpe_accounting::CashBusiness>(
        json!({"name": "SIA Apkalpe", "registration_number": "40003521600",
               "taxpayer_code": "161175-19997"}),
        "restore.inconsistent",
        "CashBusiness",
        "registration_number",
        "one of the two",
    );
    assert_refused::<apkalpe_accounting::CashBusiness>(
        json!({"name": " ", "registration_number": "40003521600"}),
        "restore.invalid",
        "CashBusiness",
        "name",
        "business name must be",
    );
}

// ---------------------------------------------------------------------------------------------
// Restore errors in Latvian (decision 0007).

/// Every restore error the crate builds with a reason of its own gives that reason in Latvian
/// too (`with_latvian_reason`), and the English refusals stay as they were. serde carries a
/// refusal as its English text only, so the Latvian messages of these same refusals are
/// checked beside the saved forms they restore (the `restore_reasons_are_written_in_latvian_too`
/// unit tests of `batch.rs`, `cash/book.rs`, `goods/receipt.rs` and `error.rs`).
#[test]
fn restore_reasons_are_written_in_latvian_too() {
    apkalpe_testkit::source::assert_restore_reasons_in_latvian(env!("CARGO_MANIFEST_DIR"));
    // The refusals whose Latvian messages the unit tests check, through the public Deserialize.
    let batch = sample_batch();
    let mut value = saved(&batch.entries()[0]);
    *at(&mut value, "/gross") = eur("279.92");
    assert_eq!(
        refusal::<BatchEntry>(value),
        "restore.inconsistent: cannot restore BatchEntry: gross: saved 279.92 EUR, \
         net 238.18 EUR and vat 41.73 EUR give 279.91 EUR"
    );
    let (book, ..) = sample_book();
    let mut value = saved(&book.entries()[1]);
    *at(&mut value, "/balance") = eur("-0.01");
    assert_eq!(
        refusal::<CashBookEntry>(value),
        "restore.inconsistent: cannot restore CashBookEntry: balance: -0.01 EUR is below zero"
    );
    let note = sample_receipt_note();
    let mut value = saved(&note.lines()[0]);
    *at(&mut value, "/order_line") = json!(0);
    assert_eq!(
        refusal::<ReceiptLine>(value),
        "restore.inconsistent: cannot restore ReceiptLine: order_line: order lines are \
         numbered from 1"
    );
    assert_eq!(
        refusal::<Finding>(json!({"field": "x", "code": "made.up", "message": "m"})),
        "restore.invalid: cannot restore Finding: code: \"made.up\" is not a code Apkalpe \
         issues [finding.unknown_code]"
    );
}

// ---------------------------------------------------------------------------------------------
// The saved forms, as integrators store them.

#[test]
fn saved_forms() {
    let (_, final_invoice) = support::prepayment();
    assert_eq!(
        saved(&final_invoice)["totals"]["amount_due"],
        eur("1185.80")
    );
    insta::assert_json_snapshot!("saved__issued_invoice", final_invoice);
    let (_, note) = support::returned_item();
    assert_eq!(
        saved(&note)["credited"],
        json!([{"original_line": 1, "quantity": "1"}])
    );
    insta::assert_json_snapshot!("saved__issued_credit_note", note);
    let (book, ..) = sample_book();
    assert_eq!(saved(&book)["balance"], eur("7.97"));
    insta::assert_json_snapshot!("saved__cash_book", book);
    let batch = sample_batch();
    assert_eq!(saved(&batch)["entries"].as_array().unwrap().len(), 3);
    insta::assert_json_snapshot!("saved__accounting_batch", batch);
    let ledger = sample_ledger();
    assert_eq!(saved(&ledger)[0]["billed_by"], json!("INV2026-00001"));
    insta::assert_json_snapshot!("saved__service_ledger", ledger);
    let waybill = sample_waybill();
    assert_eq!(saved(&waybill)["value"], eur("183.96"));
    insta::assert_json_snapshot!("saved__waybill", waybill);
    let note = sample_receipt_note();
    assert_eq!(saved(&note)["lines"][0]["short"], json!("2"));
    insta::assert_json_snapshot!("saved__goods_receipt_note", note);
    let act = sample_act();
    assert_eq!(saved(&act)["value"], eur("1000.00"));
    insta::assert_json_snapshot!("saved__acceptance_act", act);
}
