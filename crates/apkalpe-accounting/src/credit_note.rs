//! Credit notes (*kredītrēķini*): the only way to correct or cancel an issued invoice.

#[cfg(feature = "serde")]
use std::collections::HashMap;

#[cfg(feature = "serde")]
use apkalpe_core::{CountNoun, Language, RestoreError};
use apkalpe_core::{DocumentNumber, Money, NumberSeries};
use chrono::NaiveDate;
use rust_decimal::Decimal;

#[cfg(feature = "serde")]
use crate::document::InvoiceContentRecord;
#[cfg(feature = "serde")]
use crate::document::saved::NumberRecord;
#[cfg(feature = "serde")]
use crate::document::saved::{self};
use crate::document::{DocumentKind, InvoiceContent, InvoiceReference, check_note};
use crate::error::{AccountingError, CreditNoteError, ValidationReport};
use crate::invoice::IssuedInvoice;
#[cfg(feature = "serde")]
use crate::line::InvoiceLine;
use crate::line::Quantity;
use crate::requisite::{self, IssueOptions};
#[cfg(feature = "serde")]
use crate::totals::DocumentTotalsRecord;
use crate::totals::{DocumentTotals, ROW_VAT_TOLERANCE};

/// The payment terms a credit note carries unless the caller sets others.
#[cfg(feature = "serde")]
/// Lines, nominative: "3 rindas" (a restore error's Latvian reason).
const ROWS: CountNoun<'static> = CountNoun::new("rinda", "rindas");

const DEFAULT_TERMS: &str = "Summa tiek ieskaitīta nākamajos maksājumos vai atmaksāta pircējam";

/// A credited line: which line of the original invoice (from 1) and how much of it.
///
/// Saved as `{"original_line", "quantity"}`; a plain pair of values, checked against the
/// invoice when a credit note is drawn up (and by the credit note that holds it on restore).
///
/// # Examples
///
/// See [`DraftCreditNote::for_lines`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct CreditedLine {
    original_line: usize,
    quantity: Quantity,
}

impl CreditedLine {
    /// Creates a credited line: `quantity` of line `original_line` (numbered from 1).
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
    /// let line = CreditedLine::new(1, Quantity::try_new(dec!(1))?);
    /// assert_eq!(line.original_line(), 1);
    /// assert_eq!(line.quantity().value(), dec!(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn new(original_line: usize, quantity: Quantity) -> Self {
        CreditedLine {
            original_line,
            quantity,
        }
    }

    /// Returns the original line number (from 1).
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
    /// assert_eq!(one_chair[0].original_line(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn original_line(&self) -> usize {
        self.original_line
    }

    /// Returns the quantity credited.
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
    /// assert_eq!(one_chair[0].quantity().value(), dec!(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn quantity(&self) -> Quantity {
        self.quantity
    }
}

/// A credit note being prepared for one issued invoice: a full cancellation or chosen
/// quantities of chosen lines (a returned item), at the invoice's prices and VAT.
///
/// [`DraftCreditNote::issue`] checks that this and the earlier credit notes of the invoice
/// never credit more of a line than was invoiced, nor more than the invoice's total with
/// VAT, then numbers it.
///
/// # Legal basis
///
/// A corrective document refers explicitly to the invoice it corrects (Directive
/// 2006/112/EC art. 219, art. 226b; sources §13.4) \[N20\]; peer-lessons item 8.
///
/// Serves: T4.6, S27.
///
/// # Saved form
///
/// `{"original", "original_total", "original_quantities", "credited", "reason", "content"}`:
/// the invoice's reference, its total with VAT and the quantity of each of its lines (in line
/// order), what this note credits, the reason and the [`InvoiceContent`]. It deserialises
/// through the checks of [`DraftCreditNote::for_lines`]: a reason, at least one credited
/// line, each naming a line of the invoice and not more than its quantity, one content line
/// per credited line with the credited quantity (lines that credit the same invoice line are
/// the same line), the content in the invoice's currency.
///
/// # Examples
///
/// See [`DraftCreditNote::for_lines`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "DraftCreditNoteRecord"))]
pub struct DraftCreditNote {
    original: InvoiceReference,
    original_total: Money,
    original_quantities: Vec<Decimal>,
    credited: Vec<CreditedLine>,
    reason: String,
    content: InvoiceContent,
}

