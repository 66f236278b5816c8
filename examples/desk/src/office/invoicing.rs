//! Invoicing (apkalpe-accounting): invoices priced from the catalogue or from a draft, credit
//! notes, their receivables, their printed text and UBL e-invoice, and the accounting batch
//! (T4.6–T4.8).

use apkalpe_accounting::{
    AccountingBatch, AccountingError, BatchEntry, CashOrder, CreditedLine,
    DocumentKind as AccountingDocumentKind, DraftCreditNote, DraftInvoice, InvoiceDraftInput,
    InvoiceKind, InvoiceLine, IssueOptions, IssuedCreditNote, IssuedInvoice, LineVat,
    Quantity as InvoiceQuantity, UnitCode, Waybill, render_credit_note_in, render_invoice_in,
    write_ubl_credit_note, write_ubl_invoice,
};
use apkalpe_catalogue::{Quantity as CatalogueQuantity, Sku};
use apkalpe_clients::ClientId;
use apkalpe_core::{
    CreditorReference, Currency, Language, Money, NumberPattern, NumberSeries, Period, YearReset,
};
use apkalpe_payments::{AllocationTarget, IncomingPayment, Receivable};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use uuid::Uuid;

use super::{
    CREDIT_NOTE_SERIES, History, INVOICE_SERIES, InvoiceFile, Issued, ItemLine, Office,
    OfficeError, Outcome, cases, config, input,
};

/// A document of the accounting batch, as the store's history gives it.
#[derive(Debug, Clone)]
pub(crate) enum Booked {
    /// An issued invoice.
    Invoice(IssuedInvoice),
    /// An issued credit note.
    CreditNote(IssuedCreditNote),
    /// An issued waybill.
    Waybill(Waybill),
    /// An issued cash order (KIO or KIzO).
    CashOrder(CashOrder),
}

/// The accounting batch of the days `from..=to` (T4.7): every invoice, credit note, waybill
/// and cash order of `documents` issued in the period, with the invoices `earlier` (issued before
/// it) named so that a credit note of this period finds its invoice.
/// [`AccountingBatch::check`] then finds gaps, duplicates and credit notes without their
/// invoice, and [`AccountingBatch::journal_csv`] writes the journal for the accounting
/// software (T4.8).
///
/// # Errors
///
/// [`OfficeError::Accounting`] for a period that ends before it starts.
pub(crate) fn accounting_batch(
    from: NaiveDate,
    to: NaiveDate,
    documents: impl IntoIterator<Item = Booked>,
    earlier: impl IntoIterator<Item = String>,
) -> Result<AccountingBatch, OfficeError> {
    let mut batch = AccountingBatch::try_new(from, to)?;
    let within = |date: NaiveDate| from <= date && date <= to;
    for number in earlier {
        batch.add_earlier_invoice(&number);
    }
    for document in documents {
        match document {
            Booked::Invoice(invoice) if within(invoice.issue_date()) => {
                batch.add(BatchEntry::from(&invoice));
            }
            Booked::CreditNote(note) if within(note.issue_date()) => {
                batch.add(BatchEntry::from(&note));
            }
            Booked::CashOrder(order) if within(order.date()) => {
                batch.add(BatchEntry::from(&order));
            }
            Booked::Waybill(waybill) if within(waybill.issue_date()) => {
                let net = waybill.value().unwrap_or(Money::zero(Currency::EUR));
                batch.add(BatchEntry::new(
                    AccountingDocumentKind::Waybill,
                    waybill.number().clone(),
                    waybill.issue_date(),
                    waybill.receiver().name(),
                    net,
                    Money::zero(Currency::EUR),
                )?);
            }
            _ => {}
        }
    }
    Ok(batch)
}

/// The UBL e-invoice of a document, or an empty text when its buyer has no electronic
/// address (a consumer, who gets the invoice on paper or as PDF: Peppol BIS 3 needs an
/// endpoint, `ubl.endpoint_missing`). Any other failure refuses the document.
fn e_invoice(written: Result<String, AccountingError>) -> Result<String, OfficeError> {
    match written {
        Ok(xml) => Ok(xml),
        Err(error)
            if !error.findings().is_empty()
                && error
                    .findings()
                    .iter()
                    .all(|finding| finding.code() == "ubl.endpoint_missing") =>
        {
            Ok(String::new())
        }
        Err(error) => Err(error.into()),
    }
}

