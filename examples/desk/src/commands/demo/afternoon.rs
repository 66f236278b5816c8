//! Steps 6–10 of the day: the invoice and waybill, the complaint and credit note, the bank,
//! the survey and the close.

use std::collections::BTreeSet;

use apkalpe_accounting::{
    AccountMapping, PayeeOmission, render_credit_note_in, render_invoice_in, render_waybill_in,
    write_ubl_credit_note, write_ubl_invoice,
};
use apkalpe_clients::ClientId;
use apkalpe_core::{
    CentsStyle, CreditorReference, Currency, Language, Money, WordsOptions, amount_in_words,
};
use apkalpe_documents::{
    AnswerRules, ArchivePolicy, Channel as SubmissionChannel, CountingRule, DeadlineRegime,
    NewSubmission, OpenSubmission, SubmissionKind, destruction_list, transfer_list,
};
use apkalpe_payments::{IdempotencyKey, PaymentRequest, ReceivableStatus, Remittance};
use chrono::{Datelike, Duration, NaiveDate};
use rust_decimal::Decimal;

use super::super::statement::{Entry, camt053};
use super::morning::{case_title, consented_to_surveys};
use super::{StepResult, Story};
use crate::office::{CashFlow, CashParty, Operation, Outcome};

/// The survey of the day: short, three questions (T5.7).
const SURVEY: &str = r#"{
  "id": "desk-visit",
  "title": {"lv": "Apmeklējums klientu centrā", "en": "Your visit to our service desk"},
  "questions": [
    {"id": "satisfaction", "text": {"lv": "Cik apmierināts esat ar apkalpošanu?", "en": "How satisfied are you with the service?"},
     "required": true, "kind": {"type": "rating", "scale": 5}},
    {"id": "nps", "text": {"lv": "Cik ticami, ka ieteiksiet mūs draugam?", "en": "How likely are you to recommend us to a friend?"},
     "required": true, "kind": {"type": "nps"}}
  ]
}
"#;

/// Step 6: the invoice for the order, its UBL e-invoice, RF reference and EPC QR code, and
/// the waybill for the goods.
pub(super) fn invoice(story: &mut Story<'_, '_>) -> StepResult {
    let company = story.facts.company.ok_or("no company was registered")?;
    let (reference, lines, dispatch) = story.facts.order.clone().ok_or("no order was taken")?;
    let Outcome::Invoice(issued) = story.apply(
        &Operation::IssueInvoice {
            client: company,
            lines: lines.clone(),
            due_in_working_days: 10,
        },
        12,
        0,
    )?
    else {
        return Err("issuing the invoice produced no invoice".into());
    };
    let (invoice, filed) = (issued.document, issued.filed);
    let number = invoice.number().as_str().to_owned();
    story.facts.invoice = Some(number.clone());
    story.out.line(&format!(
        "The invoice for order {reference}, issued with the next number of its series and filed in case {}:",
        filed.case
    ));
    let text = render_invoice_in(&invoice, Language::Latvian)?;
    story.out.block(&text);
    story.out.keep("invoice.txt", text);
    let xml = write_ubl_invoice(&invoice)?;
    story.out.line(&format!(
        "Its UBL 2.1 e-invoice (EN 16931, Peppol BIS 3) has {} lines of XML; CI checks such files with the official rules.",
        xml.lines().count()
    ));
    story.out.keep("invoice.xml", xml);
    let rf = CreditorReference::from_payment_reference(&number.replace('-', ""))?;
    story.out.line(&format!(
        "Payment reference for the bank: {rf} ({}).",
        rf.print_form()
    ));
    let seller = story.store.office().seller()?;
    let iban = *seller.iban().ok_or("the seller has no account")?;
    let request = PaymentRequest::try_new(
        seller.name(),
        iban,
        None,
        invoice.totals().amount_due(),
        Remittance::from_parts(Some(rf.as_str()), None)?,
    )?;
    let payload = request.epc_payload()?;
    story
        .out
        .line("The invoice carries an EPC QR code for the bank app; its payload:");
    story.out.block(&payload);
    story.out.keep("epc-qr.txt", payload);
    story.out.keep("epc-qr.svg", request.epc_svg()?);
    for language in [Language::English, Language::Russian] {
        let words = amount_in_words(
            &invoice.totals().amount_due(),
            language,
            &WordsOptions::default().with_cents(CentsStyle::Words),
        )?;
        story
            .out
            .line(&format!("Amount due in words ({language}): {words}"));
    }

    let vehicle = story.cast.vehicle.clone();
    let Outcome::Waybill { waybill, filed, .. } = story.apply(
        &Operation::IssueWaybill {
            invoice: number,
            vehicle,
            dispatch,
            order: Some(reference.clone()),
        },
        12,
        10,
    )?
    else {
        return Err("issuing the waybill produced no waybill".into());
    };
    story.out.line(&format!(
        "The goods leave with waybill {}, filed with the invoice in case {}:",
        waybill.number().as_str(),
        filed.case
    ));
    let text = render_waybill_in(&waybill, Language::Latvian);
    story.out.block(&text);
    story.out.keep("waybill.txt", text);
    let stock = story.store.office().catalogue().stock();
    let left: Vec<String> = lines
        .iter()
        .filter_map(|line| {
            let sku: apkalpe_catalogue::Sku = line.sku.parse().ok()?;
            Some(format!("{sku} {} on hand", stock.on_hand(&sku)))
        })
        .collect();
    story.out.line(&format!(
        "Order {reference}'s reservations are fulfilled: the goods leave stock ({}).",
        left.join(", ")
    ));
    Ok(())
}