#[cfg(feature = "serde")]
/// The saved form of a [`DraftCreditNote`].
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct DraftCreditNoteRecord {
    original: InvoiceReference,
    original_total: Money,
    original_quantities: Vec<Decimal>,
    credited: Vec<CreditedLine>,
    reason: String,
    content: InvoiceContentRecord,
}

#[cfg(feature = "serde")]
impl TryFrom<DraftCreditNoteRecord> for DraftCreditNote {
    type Error = RestoreError;

    fn try_from(record: DraftCreditNoteRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "DraftCreditNote";
        let reason = saved::note(WHAT, "reason", &record.reason, "reason")?;
        let content = InvoiceContent::restore(record.content, WHAT)
            .map_err(|error| error.within("content"))?;
        check_original(WHAT, &record.original)?;
        for (index, quantity) in record.original_quantities.iter().enumerate() {
            Quantity::try_new(*quantity).map_err(|error| {
                RestoreError::invalid(WHAT, format!("original_quantities[{index}]"), error)
            })?;
        }
        if record.original_total.currency() != content.currency() {
            return Err(RestoreError::inconsistent(
                WHAT,
                "original_total",
                format_args!(
                    "in {}, the credit note in {}",
                    record.original_total.currency(),
                    content.currency()
                ),
            )
            .with_latvian_reason(format_args!(
                "valūtā {}, bet kredītrēķins valūtā {}",
                record.original_total.currency(),
                content.currency()
            )));
        }
        check_credited(WHAT, &record.credited, &content.lines)?;
        for (index, credited) in record.credited.iter().enumerate() {
            let invoiced = credited
                .original_line
                .checked_sub(1)
                .and_then(|line| record.original_quantities.get(line));
            let field = || format!("credited[{index}].original_line");
            let Some(invoiced) = invoiced else {
                return Err(RestoreError::invalid(
                    WHAT,
                    field(),
                    CreditNoteError::NoSuchLine {
                        invoice: record.original.number().to_owned(),
                        line: credited.original_line,
                    },
                ));
            };
            if credited.quantity.value() > *invoiced {
                return Err(RestoreError::invalid(
                    WHAT,
                    format!("credited[{index}].quantity"),
                    CreditNoteError::LineExceeded {
                        invoice: record.original.number().to_owned(),
                        line: credited.original_line,
                        invoiced: *invoiced,
                        credited: credited.quantity.value(),
                    },
                ));
            }
        }
        Ok(DraftCreditNote {
            original: record.original,
            original_total: record.original_total,
            original_quantities: record.original_quantities,
            credited: record.credited,
            reason,
            content,
        })
    }
}

#[cfg(feature = "serde")]
/// Checks the reference to the credited invoice: drawn from an issued invoice, it has its
/// issue date.
fn check_original(what: &'static str, original: &InvoiceReference) -> Result<(), RestoreError> {
    if original.issue_date().is_none() {
        return Err(RestoreError::missing(
            what,
            "original.issue_date",
            "a credit note refers to an issued invoice and its issue date",
        )
        .with_latvian_reason(
            "kredītrēķins atsaucas uz izrakstītu rēķinu un tā izrakstīšanas datumu",
        ));
    }
    Ok(())
}

