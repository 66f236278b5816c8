//! Cash orders (KIO, KIzO) and the cash book as readable text.

use crate::cash::{CashBook, CashCounterparty, CashDirection, CashOrder, PayeeOmission};
use crate::document::DocumentKind;
use crate::error::AccountingError;
use apkalpe_core::{Language, Money};
use std::fmt::Write as _;

use super::*;

/// Writes who paid or received the cash as a cash order names them (MK 625 p. 3–4).
fn counterparty_text(counterparty: &CashCounterparty, language: Language) -> String {
    let registration = labels(language).registration;
    match counterparty {
        CashCounterparty::Person {
            name,
            personal_code,
            on_behalf_of,
        } => {
            let mut text = match personal_code {
                Some(code) => format!(
                    "{name}, {} {code}",
                    tr(language, "personas kods", "personal code")
                ),
                None => format!("{name} ({})", tr(language, "nerezidents", "non-resident")),
            };
            if let Some((company, registration_number)) = on_behalf_of {
                let _ = write!(
                    text,
                    ", {} {company}, {registration} {registration_number}",
                    tr(language, "pārstāvot", "for")
                );
            }
            text
        }
        CashCounterparty::Organisation {
            name,
            registration_number,
        } => format!("{name}, {registration} {registration_number}"),
        CashCounterparty::Omitted(reason) => {
            let reason = match reason {
                PayeeOmission::CashInTransit => tr(
                    language,
                    "nauda nodota inkasācijai",
                    "cash handed to a cash-in-transit service",
                ),
                PayeeOmission::BankDeposit => tr(
                    language,
                    "nauda iemaksāta bankā",
                    "cash deposited at a bank",
                ),
                PayeeOmission::ChangeOfDenominations => {
                    tr(language, "naudas zīmju apmaiņa", "change of denominations")
                }
            };
            format!(
                "{}: {reason} ({})",
                tr(language, "nav norādīts", "not named"),
                tr(
                    language,
                    "MK 625 4. punkts",
                    "Cabinet Regulation No. 625, point 4"
                )
            )
        }
    }
}

