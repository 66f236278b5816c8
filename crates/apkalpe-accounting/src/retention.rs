//! The crate's retention facts in core's one retention model (decision 0008): a
//! [`RetentionRule`] states its periods as core [`RetentionObligation`]s, so that a program
//! gathers them with the facts of the other crates in one
//! [`RetentionFacts`](apkalpe_core::RetentionFacts) and asks
//! [`decide`](apkalpe_core::RetentionFacts::decide) once.

use apkalpe_core::{
    CountingRule, RetentionError, RetentionEvent, RetentionObligation, RetentionPeriod,
    RetentionStart,
};
use chrono::NaiveDate;

use crate::credit_note::IssuedCreditNote;
use crate::document::{DocumentKind, RetentionRule};
use crate::invoice::IssuedInvoice;

impl RetentionRule {
    /// States the rule's minimum period for one document as a core obligation: the
    /// [`minimum_years`](RetentionRule::minimum_years) counted in whole years from 1 January
    /// after the document's date ([`CountingRule::FromFirstJanuaryAfter`], as the Accounting
    /// Law's periods are read), with the rule's legal basis. `record` names the document
    /// ("PVN rēķins INV2026-00001"), 1 to 200 characters on one line.
    ///
    /// A kind kept while its transaction may need tracing has a second obligation:
    /// [`RetentionRule::obligations`] gives both.
    ///
    /// # Legal basis
    ///
    /// Grāmatvedības likums art. 28 (sources §3c) \[I9\]\[I13\]: the cash book 10 years,
    /// supporting documents at least 5 years.
    ///
    /// # Errors
    ///
    /// [`RetentionError::Text`] for a blank, too long or multi-line `record`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::DocumentKind;
    /// use apkalpe_core::{RetentionFacts, RetentionVerdict};
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let book = DocumentKind::CashBook.retention().obligation("Kases grāmata 2026", day(2026, 12, 31)?)?;
    /// // Ten whole years from 1 January 2027.
    /// assert_eq!(book.ends_on()?, Some(day(2036, 12, 31)?));
    /// let decision = RetentionFacts::new().with_obligation(book).decide(day(2030, 6, 1)?)?;
    /// assert_eq!(decision.verdict(), RetentionVerdict::KeepUntil { last_day: day(2036, 12, 31)? });
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn obligation(
        &self,
        record: &str,
        document_date: NaiveDate,
    ) -> Result<RetentionObligation, RetentionError> {
        RetentionObligation::try_new(
            record,
            self.legal_basis(),
            RetentionPeriod::Years(self.minimum_years()),
            RetentionStart::on(
                RetentionEvent::RecordDate,
                document_date,
                CountingRule::FromFirstJanuaryAfter,
            ),
        )
    }

    /// States the rule for one document as every core obligation it gives: the minimum
    /// period ([`RetentionRule::obligation`]) and, for a kind kept while its transaction may
    /// need tracing ([`is_kept_while_traceable`](RetentionRule::is_kept_while_traceable)),
    /// an obligation that lasts until the transaction is closed: to the day of
    /// `transaction_closed`, or open-ended (pending) while it is `None`.
    ///
    /// The decision over these obligations keeps the document until the later of the two
    /// ends, as the Accounting Law asks ("until needed to trace the transaction, but not
    /// less than 5 years").
    ///
    /// # Errors
    ///
    /// As [`RetentionRule::obligation`].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::DocumentKind;
    /// use apkalpe_core::{RetentionFacts, RetentionVerdict};
    /// use chrono::NaiveDate;
    ///
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// let rule = DocumentKind::Invoice.retention();
    /// let facts = |closed| -> Result<RetentionFacts, Box<dyn std::error::Error>> {
    ///     let mut facts = RetentionFacts::new();
    ///     for obligation in rule.obligations("PVN rēķins INV2026-00001", day(2026, 3, 2)?, closed)? {
    ///         facts.add_obligation(obligation);
    ///     }
    ///     Ok(facts)
    /// };
    /// let today = day(2032, 1, 1)?;
    /// // Five whole years have passed, but the transaction is still open.
    /// assert_eq!(facts(None)?.decide(today)?.verdict(), RetentionVerdict::KeepOpenEnded);
    /// // Paid in 2026 with no claim left: the five years decide.
    /// assert!(facts(Some(day(2026, 4, 1)?))?.decide(today)?.may_erase());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn obligations(
        &self,
        record: &str,
        document_date: NaiveDate,
        transaction_closed: Option<NaiveDate>,
    ) -> Result<Vec<RetentionObligation>, RetentionError> {
        let mut obligations = vec![self.obligation(record, document_date)?];
        if self.is_kept_while_traceable() {
            let start = match transaction_closed {
                Some(date) => RetentionStart::on(
                    RetentionEvent::TransactionClosed,
                    date,
                    CountingRule::FromDate,
                ),
                None => RetentionStart::pending(
                    RetentionEvent::TransactionClosed,
                    CountingRule::FromDate,
                ),
            };
            obligations.push(RetentionObligation::try_new(
                record,
                self.legal_basis(),
                RetentionPeriod::Days(0),
                start,
            )?);
        }
        Ok(obligations)
    }
}