#[cfg(feature = "serde")]
/// Checks the credited lines against the content lines as drawing up a credit note makes them:
/// at least one, numbered from 1, one content line each with the credited quantity, and the
/// lines crediting one invoice line equal but for the quantity.
fn check_credited(
    what: &'static str,
    credited: &[CreditedLine],
    lines: &[InvoiceLine],
) -> Result<(), RestoreError> {
    if credited.is_empty() {
        return Err(RestoreError::invalid(
            what,
            "credited",
            CreditNoteError::Empty,
        ));
    }
    if credited.len() != lines.len() {
        return Err(RestoreError::inconsistent(
            what,
            "content.lines",
            format_args!(
                "{} lines for {} credited lines",
                lines.len(),
                credited.len()
            ),
        )
        .with_latvian_reason(format_args!(
            "{}, bet kreditēto rindu ir {}",
            ROWS.count_of(Language::Latvian, lines.len()),
            credited.len()
        )));
    }
    let mut first_of: HashMap<usize, &InvoiceLine> = HashMap::with_capacity(credited.len());
    for (index, (credited, line)) in credited.iter().zip(lines).enumerate() {
        if credited.original_line == 0 {
            return Err(RestoreError::inconsistent(
                what,
                format!("credited[{index}].original_line"),
                "invoice lines are numbered from 1",
            )
            .with_latvian_reason("rēķina rindas numurē no 1"));
        }
        if line.quantity() != credited.quantity {
            return Err(RestoreError::inconsistent(
                what,
                format!("content.lines[{index}].quantity"),
                format_args!(
                    "{} on the line, {} credited",
                    line.quantity(),
                    credited.quantity
                ),
            )
            .with_latvian_reason(format_args!(
                "rindā {}, kreditēts {}",
                line.quantity(),
                credited.quantity
            )));
        }
        let first = *first_of.entry(credited.original_line).or_insert(line);
        if first.with_quantity(line.quantity()) != *line {
            return Err(RestoreError::inconsistent(
                what,
                format!("content.lines[{index}]"),
                format_args!(
                    "differs from the other line crediting invoice line {}",
                    credited.original_line
                ),
            )
            .with_latvian_reason(format_args!(
                "atšķiras no otras rindas, kas kreditē rēķina {}. rindu",
                credited.original_line
            )));
        }
    }
    Ok(())
}