/// Renders an issued cash order (KIO or KIzO) as readable text in `language`: the business with
/// its registration number or taxpayer code, the document name, number and date, the payer
/// (KIO) or payee (KIzO) with the data MK 625 asks for, the basis, the amount in figures and,
/// for a paper order, in words, and the cashier, who alone signs.
///
/// # Errors
///
/// [`AccountingError::Words`] when the amount is beyond amounts in words (above
/// 999 999 999 999); a currency without Latvian words is written in figures only.
///
/// # Legal basis
///
/// MK noteikumi Nr. 625 (2021) p. 3–4: name, number, date, the business, the payer or payee,
/// basis, amount; only the cashier signs (sources §10, C \[C1\]\[C2\]).
///
/// Labels are Latvian for [`Language::Latvian`] and English for the other languages (German
/// and Russian have no labels of their own yet); amounts are written as the language writes
/// them, the amount in words is in the requested language. The Latvian text is the one the
/// renderer wrote before it took a language, and the one Cabinet Regulation No. 625 asks
/// the business to keep.
///
/// Serves: T4.6, S27.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::{render_cash_order_in, CashBusiness, CashCounterparty, CashDirection, DraftCashOrder};
/// use apkalpe_core::{Currency, Language, Money, NumberSeries, YearReset};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let mut kio = NumberSeries::try_new("kio", "KIO{yy}-{seq:4}".parse()?, YearReset::EachYear)?;
/// let order = DraftCashOrder::try_new(
///     CashBusiness::organisation("SIA Apkalpe", "40003521600".parse()?)?,
///     CashDirection::Receipt,
///     CashCounterparty::person("Anna Bērziņa", Some("161175-19997".parse()?))?,
///     "Apmaksa par rēķinu INV2026-00001",
///     Money::new(dec!(1234.56), Currency::EUR),
///     "Līga Kasiere",
/// )?
/// .issue(&mut kio, NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("bad date")?)?;
/// let text = render_cash_order_in(&order, Language::Latvian)?;
/// assert!(text.starts_with("SIA Apkalpe\nReģ. Nr. 40003521600\n\nKases ieņēmumu orderis Nr. KIO26-0001\n"));
/// assert!(text.contains("Summa: 1 234,56 €"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn render_cash_order_in(
    order: &CashOrder,
    language: Language,
) -> Result<String, AccountingError> {
    let t = labels(language);
    let mut out = String::with_capacity(768);
    let business = order.business();
    let _ = writeln!(out, "{}", business.name());
    match (business.registration_number(), business.taxpayer_code()) {
        (Some(number), _) => {
            let _ = writeln!(out, "{} {number}", tr(language, "Reģ. Nr.", "Reg. No."));
        }
        (None, Some(code)) => {
            let _ = writeln!(
                out,
                "{} {code}",
                tr(language, "Nodokļu maksātāja kods", "Taxpayer code")
            );
        }
        (None, None) => {}
    }
    out.push('\n');
    let kind = order.direction().document_kind();
    let _ = writeln!(
        out,
        "{} {} {}",
        title(kind, language),
        t.number,
        order.number()
    );
    let _ = writeln!(out, "{}: {}", t.date, order.date());
    out.push('\n');
    let who = match order.direction() {
        CashDirection::Receipt => tr(language, "Pieņemts no", "Received from"),
        CashDirection::Disbursement => tr(language, "Izsniegts", "Paid to"),
    };
    let _ = writeln!(
        out,
        "{who}: {}",
        counterparty_text(order.counterparty(), language)
    );
    let _ = writeln!(out, "{}: {}", t.reason, order.basis());
    let _ = writeln!(
        out,
        "{}: {}",
        tr(language, "Summa", "Amount"),
        amount_in(order.amount(), language)
    );
    words_line_in(&mut out, t.in_words, order.amount(), language)?;
    out.push('\n');
    let _ = writeln!(
        out,
        "{}: {} ____________________",
        tr(language, "Kasieris", "Cashier"),
        order.cashier()
    );
    Ok(out)
}

/// Renders as readable Latvian text: [`render_cash_order_in`] with [`Language::Latvian`], byte for
/// byte.
///
/// # Errors
///
/// As [`render_cash_order_in`].
///
/// # Examples
///
/// See [`render_cash_order_in`].
#[deprecated(
    note = "use `render_cash_order_in(order, Language::Latvian)`: every renderer takes a language"
)]
pub fn render_cash_order(order: &CashOrder) -> Result<String, AccountingError> {
    render_cash_order_in(order, Language::Latvian)
}