/// The record name of a document in retention reasons: its Latvian title and number.
fn record_name(kind: DocumentKind, number: &str) -> String {
    format!("{} {number}", kind.latvian_name_capitalised())
}

impl IssuedInvoice {
    /// States the invoice's retention as core obligations: the rule of its
    /// [`document_kind`](IssuedInvoice::document_kind) applied to its issue date and number
    /// (see [`RetentionRule::obligations`]), the record named "PVN rēķins INV2026-00001".
    /// `transaction_closed` is the day the invoice was settled with no claim left, `None`
    /// while it is open.
    ///
    /// # Errors
    ///
    /// As [`RetentionRule::obligation`] (not for a number a series issued).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// use apkalpe_core::RetentionFacts;
    /// let mut facts = RetentionFacts::new();
    /// for obligation in invoice.retention_obligations(None)? {
    ///     facts.add_obligation(obligation);
    /// }
    /// assert_eq!(facts.obligations()[0].record(), "PVN rēķins INV2026-00001");
    /// // Open: the transaction may still need tracing.
    /// assert!(!facts.decide(NaiveDate::from_ymd_opt(2040, 1, 1).ok_or("date")?)?.may_erase());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn retention_obligations(
        &self,
        transaction_closed: Option<NaiveDate>,
    ) -> Result<Vec<RetentionObligation>, RetentionError> {
        let kind = self.document_kind();
        kind.retention().obligations(
            &record_name(kind, self.number().as_str()),
            self.issue_date(),
            transaction_closed,
        )
    }
}

impl IssuedCreditNote {
    /// States the credit note's retention as core obligations, as
    /// [`IssuedInvoice::retention_obligations`] does for an invoice: the record named
    /// "Kredītrēķins KR2026-0001", counted from its issue date.
    ///
    /// # Errors
    ///
    /// As [`RetentionRule::obligation`].
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{CreditedLine, DraftCreditNote, DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let invoice = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair).with_due_date(day).issue(&mut series, day)?;
    /// # let mut credit_notes = NumberSeries::try_new("credit", "KR{year}-{seq:4}".parse()?, YearReset::EachYear)?;
    /// # let later = NaiveDate::from_ymd_opt(2026, 3, 9).ok_or("date")?;
    /// # let one_chair = [CreditedLine::new(1, Quantity::try_new(dec!(1))?)];
    /// # let draft = DraftCreditNote::for_lines(&invoice, "Atgriezts viens krēsls", &one_chair)?;
    /// # let note = draft.clone().issue(&mut credit_notes, later, &[])?;
    /// # let _ = (&draft, &note, &invoice);
    /// let obligations = note.retention_obligations(Some(later))?;
    /// assert_eq!(obligations[0].record(), "Kredītrēķins KR2026-0001");
    /// assert_eq!(obligations[0].ends_on()?, NaiveDate::from_ymd_opt(2031, 12, 31));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn retention_obligations(
        &self,
        transaction_closed: Option<NaiveDate>,
    ) -> Result<Vec<RetentionObligation>, RetentionError> {
        let kind = DocumentKind::CreditNote;
        kind.retention().obligations(
            &record_name(kind, self.number().as_str()),
            self.issue_date(),
            transaction_closed,
        )
    }
}