impl DraftCreditNote {
    /// Prepares the cancellation of an invoice: every line in full, with its document
    /// allowances and charges.
    ///
    /// # Errors
    ///
    /// [`AccountingError::Line`] for a blank reason or one above 1 000 characters.
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
    /// let cancel = DraftCreditNote::cancellation(&invoice, "Rēķins izrakstīts kļūdaini")?;
    /// let note = cancel.issue(&mut credit_notes, later, &[])?;
    /// // The whole invoice, with VAT, is credited.
    /// assert_eq!(note.totals().tax_inclusive(), invoice.totals().tax_inclusive());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cancellation(original: &IssuedInvoice, reason: &str) -> Result<Self, AccountingError> {
        let lines: Vec<CreditedLine> = original
            .content()
            .lines()
            .iter()
            .enumerate()
            .map(|(index, line)| CreditedLine::new(index.saturating_add(1), line.quantity()))
            .collect();
        let mut draft = DraftCreditNote::for_lines(original, reason, &lines)?;
        draft.content.adjustments = original.content().adjustments().to_vec();
        Ok(draft)
    }

    /// Prepares a credit note for chosen quantities of chosen lines, at the invoice's
    /// prices; document allowances and charges are not repeated.
    ///
    /// # Errors
    ///
    /// - [`CreditNoteError::Empty`] without lines;
    /// - [`CreditNoteError::NoSuchLine`] for a line number the invoice does not have;
    /// - [`CreditNoteError::LineExceeded`] for more than the line's quantity;
    /// - [`AccountingError::Line`] for a blank reason or one above 1 000 characters.
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
    /// #     .with_iban("LV97HABA0012345678910".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("bad date")?;
    /// # let vat = LineVat::standard(VatRate::try_new(dec!(21))?)?;
    /// # let kettle = InvoiceLine::try_new("Tējkanna", Quantity::try_new(dec!(2))?, UnitCode::PIECE, Money::new(dec!(30.00), Currency::EUR), vat)?;
    /// # let mut invoices = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let invoice = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(kettle).with_due_date(day).issue(&mut invoices, day)?;
    /// use apkalpe_accounting::{CreditedLine, DraftCreditNote};
    ///
    /// let mut credit_notes = NumberSeries::try_new("credit", "KR{year}-{seq:4}".parse()?, YearReset::EachYear)?;
    /// let one_kettle = [CreditedLine::new(1, Quantity::try_new(dec!(1))?)];
    /// let first = DraftCreditNote::for_lines(&invoice, "Returned kettle", &one_kettle)?
    ///     .issue(&mut credit_notes, day, &[])?;
    /// assert_eq!(first.totals().tax_inclusive().to_string(), "36.30 EUR");
    ///
    /// let too_many = [CreditedLine::new(1, Quantity::try_new(dec!(2))?)];
    /// let error = DraftCreditNote::for_lines(&invoice, "Both", &too_many)?
    ///     .issue(&mut credit_notes, day, &[first])
    ///     .unwrap_err();
    /// assert_eq!(error.code(), "credit_note.line_exceeded");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn for_lines(
        original: &IssuedInvoice,
        reason: &str,
        lines: &[CreditedLine],
    ) -> Result<Self, AccountingError> {
        let reason = check_note(reason, "reason")?;
        if lines.is_empty() {
            return Err(CreditNoteError::Empty.into());
        }
        let source = original.content();
        let mut content = InvoiceContent::new(
            source.seller().clone(),
            source.buyer().clone(),
            source.currency(),
        );
        content.supply_date = source.supply_date().or(Some(original.issue_date()));
        content.payment_means = source.payment_means();
        content.payment_terms = Some(DEFAULT_TERMS.to_owned());
        content.buyer_reference = source.buyer_reference.clone();
        content.order_reference = source.order_reference.clone();
        content.exemptions = source.exemptions().to_vec();
        content.rounding = source.rounding();
        // A correction is converted at the invoice's rate.
        content.exchange_rate = source.exchange_rate;
        for credited in lines {
            let line = credited
                .original_line
                .checked_sub(1)
                .and_then(|index| source.lines().get(index))
                .ok_or_else(|| CreditNoteError::NoSuchLine {
                    invoice: original.number().to_string(),
                    line: credited.original_line,
                })?;
            if credited.quantity.value() > line.quantity().value() {
                return Err(CreditNoteError::LineExceeded {
                    invoice: original.number().to_string(),
                    line: credited.original_line,
                    invoiced: line.quantity().value(),
                    credited: credited.quantity.value(),
                }
                .into());
            }
            content.lines.push(line.with_quantity(credited.quantity));
        }
        Ok(DraftCreditNote {
            original: original.reference(),
            original_total: original.totals().tax_inclusive(),
            original_quantities: source
                .lines()
                .iter()
                .map(|line| line.quantity().value())
                .collect(),
            credited: lines.to_vec(),
            reason,
            content,
        })
    }

    /// Returns the invoice being credited.
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
    /// assert_eq!(draft.original().number(), "INV2026-00001");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn original(&self) -> &InvoiceReference {
        &self.original
    }

    /// Returns the reason.
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
    /// assert_eq!(draft.reason(), "Atgriezts viens krēsls");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// Returns the content.
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
    /// assert_eq!(draft.content().lines().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn content(&self) -> &InvoiceContent {
        &self.content
    }

    /// Sets the payment terms (how the credit is settled).
    ///
    /// # Errors
    ///
    /// [`AccountingError::Line`] for a blank text or one above 1 000 characters.
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
    /// let draft = draft.try_with_payment_terms("Atmaksā 10 dienu laikā")?;
    /// assert_eq!(draft.content().payment_terms(), Some("Atmaksā 10 dienu laikā"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_with_payment_terms(mut self, terms: &str) -> Result<Self, AccountingError> {
        self.content.payment_terms = Some(check_note(terms, "payment terms")?);
        Ok(self)
    }

    /// Checks every requisite for issuing on `issue_date`.
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
    /// use apkalpe_accounting::IssueOptions;
    /// assert!(draft.validate(later, &IssueOptions::default()).is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate(&self, issue_date: NaiveDate, options: &IssueOptions) -> ValidationReport {
        requisite::check(DocumentKind::CreditNote, &self.content, issue_date, options)
    }

    /// Issues the credit note: checks the requisites, checks the limits against `earlier`
    /// (the credit notes already issued for the same invoice), takes the next number.
    ///
    /// # VAT rounding across credit notes
    ///
    /// The VAT of each breakdown row (VAT category and rate) is rounded cumulatively over the
    /// credit notes of the invoice: `round((taxable of that row in the earlier notes +
    /// taxable of this note) × rate / 100) − VAT of that row in the earlier notes`, with the
    /// invoice's VAT rounding. Without earlier notes this is the note's own
    /// `round(taxable × rate / 100)`; later it differs from it by at most one cent, which
    /// EN 16931 BR-CO-17 accepts. So crediting every unit of a line on separate notes
    /// credits exactly the invoice's VAT: 2 × 166.03 EUR at 21 % (VAT 69.73) credited one
    /// unit at a time gives VAT 34.87 (166.03 × 0.21 = 34.8663), then 69.73 − 34.87 = 34.86,
    /// where rounding each note alone (34.87 twice) would exceed the invoice. Every total of
    /// the note stays an exact sum of its rows.
    ///
    /// # Errors
    ///
    /// - [`AccountingError::Invalid`] with every finding when a requisite is missing;
    /// - [`CreditNoteError::ForeignCreditNote`] when an earlier note credits another invoice;
    /// - [`CreditNoteError::LineExceeded`] when a line would be credited beyond its quantity;
    /// - [`CreditNoteError::ExceedsInvoice`] when the credit notes would exceed the invoice's
    ///   total with VAT;
    /// - [`AccountingError::NumberSeries`] when the series refuses the date.
    ///
    /// No number is taken when any check fails.
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
    /// let note = draft.issue(&mut credit_notes, later, &[note])?;
    /// assert_eq!(note.number().as_str(), "KR2026-0002");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn issue(
        mut self,
        series: &mut NumberSeries,
        issue_date: NaiveDate,
        earlier: &[IssuedCreditNote],
    ) -> Result<IssuedCreditNote, AccountingError> {
        self.validate(issue_date, &IssueOptions::default())
            .into_result()?;
        let invoice = self.original.number().to_owned();
        let mut credited_quantities = vec![Decimal::ZERO; self.original_quantities.len()];
        let mut credited_total = Decimal::ZERO;
        for note in earlier {
            if note.original.number() != invoice {
                return Err(CreditNoteError::ForeignCreditNote {
                    credit_note: note.number.to_string(),
                    credits: note.original.number().to_owned(),
                    invoice,
                }
                .into());
            }
            credited_total =
                checked(credited_total.checked_add(note.totals.tax_inclusive().amount()))?;
            add_quantities(&mut credited_quantities, &note.credited)?;
        }
        add_quantities(&mut credited_quantities, &self.credited)?;
        for (index, (credited, invoiced)) in credited_quantities
            .iter()
            .zip(&self.original_quantities)
            .enumerate()
        {
            if credited > invoiced {
                return Err(CreditNoteError::LineExceeded {
                    invoice,
                    line: index.saturating_add(1),
                    invoiced: *invoiced,
                    credited: *credited,
                }
                .into());
            }
        }
        let totals = self.cumulative_totals(earlier)?;
        credited_total = checked(credited_total.checked_add(totals.tax_inclusive().amount()))?;
        if credited_total > self.original_total.amount() {
            return Err(CreditNoteError::ExceedsInvoice {
                invoice,
                invoiced: self.original_total.amount(),
                credited: credited_total,
            }
            .into());
        }
        if self.content.supply_date == Some(issue_date) {
            self.content.supply_date = None;
        }
        let number = series.issue(issue_date)?;
        Ok(IssuedCreditNote {
            number,
            issue_date,
            original: self.original,
            credited: self.credited,
            reason: self.reason,
            content: self.content,
            totals,
        })
    }
}