/// Step 7: the person's complaint registered with its deadline and answered, the card
/// refunded, and a credit note for goods the company returns.
pub(super) fn complaint(story: &mut Story<'_, '_>) -> StepResult {
    let today = story.today;
    let person = story.facts.person.ok_or("no person was registered")?;
    let mut sale = story
        .facts
        .card_sale
        .take()
        .ok_or("nothing was sold by card")?;
    let text = format!(
        "{} (čeks Nr. {:08}, samaksāts ar karti) salūza jau pirmajā lietošanas reizē. Lūdzu atmaksāt naudu.",
        sale.item, sale.receipt
    );
    let Outcome::Complaint { filed, due } = story.apply(
        &Operation::RegisterComplaint {
            client: person,
            text: text.clone(),
            invoice: None,
        },
        13,
        0,
    )?
    else {
        return Err("registering the complaint produced no complaint".into());
    };
    story.out.line(&format!(
        "A consumer complaint, registered as {} in the incoming register and filed in case {}:",
        filed.number, filed.case
    ));
    story.out.block(&text);
    // The same deadline, with the rule behind it, straight from the documents crate.
    let calendar = story.store.office().calendar().clone();
    let open = OpenSubmission::register(
        NewSubmission {
            number: filed.number.clone(),
            kind: SubmissionKind::Reclamation,
            received_on: today,
            channel: SubmissionChannel::InPerson,
            client_id: person.to_string(),
            invoice_number: None,
            summary: "Bojāta prece".into(),
        },
        DeadlineRegime::Consumer,
        &AnswerRules::latvia(),
        &calendar,
    )?;
    story.out.line(&format!("The answer is due by {due}:"));
    for line in open.deadline().lines().iter().skip(1) {
        story.out.line(&format!("  {line}"));
    }

    let answer = format!(
        "Jūsu pretenzija ir apmierināta: {} atmaksāti uz karti {}. Atvainojamies par sagādātajām neērtībām.",
        sale.amount, sale.masked
    );
    let Outcome::Answer {
        filed,
        letter,
        in_time,
    } = story.apply(
        &Operation::AnswerComplaint {
            number: filed.number.clone(),
            accepted: true,
            text: answer,
        },
        13,
        30,
    )?
    else {
        return Err("answering produced no letter".into());
    };
    story.out.line(&format!(
        "Answered the same day by letter {} ({}in time), filed in the same case:",
        filed.number,
        if in_time { "" } else { "not " }
    ));
    story.out.block(&letter);
    story.out.keep("reply-letter.txt", letter);

    sale.payment.refund(
        &mut sale.terminal,
        sale.amount,
        &IdempotencyKey::try_new("demo-card-refund-1")?,
    )?;
    let Outcome::Receipt(refund, _) = story.apply(
        &Operation::Refund {
            receipt: sale.receipt,
            line: 1,
            card: Some(sale.masked.clone()),
        },
        13,
        35,
    )?
    else {
        return Err("the refund produced no receipt".into());
    };
    let identity = crate::office::register_identity()?;
    story.out.line(&format!(
        "The terminal refunds {} to {} (refunded in all: {}); the return receipt:",
        sale.amount,
        sale.masked,
        sale.payment.refunded()
    ));
    story.out.block(&refund.render(&identity));
    story
        .out
        .keep("receipt-4-return.txt", refund.render(&identity));

    // The company sends some of the second line back: a credit note, never a negative invoice.
    let number = story.facts.invoice.clone().ok_or("no invoice was issued")?;
    let invoiced = story
        .store
        .invoice(&number)?
        .and_then(|invoice| {
            invoice
                .content()
                .lines()
                .get(1)
                .map(|line| line.quantity().value())
        })
        .ok_or("the invoice has no second line")?;
    let returned = Decimal::from(story.cast.returned).min(invoiced);
    let returned = u32::try_from(returned.trunc().mantissa())
        .unwrap_or(1)
        .max(1);
    let Outcome::CreditNote(issued) = story.apply(
        &Operation::IssueCreditNote {
            invoice: number.clone(),
            line: 2,
            quantity: returned,
            reason: "Bojāts pārvadājumā, atgriezts".into(),
        },
        14,
        0,
    )?
    else {
        return Err("issuing the credit note produced no credit note".into());
    };
    let (note, filed) = (issued.document, issued.filed);
    story.out.line(&format!(
        "{returned} unit(s) of the invoice's second line come back damaged: credit note {}, linked to {number} and filed in case {}:",
        note.number().as_str(),
        filed.case
    ));
    let text = render_credit_note_in(&note, Language::Latvian)?;
    story.out.block(&text);
    story.out.keep("credit-note.txt", text);
    let xml = write_ubl_credit_note(&note)?;
    story.out.line(&format!(
        "Its UBL credit note has {} lines of XML; it settles {} of the invoice, {} is still open.",
        xml.lines().count(),
        note.totals().amount_due(),
        story.store.office().ledger().open(&number)?
    ));
    story.out.keep("credit-note.xml", xml);
    Ok(())
}