/// Renders the cash book as readable text in `language`: the business, the opening balance, every
/// order posted with its date, number, payer or payee, basis, receipt or payment and the
/// balance after it, then the totals and the closing balance. Long texts wrap in their
/// columns.
///
/// Labels are Latvian for [`Language::Latvian`] and English for the other languages (German
/// and Russian have no labels of their own yet); amounts are written as the language writes
/// them, the amount in words is in the requested language. The Latvian text is the one the
/// renderer wrote before it took a language, and the one Cabinet Regulation No. 625 asks
/// the business to keep.
///
/// Serves: T4.6, T4.7, S27.
///
/// # Errors
///
/// [`AccountingError::Money`] when the totals overflow.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::{render_cash_book_in, CashBook, CashBusiness};
/// use apkalpe_core::{Currency, Language, Money};
/// use rust_decimal_macros::dec;
///
/// let business = CashBusiness::organisation("SIA Apkalpe", "40003521600".parse()?)?;
/// let book = CashBook::try_new(business, Money::new(dec!(1500.00), Currency::EUR), "kio", "kizo")?;
/// let text = render_cash_book_in(&book, Language::Latvian)?;
/// assert!(text.contains("Sākuma atlikums: 1 500,00 €"));
/// assert!(text.contains("Beigu atlikums: 1 500,00 €"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn render_cash_book_in(book: &CashBook, language: Language) -> Result<String, AccountingError> {
    const WHO: usize = 22;
    const BASIS: usize = 26;
    let t = labels(language);
    let lv = |money: Money| amount_in(money, language);
    let mut out = String::with_capacity(1024);
    let _ = writeln!(out, "{}", title(DocumentKind::CashBook, language));
    let business = book.business();
    match (
        language,
        business.registration_number(),
        business.taxpayer_code(),
    ) {
        (Language::Latvian, _, _) | (_, None, None) => {
            let _ = writeln!(out, "{business}");
        }
        (_, Some(number), _) => {
            let _ = writeln!(out, "{}, {} {number}", business.name(), t.registration);
        }
        (_, None, Some(code)) => {
            let _ = writeln!(out, "{}, taxpayer code {code}", business.name());
        }
    }
    let _ = writeln!(
        out,
        "{}: {}",
        tr(language, "Sākuma atlikums", "Opening balance"),
        lv(book.opening_balance())
    );
    out.push('\n');
    let _ = writeln!(
        out,
        "{:<10}  {:<12}  {:<WHO$}  {:<BASIS$} {:>12} {:>12} {:>12}",
        t.date,
        tr(language, "Dokuments", "Document"),
        tr(language, "No kā / kam", "From / to"),
        t.reason,
        tr(language, "Ieņēmumi", "Receipts"),
        tr(language, "Izdevumi", "Payments"),
        tr(language, "Atlikums", "Balance")
    );
    let mut receipts = Money::zero(book.balance().currency());
    let mut payments = Money::zero(book.balance().currency());
    for entry in book.entries() {
        let who = wrap(entry.counterparty().unwrap_or("—"), WHO);
        let basis = wrap(entry.basis(), BASIS);
        let (receipt, payment) = match entry.direction() {
            CashDirection::Receipt => {
                receipts = receipts.checked_add(entry.amount())?;
                (lv(entry.amount()), String::new())
            }
            CashDirection::Disbursement => {
                payments = payments.checked_add(entry.amount())?;
                (String::new(), lv(entry.amount()))
            }
        };
        let rows = who.len().max(basis.len());
        for row in 0..rows {
            let text = |lines: &[String]| lines.get(row).cloned().unwrap_or_default();
            let line = if row == 0 {
                format!(
                    "{:<10}  {:<12}  {:<WHO$}  {:<BASIS$} {:>12} {:>12} {:>12}",
                    entry.date().to_string(),
                    entry.number(),
                    text(&who),
                    text(&basis),
                    receipt,
                    payment,
                    lv(entry.balance())
                )
            } else {
                format!(
                    "{:<10}  {:<12}  {:<WHO$}  {}",
                    "",
                    "",
                    text(&who),
                    text(&basis)
                )
            };
            let _ = writeln!(out, "{}", line.trim_end());
        }
    }
    out.push('\n');
    let _ = writeln!(
        out,
        "{}: {}",
        tr(language, "Ieņēmumi kopā", "Total receipts"),
        lv(receipts)
    );
    let _ = writeln!(
        out,
        "{}: {}",
        tr(language, "Izdevumi kopā", "Total payments"),
        lv(payments)
    );
    let _ = writeln!(
        out,
        "{}: {}",
        tr(language, "Beigu atlikums", "Closing balance"),
        lv(book.balance())
    );
    Ok(out)
}

/// Renders as readable Latvian text: [`render_cash_book_in`] with [`Language::Latvian`], byte for
/// byte.
///
/// # Errors
///
/// As [`render_cash_book_in`].
///
/// # Examples
///
/// See [`render_cash_book_in`].
#[deprecated(
    note = "use `render_cash_book_in(book, Language::Latvian)`: every renderer takes a language"
)]
pub fn render_cash_book(book: &CashBook) -> Result<String, AccountingError> {
    render_cash_book_in(book, Language::Latvian)
}