impl DraftCreditNote {
    /// Computes the note's totals with the VAT of each breakdown row (VAT category and rate)
    /// rounded cumulatively over `earlier` and this note: `round((taxable credited earlier +
    /// taxable of this note) × rate / 100) − VAT credited earlier`, kept within one cent of
    /// this note's own `round(taxable × rate / 100)` (EN 16931 BR-CO-17).
    fn cumulative_totals(
        &self,
        earlier: &[IssuedCreditNote],
    ) -> Result<DocumentTotals, AccountingError> {
        let policy = self.content.rounding();
        self.content
            .totals()?
            .try_with_row_vat(policy.payable(), |row| {
                let mut taxable = row.taxable_amount();
                let mut credited_vat = Money::zero(taxable.currency());
                for earlier_row in earlier
                    .iter()
                    .flat_map(|note| note.totals.vat_breakdown())
                    .filter(|earlier_row| {
                        earlier_row.category() == row.category() && earlier_row.rate() == row.rate()
                    })
                {
                    taxable = taxable.checked_add(earlier_row.taxable_amount())?;
                    credited_vat = credited_vat.checked_add(earlier_row.vat_amount())?;
                }
                let cumulative = taxable
                    .checked_mul(row.rate().as_fraction())?
                    .round(policy.vat())?
                    .checked_sub(credited_vat)?;
                let own = row.vat_amount().amount();
                let lowest = own.checked_sub(ROW_VAT_TOLERANCE);
                let highest = own.checked_add(ROW_VAT_TOLERANCE);
                let amount = match (lowest, highest) {
                    (Some(lowest), Some(highest)) => cumulative.amount().clamp(lowest, highest),
                    _ => own,
                };
                Ok::<Money, AccountingError>(Money::new(amount, taxable.currency()))
            })
    }
}