/// The status of a receivable in words.
fn status_text(status: ReceivableStatus) -> String {
    match status {
        ReceivableStatus::Open => "open".to_owned(),
        ReceivableStatus::PartlyPaid => "partly paid".to_owned(),
        ReceivableStatus::Paid => "paid".to_owned(),
        ReceivableStatus::Overdue { days } => format!("overdue {days} days"),
    }
}

/// Step 8: the bank's camt.053 statement, built to pay the day's invoice by its RF
/// reference, reconciled; the receivables, and a reminder for each debtor with something
/// overdue.
pub(super) fn bank(story: &mut Story<'_, '_>) -> StepResult {
    let today = story.today;
    let number = story.facts.invoice.clone().ok_or("no invoice was issued")?;
    let office = story.store.office();
    let ledger = office.ledger();
    let receivable = ledger.get(&number).ok_or("the invoice has no receivable")?;
    let open = ledger.open(&number)?;
    let paid = if story.cast.paid_in_full {
        open
    } else {
        open.allocate_evenly(2)?
            .first()
            .copied()
            .ok_or("the open amount cannot be halved")?
    };
    let eur = |cents| Money::new(Decimal::new(cents, 2), Currency::EUR);
    let entries = [
        Entry {
            amount: paid,
            credit: true,
            party: Some(receivable.debtor().to_owned()),
            reference: receivable.reference().cloned(),
            text: None,
        },
        Entry {
            amount: eur(8_470),
            credit: true,
            party: Some("Līga Ozoliņa".into()),
            reference: None,
            text: Some("par novembri".into()),
        },
        Entry {
            amount: eur(250),
            credit: false,
            party: None,
            reference: None,
            text: Some("Konta apkalpošanas komisija".into()),
        },
    ];
    let seller = office.seller()?;
    let iban = seller.iban().ok_or("the seller has no account")?;
    let xml = camt053(iban, seller.name(), today, eur(1_000_000), &entries);
    story.out.line(&format!(
        "The bank's camt.053 statement for {today}: {} entries. {} pays {paid} with the reference {}.",
        entries.len(),
        receivable.debtor(),
        receivable
            .reference()
            .map_or_else(|| "(none)".to_owned(), ToString::to_string)
    ));
    story.out.keep("statement-camt053.xml", xml.clone());
    let Outcome::Reconciled(report) = story.apply(&Operation::ApplyStatement { xml }, 15, 0)?
    else {
        return Err("the statement produced no reconciliation".into());
    };
    story
        .out
        .line("Reconciled with the open receivables (structured reference first):");
    story.out.block(&report.render_table());
    story.out.keep("reconciliation.txt", report.render_table());
    story.out.keep(
        "reconciliation.json",
        serde_json::to_string_pretty(&report)?,
    );

    let ledger = story.store.office().ledger();
    let mut table = format!(
        "{:<16}{:<28}{:>14}{:>14}  {:<12}{}\n",
        "invoice", "debtor", "amount", "open", "due", "status"
    );
    let mut overdue = BTreeSet::new();
    for receivable in ledger.receivables() {
        let status = ledger.status(receivable.number(), today)?;
        if matches!(status, ReceivableStatus::Overdue { .. }) {
            overdue.insert(receivable.debtor().to_owned());
        }
        table.push_str(&format!(
            "{:<16}{:<28}{:>14}{:>14}  {:<12}{}\n",
            receivable.number(),
            receivable.debtor(),
            receivable.amount().to_string(),
            ledger.open(receivable.number())?.to_string(),
            receivable.due_date().to_string(),
            status_text(status)
        ));
    }
    story.out.line("The receivables after the statement:");
    story.out.block(&table);
    if overdue.is_empty() {
        story
            .out
            .line("Nothing is overdue today: no reminder is due.");
    }
    for (position, debtor) in overdue.iter().enumerate() {
        let reminder = ledger.reminder(debtor, today)?;
        story.out.line(&format!(
            "{debtor} has {} overdue: a payment reminder (T4.5):",
            reminder.total_overdue()
        ));
        story.out.block(&reminder.render());
        let name = if position == 0 {
            "reminder.txt".to_owned()
        } else {
            format!("reminder-{}.txt", position.saturating_add(1))
        };
        story.out.keep(&name, reminder.render());
    }
    Ok(())
}