impl Office {
    /// The number series `id` as it stands (a copy: one series is a few numbers), or a new
    /// one with `pattern`.
    pub(super) fn take_series(&self, id: &str, pattern: &str) -> Result<NumberSeries, OfficeError> {
        let pattern: NumberPattern = pattern.parse().map_err(input("pattern"))?;
        match self.series.get(id) {
            Some(series) if series.pattern() == &pattern => Ok(series.clone()),
            Some(series) => Err(OfficeError::Input {
                field: "series",
                message: format!(
                    "number series {id:?} has pattern {:?}, not {:?}",
                    series.pattern().to_string(),
                    pattern.to_string()
                ),
                latvian: format!(
                    "numuru sērijai {id:?} ir veidne {:?}, nevis {:?}",
                    series.pattern().to_string(),
                    pattern.to_string()
                ),
            }),
            None => {
                let reset = if pattern.has_year() {
                    YearReset::EachYear
                } else {
                    YearReset::Never
                };
                Ok(NumberSeries::try_new(id, pattern, reset)?)
            }
        }
    }

    /// [`super::Operation::IssueInvoice`]: the client's invoice priced from the catalogue,
    /// due in working days.
    pub(super) fn issue_invoice(
        &mut self,
        client: Uuid,
        lines: &[ItemLine],
        due_in: u32,
        today: NaiveDate,
        history: &dyn History,
    ) -> Result<Outcome, OfficeError> {
        let (buyer, debtor) = self.buyer(client)?;
        let config = config()?;
        let due = config
            .calendar
            .deadline(today, Period::WorkingDays(due_in))?
            .date();
        let mut draft = DraftInvoice::new(
            InvoiceKind::Invoice,
            config.seller.clone(),
            buyer,
            Currency::EUR,
        )
        .with_due_date(due);
        for line in lines {
            let sku: Sku = line.sku.parse().map_err(input("sku"))?;
            let quote = self.catalogue.catalogue().quote(
                &sku,
                CatalogueQuantity::from_whole(line.quantity),
                None,
                today,
            )?;
            draft.push_line(InvoiceLine::try_new(
                quote.name().get(Language::Latvian),
                InvoiceQuantity::try_new(Decimal::from(line.quantity))?,
                UnitCode::PIECE,
                quote.unit_price(),
                LineVat::standard(quote.vat_rate())?,
            )?);
        }
        let buyer = Some(ClientId::new(client));
        self.issue(draft, INVOICE_SERIES, (today, buyer), &debtor, history)
    }

    /// [`super::Operation::IssueDraftInvoice`]: an invoice from a draft JSON, as `desk
    /// invoice issue` reads it, numbered from the series given.
    pub(super) fn issue_draft_invoice(
        &mut self,
        series_id: &str,
        pattern: &str,
        draft: &str,
        date: NaiveDate,
        history: &dyn History,
    ) -> Result<Outcome, OfficeError> {
        let input: InvoiceDraftInput =
            serde_json::from_str(draft).map_err(|error| OfficeError::Input {
                field: "draft",
                message: format!(
                    "not a draft invoice (line {}, column {}): {error}",
                    error.line(),
                    error.column()
                ),
                latvian: format!(
                    "nav rēķina projekts ({}. rinda, {}. kolonna): {error}",
                    error.line(),
                    error.column()
                ),
            })?;
        let draft = DraftInvoice::try_from(input)?;
        let debtor = draft.content().buyer().name().to_string();
        self.issue(draft, (series_id, pattern), (date, None), &debtor, history)
    }