/// Maps a failed checked sum to an overflow error.
fn checked(sum: Option<Decimal>) -> Result<Decimal, AccountingError> {
    sum.ok_or(AccountingError::Money(apkalpe_core::MoneyError::Overflow {
        operation: "sum",
    }))
}

/// Adds credited quantities to the per-line running sums.
fn add_quantities(sums: &mut [Decimal], lines: &[CreditedLine]) -> Result<(), AccountingError> {
    for line in lines {
        if let Some(sum) = line
            .original_line
            .checked_sub(1)
            .and_then(|index| sums.get_mut(index))
        {
            *sum = checked(sum.checked_add(line.quantity.value()))?;
        }
    }
    Ok(())
}

/// An issued credit note: numbered in its own series, linked to the invoice it credits, no
/// setters. Amounts are positive; the document type says they are credited.
///
/// # Saved form
///
/// `{"number", "issue_date", "original", "credited", "reason", "content", "totals"}`. It
/// deserialises through what issuing guaranteed, so a restored note is as trustworthy (and as
/// read-only) as an issued one:
///
/// - the number is well formed and of the issue date's year;
/// - the reason, the content and every requisite of a credit note on its issue date pass
///   (the reference names the invoice and its issue date);
/// - the credited lines are as [`DraftCreditNote::for_lines`] makes them: at least one,
///   numbered from 1, one content line each with the credited quantity, lines crediting the
///   same invoice line equal but for the quantity;
/// - the totals are what the lines give under the saved rounding policy, except that a
///   breakdown row's VAT may lie one cent from the note's own rounding (the cumulative
///   rounding over the notes of one invoice, see [`DraftCreditNote::issue`]); every other
///   total is then an exact sum. `restore.inconsistent` names the total that differs.
///
/// Whether the notes of one invoice together stay within it needs the invoice and its other
/// notes: [`DraftCreditNote::issue`] checked it, and a restore of one note cannot.
///
/// # Examples
///
/// See [`DraftCreditNote::for_lines`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "IssuedCreditNoteRecord"))]
pub struct IssuedCreditNote {
    number: DocumentNumber,
    issue_date: NaiveDate,
    original: InvoiceReference,
    credited: Vec<CreditedLine>,
    reason: String,
    content: InvoiceContent,
    totals: DocumentTotals,
}

#[cfg(feature = "serde")]
/// The saved form of an [`IssuedCreditNote`].
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct IssuedCreditNoteRecord {
    number: NumberRecord,
    issue_date: NaiveDate,
    original: InvoiceReference,
    credited: Vec<CreditedLine>,
    reason: String,
    content: InvoiceContentRecord,
    totals: DocumentTotalsRecord,
}

#[cfg(feature = "serde")]
impl TryFrom<IssuedCreditNoteRecord> for IssuedCreditNote {
    type Error = RestoreError;

    fn try_from(record: IssuedCreditNoteRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "IssuedCreditNote";
        let issue_date = record.issue_date;
        let number = saved::number_dated(record.number, WHAT, "number", issue_date, "issue_date")?;
        check_original(WHAT, &record.original)?;
        let reason = saved::note(WHAT, "reason", &record.reason, "reason")?;
        let content = InvoiceContent::restore(record.content, WHAT)
            .map_err(|error| error.within("content"))?;
        if content.supply_date == Some(issue_date) {
            return Err(RestoreError::inconsistent(
                WHAT,
                "content.supply_date",
                "a supply date equal to the issue date is not kept on issue",
            )
            .with_latvian_reason(
                "piegādes datumu, kas sakrīt ar izrakstīšanas datumu, izrakstot nesaglabā",
            ));
        }
        check_credited(WHAT, &record.credited, &content.lines)?;
        saved::requisites(
            WHAT,
            "content",
            requisite::check(
                DocumentKind::CreditNote,
                &content,
                issue_date,
                &saved::restore_options(),
            ),
        )?;
        let saved_totals = DocumentTotals::from_record(record.totals);
        let totals = content
            .totals()
            .map_err(|error| RestoreError::invalid(WHAT, "totals", error))?;
        let totals = with_saved_row_vat(WHAT, totals, &saved_totals, content.rounding().payable())?;
        saved::same_totals(WHAT, &saved_totals, &totals)?;
        Ok(IssuedCreditNote {
            number,
            issue_date,
            original: record.original,
            credited: record.credited,
            reason,
            content,
            totals,
        })
    }
}

