//! `desk demo`: a guided run over what the core does, told as a story for students.
//!
//! Everything in the story is computed by the crates; the text around it is fixed, so the
//! output is the same for the same `--date`.

use apkalpe_core::rounding::Rounding;
use apkalpe_core::{
    Calendar, CashRounding, CentsStyle, CountryCode, CreditorReference, Currency, Iban, Language,
    Money, PersonalCode, RegistrationNumber, VatAmounts, VatNumber, VatRateClass, VatRateTable,
    WordsOptions, amount_in_words,
};
use chrono::NaiveDate;

use super::{CommandError, parse_date};
use crate::{Context, Report};

/// One step of the story: a heading and its lines.
struct Story<'r, 'a> {
    report: &'r mut Report<'a>,
}

impl Story<'_, '_> {
    fn heading(&mut self, text: &str) {
        self.report.text("");
        self.report.text(text);
    }

    fn line(&mut self, text: &str) {
        self.report.text(&format!("  {text}"));
    }
}

fn check<T: std::fmt::Display, E: std::fmt::Display>(
    story: &mut Story<'_, '_>,
    what: &str,
    typed: &str,
    result: Result<T, E>,
) {
    match result {
        Ok(value) => story.line(&format!("{what} {typed:?}: valid, stored as {value}")),
        Err(error) => story.line(&format!("{what} {typed:?}: rejected ({error})")),
    }
}

pub(super) fn run(
    date: Option<&str>,
    context: &Context,
    report: &mut Report<'_>,
) -> Result<(), CommandError> {
    let today = match date {
        Some(text) => match parse_date(text, report) {
            Some(date) => date,
            None => return Ok(()),
        },
        None => context.today,
    };
    let mut story = Story { report };
    tell(&mut story, today);
    Ok(())
}

fn tell(story: &mut Story<'_, '_>, today: NaiveDate) {
    let calendar = Calendar::latvia();
    story
        .report
        .text(&format!("A morning at the service desk, {today} (Riga)."));
    match calendar.is_working_day(today) {
        Ok(true) => story.line("It is a working day in Latvia."),
        Ok(false) => story.line("It is not a working day in Latvia: the desk is on duty anyway."),
        Err(error) => story.line(&format!("The calendar cannot say: {error}")),
    }

    story.heading("1. A new client, SIA \"Ziemeļu Rati\", comes to sign up (S8, T6.3).");
    check(
        story,
        "Registration number",
        "40003521600",
        "40003521600".parse::<RegistrationNumber>(),
    );
    check(
        story,
        "VAT number",
        "LV40003521600",
        "LV40003521600".parse::<VatNumber>(),
    );
    check(
        story,
        "IBAN",
        "LV80 BANK 0000 4351 9500 1",
        "LV80 BANK 0000 4351 9500 1".parse::<Iban>(),
    );
    story.line("The board member signs for the company; the clerk types his personal code:");
    check(
        story,
        "Personal code",
        "161175-19997",
        "161175-19997".parse::<PersonalCode>(),
    );
    check(
        story,
        "Personal code (one digit mistyped)",
        "161175-19987",
        "161175-19987".parse::<PersonalCode>(),
    );

    story.heading("2. The client orders goods for 1 234,56 EUR without VAT (T1.3, T4.6).");
    let net = Money::new(rust_decimal::Decimal::new(123_456, 2), Currency::EUR);
    let rate = VatRateTable::latvia().rate(VatRateClass::Standard, today);
    let bill =
        rate.and_then(|rate| VatAmounts::from_net(net, rate, Rounding::CENTS_HALF_AWAY_FROM_ZERO));
    let Ok(bill) = bill else {
        story.line("No VAT rate is known for that date; the story stops here.");
        return;
    };
    story.line(&format!(
        "Net {}, VAT {} at {}, total {} (VAT rounded half away from zero, per document).",
        bill.net, bill.vat, bill.rate, bill.gross
    ));
    story.line(&format!(
        "On the invoice: {}",
        bill.gross.to_localized_string(Language::Latvian)
    ));
    let figures = WordsOptions::default().with_cents(CentsStyle::Figures);
    for (language, options) in [
        (Language::Latvian, figures),
        (Language::Latvian, WordsOptions::default()),
        (Language::English, WordsOptions::default()),
        (Language::Russian, WordsOptions::default()),
    ] {
        match amount_in_words(&bill.gross, language, &options) {
            Ok(words) => story.line(&format!("Amount in words ({language}): {words}")),
            Err(error) => story.line(&format!("Amount in words ({language}) failed: {error}")),
        }
    }

    story.heading("3. Payment terms: 10 working days, with a creditor reference (T4.5).");
    match calendar.deadline(today, apkalpe_core::Period::WorkingDays(10)) {
        Ok(deadline) => {
            story.line(&format!("Pay by {}.", deadline.date()));
            for step in deadline.steps() {
                story.line(&format!("  {step}"));
            }
        }
        Err(error) => story.line(&format!("No deadline: {error}")),
    }
    match CreditorReference::from_payment_reference("2026000123") {
        Ok(reference) => story.line(&format!(
            "Payment reference 2026000123 becomes {} (print form {}).",
            reference,
            reference.print_form()
        )),
        Err(error) => story.line(&format!("No creditor reference: {error}")),
    }

    story.heading(
        "4. A walk-in customer pays 12,33 EUR: 2,00 by card, the rest in cash (T4.2, T4.4).",
    );
    let policy = CashRounding::builtin();
    let total = Money::new(rust_decimal::Decimal::new(1233, 2), Currency::EUR);
    let card = Money::new(rust_decimal::Decimal::new(200, 2), Currency::EUR);
    for (country, name) in [
        (CountryCode::LV, "In Riga"),
        (CountryCode::EE, "Had the shop been in Tallinn"),
    ] {
        match policy.settle(country, today, total, card) {
            Ok(settled) => story.line(&format!(
                "{name}: cash due {} (rounding difference {}); the card part {} is never rounded.",
                settled.cash_due, settled.difference, settled.non_cash
            )),
            Err(error) => story.line(&format!("{name}: {error}")),
        }
    }
    story.line("VAT stays computed on the unrounded total.");

    story.heading(
        "5. A complaint arrives today; the trader must answer within 15 working days (T3.7, T2.8).",
    );
    match calendar.deadline(today, apkalpe_core::Period::WorkingDays(15)) {
        Ok(deadline) => story.line(&format!(
            "Reasoned written answer due by {} (PTAL art. 26.1; silence counts as refusal).",
            deadline.date()
        )),
        Err(error) => story.line(&format!("No deadline: {error}")),
    }
    story.report.text("");
    story
        .report
        .text("End of the demo. Later crates grow this into a whole working day.");
}