/// Step 9: the survey's answers (from clients who consented, and anonymous ones) aggregated,
/// the report filed and the detractors listed.
pub(super) fn survey(story: &mut Story<'_, '_>) -> StepResult {
    let office = story.store.office();
    let mut csv = String::from("response_id,client_id,segment,question_id,answer\n");
    let mut count = 0_usize;
    let mut asked_clients = 0_usize;
    let mut not_asked = Vec::new();
    let clients = [
        (story.facts.person, "retail"),
        (story.facts.company, "business"),
        (story.facts.regular, "business"),
    ];
    for ((client, segment), (satisfaction, nps)) in clients.iter().zip(story.cast.client_scores) {
        let Some(client) = client else { continue };
        // Only clients who consented to surveys are asked (GDPR art. 6(1)(a)).
        if !consented_to_surveys(office, *client) {
            if let Some(found) = office.registry().get(ClientId::new(*client)) {
                not_asked.push(found.display_name());
            }
            continue;
        }
        count = count.saturating_add(1);
        asked_clients = asked_clients.saturating_add(1);
        csv.push_str(&format!(
            "r{count:02},{client},{segment},satisfaction,{satisfaction}\nr{count:02},{client},{segment},nps,{nps}\n"
        ));
    }
    for (satisfaction, nps) in &story.cast.anonymous_scores {
        count = count.saturating_add(1);
        csv.push_str(&format!(
            "r{count:02},,retail,satisfaction,{satisfaction}\nr{count:02},,retail,nps,{nps}\n"
        ));
    }
    story.out.line(&format!(
        "The survey \"Apmeklējums klientu centrā\" (2 questions) has {count} answers: {asked_clients} from registered clients who consented, {} anonymous.",
        count.saturating_sub(asked_clients)
    ));
    if !not_asked.is_empty() {
        story.out.line(&format!(
            "Not asked, for want of consent to surveys: {}.",
            not_asked.join(", ")
        ));
    }
    story.out.keep("survey.json", SURVEY.to_owned());
    story.out.keep("survey-responses.csv", csv.clone());
    let Outcome::SurveyReport {
        filed,
        stats,
        detractors,
        text,
    } = story.apply(
        &Operation::FileSurveyReport {
            survey: SURVEY.into(),
            responses: csv,
        },
        16,
        0,
    )?
    else {
        return Err("filing the survey produced no report".into());
    };
    story.out.block(&stats.to_string());
    story.out.line(&format!(
        "Detractors (NPS 0–6) to call back: {}.",
        detractors.len()
    ));
    let office = story.store.office();
    let mut list = String::from("response_id,score,client\n");
    for row in &detractors {
        let who = row
            .client
            .and_then(|id| office.registry().get(id))
            .map_or_else(
                || "anonymous: no contact".to_owned(),
                |client| client.display_name(),
            );
        story
            .out
            .line(&format!("  {}  NPS {:>2}  {who}", row.response, row.score));
        list.push_str(&format!(
            "{},{},\"{}\"\n",
            row.response,
            row.score,
            who.replace('"', "\"\"")
        ));
    }
    let title = case_title(office, &filed.case, filed.date.year());
    story.out.line(&format!(
        "The report {} is registered and filed in case {} \"{title}\".",
        filed.number, filed.case
    ));
    story.out.keep("survey-report.txt", text);
    story.out.keep("detractors.csv", list);
    Ok(())
}