#[cfg(feature = "serde")]
/// Takes the saved VAT of each breakdown row when it lies within one cent of the note's own
/// rounding, as cumulative rounding leaves it; the sums that depend on it follow.
fn with_saved_row_vat(
    what: &'static str,
    totals: DocumentTotals,
    saved_totals: &DocumentTotals,
    payable: Option<apkalpe_core::rounding::Rounding>,
) -> Result<DocumentTotals, RestoreError> {
    let rows = saved_totals.vat_breakdown();
    if rows.len() != totals.vat_breakdown().len() {
        // The comparison names the difference.
        return Ok(totals);
    }
    let mut index = 0_usize;
    let restored = totals.try_with_row_vat(payable, |row| {
        let position = index;
        index = index.saturating_add(1);
        let own = row.vat_amount();
        let Some(saved_row) = rows.get(position).filter(|saved| saved.vat() == row.vat()) else {
            return Ok(own);
        };
        let stated = saved_row.vat_amount();
        let deviation = stated.amount().checked_sub(own.amount());
        if stated.currency() == own.currency()
            && deviation.is_some_and(|deviation| deviation.abs() <= ROW_VAT_TOLERANCE)
        {
            Ok(stated)
        } else {
            Err(AccountingError::Restore(
                RestoreError::inconsistent(
                    what,
                    format!("totals.vat_breakdown[{position}].vat_amount"),
                    format_args!("saved {stated}, more than a cent from the lines' {own}"),
                )
                .with_latvian_reason(format_args!(
                    "saglabāts {stated}, bet pēc rindām sanāk {own}, starpība pārsniedz centu"
                )),
            ))
        }
    });
    restored.map_err(|error| match error {
        AccountingError::Restore(error) => error,
        other => RestoreError::invalid(what, "totals", other),
    })
}

impl IssuedCreditNote {
    /// Returns the number.
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
    /// assert_eq!(note.number().as_str(), "KR2026-0001");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn number(&self) -> &DocumentNumber {
        &self.number
    }

    /// Returns the issue date.
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
    /// assert_eq!(note.issue_date(), later);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn issue_date(&self) -> NaiveDate {
        self.issue_date
    }

    /// Returns the invoice credited.
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
    /// assert_eq!(note.original().number(), invoice.number().as_str());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn original(&self) -> &InvoiceReference {
        &self.original
    }

    /// Returns the credited lines.
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
    /// assert_eq!(note.credited_lines(), &one_chair);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn credited_lines(&self) -> &[CreditedLine] {
        &self.credited
    }

    /// Returns the reason.
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
    /// assert_eq!(note.reason(), "Atgriezts viens krēsls");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// Returns the content.
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
    /// assert_eq!(note.content().buyer(), invoice.content().buyer());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn content(&self) -> &InvoiceContent {
        &self.content
    }

    /// Returns the totals (positive amounts).
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
    /// // One chair: 89.90 + 21 % VAT.
    /// assert_eq!(note.totals().tax_inclusive(), Money::new(dec!(108.78), Currency::EUR));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn totals(&self) -> &DocumentTotals {
        &self.totals
    }

    /// Returns the total VAT in euro (EN 16931 BT-111) of a credit note in another currency,
    /// at the rate of the invoice it credits; `None` in euro.
    ///
    /// # Errors
    ///
    /// [`AccountingError::Money`] when the conversion overflows.
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
    /// assert_eq!(note.vat_total_in_euro()?, None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn vat_total_in_euro(&self) -> Result<Option<Money>, AccountingError> {
        crate::invoice::vat_total_in_euro(&self.content, &self.totals)
    }
}