    /// Issues, books the receivable and files the invoice: all or nothing. The printed text
    /// and the UBL e-invoice are made before anything changes, so an invoice that cannot be
    /// printed (an amount too large for words) is refused, not half-issued.
    fn issue(
        &mut self,
        draft: DraftInvoice,
        (series_id, pattern): (&str, &str),
        (date, client): (NaiveDate, Option<ClientId>),
        debtor: &str,
        history: &dyn History,
    ) -> Result<Outcome, OfficeError> {
        let case = Office::case(cases::INVOICES)?;
        let mut series = self.take_series(series_id, pattern)?;
        let options = IssueOptions::default().with_rate_table(config()?.rates.clone());
        let invoice = draft.issue_with(&mut series, date, &options)?;
        let number = invoice.number().as_str().to_owned();
        if self.ledger.get(&number).is_some() || history.invoice_issued(&number)? {
            return Err(OfficeError::DuplicateNumber { number });
        }
        let text = render_invoice_in(&invoice, Language::Latvian)?;
        let ubl = e_invoice(write_ubl_invoice(&invoice))?;
        let reference = CreditorReference::from_payment_reference(&number.replace('-', ""))?;
        let due = invoice.content().due_date().unwrap_or(date);
        let receivable = Receivable::try_new(
            &number,
            debtor,
            invoice.totals().amount_due(),
            due,
            Some(reference),
        )?;
        let filing = self.prepare_filing(&case, date)?;
        // Every check passed: the receivable (its number is new to the ledger) and the
        // filing cannot be refused now.
        self.ledger
            .add(receivable)
            .map_err(|error| OfficeError::internal("booking the receivable")(error.into()))?;
        let filed = self.file(filing, number.clone(), "invoice", client)?;
        self.series.insert(series_id.to_owned(), series);
        Ok(Outcome::Invoice(Box::new(Issued {
            document: invoice,
            filed,
            text,
            ubl,
        })))
    }

    /// The issued invoice with this number and its credit notes, from the history.
    pub(super) fn invoice_file(
        &self,
        number: &str,
        history: &dyn History,
    ) -> Result<InvoiceFile, OfficeError> {
        history
            .invoice(number)?
            .map(|(invoice, credit_notes)| InvoiceFile {
                invoice,
                credit_notes,
            })
            .ok_or_else(|| OfficeError::Unknown {
                what: "invoice",
                number: number.to_owned(),
            })
    }

    /// [`super::Operation::IssueCreditNote`]: units of one invoice line credited; the note
    /// settles that much of the invoice's receivable, and what the invoice had been paid
    /// beyond it becomes the debtor's credit.
    pub(super) fn issue_credit_note(
        &mut self,
        number: &str,
        line: usize,
        quantity: u32,
        reason: &str,
        today: NaiveDate,
        history: &dyn History,
    ) -> Result<Outcome, OfficeError> {
        let file = self.invoice_file(number, history)?;
        let case = Office::case(cases::INVOICES)?;
        let mut series = self.take_series(CREDIT_NOTE_SERIES.0, CREDIT_NOTE_SERIES.1)?;
        let note = DraftCreditNote::for_lines(
            &file.invoice,
            reason,
            &[CreditedLine::new(
                line,
                InvoiceQuantity::try_new(Decimal::from(quantity))?,
            )],
        )?
        .issue(&mut series, today, &file.credit_notes)?;
        let text = render_credit_note_in(&note, Language::Latvian)?;
        let ubl = e_invoice(write_ubl_credit_note(&note))?;
        let filing = self.prepare_filing(&case, today)?;
        // The note settles that much of the invoice's receivable; a receivable settled and
        // archived long ago gives the buyer the same credit it would have given.
        let (payer, target) = match self.ledger.get(number) {
            Some(receivable) => (
                receivable.debtor().to_owned(),
                AllocationTarget::Receivable(number.to_owned()),
            ),
            None => (
                file.invoice.content().buyer().name().to_string(),
                AllocationTarget::Credit,
            ),
        };
        let payment = IncomingPayment::new(
            note.number().as_str().to_owned(),
            payer,
            note.totals().amount_due(),
            today,
        );
        // The ledger checks everything before it allocates: refused, it changed nothing.
        self.ledger.apply(&payment, &target)?;
        let filed = self.file(
            filing,
            note.number().as_str().to_owned(),
            "credit_note",
            None,
        )?;
        self.series.insert(CREDIT_NOTE_SERIES.0.to_owned(), series);
        Ok(Outcome::CreditNote(Box::new(Issued {
            document: note,
            filed,
            text,
            ubl,
        })))
    }
}