/// Step 10: the shift closed with its Z report, the accounting batch checked and exported,
/// every document shown in its case, and the archive list with its rule.
pub(super) fn close_day(story: &mut Story<'_, '_>) -> StepResult {
    let today = story.today;
    // The advance paid in cash leaves the drawer for the bank: a cash disbursement order
    // that names no payee (MK 625 p. 4).
    if let Some((number, amount)) = story.facts.advance.clone() {
        let Outcome::CashOrder(order) = story.apply(
            &Operation::CashOrder {
                direction: CashFlow::Out,
                amount,
                party: CashParty::Omitted(PayeeOmission::BankDeposit),
                basis: format!("Iemaksa bankā (avanss, {number})"),
                invoice: None,
            },
            17,
            45,
        )?
        else {
            return Err("the cash order produced no order".into());
        };
        story.out.line(&format!(
            "Before the count, the advance goes to the bank: a cash disbursement order (KIzO) in its own series, with no payee named, filed in case {}:",
            order.filed.case
        ));
        story.out.block(&order.text);
        story
            .out
            .keep("cash-disbursement-order.txt", order.text.clone());
    }
    let counted = story.store.office().drawer();
    let Outcome::ShiftClosed(z, filed) = story.apply(&Operation::CloseShift { counted }, 18, 0)?
    else {
        return Err("closing the shift produced no Z report".into());
    };
    story.out.line(&format!(
        "The drawer is counted ({}) and the shift closed; the Z report, filed in case {}:",
        counted.total(),
        filed.case
    ));
    story.out.block(&z.render());
    story.out.keep("z-report.txt", z.render());

    // The day's primary documents for the accountant (T4.7), checked and exported (T4.8).
    let batch = story.store.accounting_batch(today, today)?;
    let check = batch.check(None);
    let codes = check.codes();
    story.out.line(&format!(
        "The accounting batch of {today}: {} documents; completeness check: {}.",
        batch.entries().len(),
        if codes.is_empty() {
            "no gap, duplicate or credit note without its invoice".to_owned()
        } else {
            codes.join(", ")
        }
    ));
    let journal = batch.journal_csv(&AccountMapping::default())?;
    story
        .out
        .line("The journal export for the accounting software (waybills are not posted):");
    story.out.block(&journal);
    story.out.keep("journal.csv", journal);
    story.out.keep(
        "accounting-check.txt",
        format!(
            "{} documents; findings: {}\n",
            batch.entries().len(),
            codes.len()
        ),
    );

    // Every document in its case, and in exactly one.
    let mut table = format!("{:<6}{:<18}{:<25}{}\n", "case", "number", "kind", "date");
    let mut csv = String::from("case,number,kind,date\n");
    let mut misfiled = 0_usize;
    let office = story.store.office();
    let filed_documents = story.store.filed()?;
    for filed in &filed_documents {
        let holding = office
            .cases()
            .filter(|case| case.documents().contains(&filed.id))
            .count();
        if holding != 1 {
            misfiled = misfiled.saturating_add(1);
        }
        table.push_str(&format!(
            "{:<6}{:<18}{:<25}{}\n",
            filed.case.to_string(),
            filed.number,
            filed.kind,
            filed.date
        ));
        csv.push_str(&format!(
            "{},{},{},{}\n",
            filed.case, filed.number, filed.kind, filed.date
        ));
    }
    story.out.line(&format!(
        "Every document of the desk, filed in its case ({} documents, {}):",
        filed_documents.len(),
        if misfiled == 0 {
            "each in exactly one case".to_owned()
        } else {
            format!("{misfiled} not in exactly one case")
        }
    ));
    story.out.block(&table);
    story.out.keep("filed-documents.csv", csv);
    let registers: String = office
        .registers()
        .iter()
        .map(|register| register.render_day(today))
        .collect();
    let registered = filed_documents
        .iter()
        .filter(|filed| filed.kind == "complaint")
        .count();
    let answered = registered.saturating_sub(office.open_complaints().count());
    story.out.line(&format!(
        "The cash register issued {} receipts; complaints: {registered} registered, {answered} answered.",
        story.store.tally()?.receipts,
    ));
    // The store keeps the same filing in SQL, for integrators' reports.
    let by_case = story.store.documents_per_case()?;
    let office = story.store.office();
    story.out.line(&format!(
        "Asked in SQL, the store's documents table agrees: {}.",
        by_case.join(", ")
    ));
    story.out.line("The day's registers:");
    story.out.block(&registers);
    story.out.keep("registers.txt", registers);

    // The archive (T3.4): what is due today, and what becomes of this year's cases.
    let year = today.year();
    let year_end = NaiveDate::from_ymd_opt(year, 12, 31).ok_or("no year end")?;
    let policy = ArchivePolicy::default();
    let closed: Vec<_> = office
        .cases()
        .filter(|case| case.year() == year)
        .map(|case| case.clone().close(year_end, None, CountingRule::default()))
        .collect::<Result<_, _>>()?;
    let closed_today: Vec<_> = office
        .cases()
        .filter(|case| case.year() < year)
        .map(|case| {
            let end = NaiveDate::from_ymd_opt(case.year(), 12, 31).unwrap_or(today);
            case.clone().close(end, None, CountingRule::default())
        })
        .collect::<Result<_, _>>()?;
    let due_today = transfer_list("SIA Apkalpe", &closed_today, today, policy);
    let destroy_today = destruction_list(&closed_today, today);
    story.out.line(&format!(
        "Cases due for the archive today: {} to transfer, {} to destroy (this year's cases stay open until {year_end}).",
        due_today.entries().len(),
        destroy_today.due().len()
    ));
    story.out.line(&format!(
        "The rule (docs/sources.md §5b): a case closes at the end of its year; long-term and permanent cases go to the National Archives from {} year(s) after (paper within 15 years, electronic records within 5, MK 282); short-term ones are destroyed when their retention ends.",
        policy.transfer_after_years
    ));
    let next_year = NaiveDate::from_ymd_opt(year.saturating_add(1), 1, 1).ok_or("no next year")?;
    let transfer = transfer_list("SIA Apkalpe", &closed, next_year, policy);
    if transfer.entries().is_empty() {
        story.out.line(&format!(
            "Closed on {year_end}, none of this year's cases would go to the archive on {next_year}: they are all short-term (destroyed when their retention ends)."
        ));
    } else {
        story.out.line(&format!(
            "Closed on {year_end}, this year's cases would give this transfer list on {next_year}:"
        ));
        story.out.block(&transfer.render_text());
    }
    let mut archive = transfer.render_text();
    let mut schedule = format!(
        "{:<6}{:<46}{:<12}{:<11}{:>5}  {}\n",
        "case", "title", "retention", "category", "docs", "may be destroyed from"
    );
    for case in &closed {
        let destroy_from = case
            .retention_ends_on()
            .and_then(|end| end.checked_add_signed(Duration::days(1)));
        // Ask the crate, on that day, whether the case is indeed due.
        let confirmed = destroy_from.is_some_and(|day| {
            destruction_list(std::slice::from_ref(case), day)
                .due()
                .len()
                == 1
        });
        schedule.push_str(&format!(
            "{:<6}{:<46}{:<12}{:<11}{:>5}  {}\n",
            case.index().to_string(),
            case.title(),
            case.retention().to_string(),
            case.category().latvian_name(),
            case.documents().len(),
            match (destroy_from, confirmed) {
                (Some(day), true) => day.to_string(),
                (Some(day), false) => format!("{day} (held)"),
                (None, _) => "never (permanent)".to_owned(),
            }
        ));
    }
    story.out.line("and this destruction schedule:");
    story.out.block(&schedule);
    archive.push('\n');
    archive.push_str(&schedule);
    story.out.keep("archive.txt", archive);
    Ok(())
}
