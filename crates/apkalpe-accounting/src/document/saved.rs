//! What every restore of a saved document shares: the document number, texts and notes checked
//! as their setters check them, the requisite options a restore re-checks with, and the
//! comparison of saved totals with the totals the lines give.

use apkalpe_core::{
    CountNoun, Currency, DocumentNumber, Language, Money, NumberPattern, NumberSeries,
    RestoreError, YearReset,
};
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::document::check_note;
use crate::error::ValidationReport;
use crate::line::{MAX_TEXT_CHARS, check_text};
use crate::requisite::IssueOptions;
use crate::totals::{DocumentTotals, VatBreakdown};

/// The widest `{seq:N}` a number pattern allows.
const MAX_SEQUENCE_WIDTH: usize = 10;

/// The longest text a number pattern renders: a pattern has at most 64 characters, and only
/// `{seq}` (5 characters, up to 10 digits) renders longer than it is written.
const MAX_NUMBER_CHARS: usize = 64 + 5;

/// Characters, after "vairāk par": "vairāk par 69 rakstzīmēm" (a restore error's Latvian
/// reason).
const CHARACTERS: CountNoun<'static> = CountNoun::new("rakstzīmi", "rakstzīmēm");

#[cfg(feature = "serde")]
/// The saved form of a [`DocumentNumber`]: `{"series", "year", "sequence", "text"}`, as core
/// serialises it.
#[derive(Debug, Clone)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(crate) struct NumberRecord {
    series: String,
    year: i32,
    sequence: u32,
    text: String,
}

impl NumberRecord {
    /// Restores the number: a valid series id, a year of 1–9999, a sequence from 1, and a text
    /// that is a rendering of that sequence (the sequence's digits, zero-padded or not, with
    /// any literal text around them).
    ///
    /// Core gives no public way to rebuild a [`DocumentNumber`] (only a series issues one), so
    /// the number is re-issued by a series that continues from it, with a pattern that renders
    /// exactly the saved text.
    pub(crate) fn restore(self, what: &'static str) -> Result<DocumentNumber, RestoreError> {
        let plain = "{seq}"
            .parse::<NumberPattern>()
            .map_err(|error| RestoreError::invalid(what, "text", error))?;
        NumberSeries::try_new(&self.series, plain, YearReset::Never)
            .map_err(|error| RestoreError::invalid(what, "series", error))?;
        if self.sequence == 0 {
            return Err(
                RestoreError::inconsistent(what, "sequence", "a series numbers from 1")
                    .with_latvian_reason("sērija numurē no 1"),
            );
        }
        if self.text.chars().count() > MAX_NUMBER_CHARS {
            return Err(RestoreError::inconsistent(
                what,
                "text",
                format_args!("no number pattern renders more than {MAX_NUMBER_CHARS} characters"),
            )
            .with_latvian_reason(format_args!(
                "neviens numura paraugs neveido vairāk par {}",
                CHARACTERS.count_of(Language::Latvian, MAX_NUMBER_CHARS)
            )));
        }
        for template in templates(&self.text, self.sequence) {
            let Ok(pattern) = template.parse::<NumberPattern>() else {
                continue;
            };
            let series = NumberSeries::try_continue_from(
                &self.series,
                pattern,
                YearReset::Never,
                self.year,
                self.sequence,
            )
            .map_err(|error| RestoreError::invalid(what, "year", error))?;
            if let Some(number) = series
                .last_issued()
                .filter(|number| number.as_str() == self.text)
            {
                return Ok(number);
            }
        }
        Err(RestoreError::inconsistent(
            what,
            "text",
            format_args!(
                "{:?} does not show sequence {}",
                self.text.chars().take(32).collect::<String>(),
                self.sequence
            ),
        )
        .with_latvian_reason(format_args!(
            "{:?} neuzrāda kārtas numuru {}",
            self.text.chars().take(32).collect::<String>(),
            self.sequence
        )))
    }
}

/// Restores a number issued for a document dated `date`: the series takes the number's year
/// from the issue date.
pub(crate) fn number_dated(
    record: NumberRecord,
    what: &'static str,
    field: &'static str,
    date: NaiveDate,
    date_field: &'static str,
) -> Result<DocumentNumber, RestoreError> {
    let number = record.restore(what).map_err(|error| error.within(field))?;
    if number.year() != date.year() {
        return Err(RestoreError::inconsistent(
            what,
            format!("{field}.year"),
            format_args!(
                "a number of {} cannot be issued on {date} ({date_field})",
                number.year()
            ),
        )
        .with_latvian_reason(format_args!(
            "{}. gada numuru nevar piešķirt {date} ({date_field})",
            number.year()
        )));
    }
    Ok(number)
}

/// The number patterns that may render `text` for `sequence`: for every place the sequence's
/// digits occur, the literal text around them, with the zeros in front taken as padding
/// (`{seq:N}`) or kept as literal text (`{seq}`).
fn templates(text: &str, sequence: u32) -> Vec<String> {
    let digits = sequence.to_string();
    let mut templates = Vec::new();
    for (start, _) in text.char_indices() {
        let (Some(before), Some(rest)) = (text.get(..start), text.get(start..)) else {
            continue;
        };
        let Some(after) = rest.strip_prefix(digits.as_str()) else {
            continue;
        };
        let zeros = before
            .bytes()
            .rev()
            .take_while(|byte| *byte == b'0')
            .count();
        let padding = zeros.min(MAX_SEQUENCE_WIDTH.saturating_sub(digits.len()));
        if padding > 0 {
            let literal = before.get(..before.len().saturating_sub(padding));
            if let Some(literal) = literal {
                let width = padding.saturating_add(digits.len());
                templates.push(template(literal, &format!("{{seq:{width}}}"), after));
            }
        }
        templates.push(template(before, "{seq}", after));
    }
    templates
}

/// Joins literal text, escaped, around a sequence token.
fn template(before: &str, token: &str, after: &str) -> String {
    let mut template = String::with_capacity(before.len() + token.len() + after.len() + 4);
    escape(before, &mut template);
    template.push_str(token);
    escape(after, &mut template);
    template
}

/// Writes literal text as a number pattern reads it: braces doubled.
fn escape(literal: &str, out: &mut String) {
    for character in literal.chars() {
        match character {
            '{' => out.push_str("{{"),
            '}' => out.push_str("}}"),
            other => out.push(other),
        }
    }
}

/// Checks a short text (an item name, a reference) as its setter does: trimmed, 1–200
/// characters, no control characters.
pub(crate) fn text(
    what: &'static str,
    field: impl Into<String>,
    value: &str,
    label: &'static str,
) -> Result<String, RestoreError> {
    check_text(value, label, MAX_TEXT_CHARS)
        .map_err(|error| RestoreError::invalid(what, field, error))
}

/// Checks an optional short text.
pub(crate) fn optional_text(
    what: &'static str,
    field: &'static str,
    value: Option<String>,
    label: &'static str,
) -> Result<Option<String>, RestoreError> {
    value
        .map(|value| text(what, field, &value, label))
        .transpose()
}

/// Checks a note (payment terms, a reason, a basis) as its setter does: trimmed, 1–1 000
/// characters, no control characters but line breaks.
pub(crate) fn note(
    what: &'static str,
    field: impl Into<String>,
    value: &str,
    label: &'static str,
) -> Result<String, RestoreError> {
    check_note(value, label).map_err(|error| RestoreError::invalid(what, field, error))
}

/// Checks an optional note.
pub(crate) fn optional_note(
    what: &'static str,
    field: &'static str,
    value: Option<String>,
    label: &'static str,
) -> Result<Option<String>, RestoreError> {
    value
        .map(|value| note(what, field, &value, label))
        .transpose()
}

/// Refuses a requisite report with findings: the first finding names the field (under
/// `prefix`) and gives the cause.
pub(crate) fn requisites(
    what: &'static str,
    prefix: &str,
    report: ValidationReport,
) -> Result<(), RestoreError> {
    match report.findings().first() {
        None => Ok(()),
        Some(finding) => {
            let field = if prefix.is_empty() {
                finding.field().to_owned()
            } else {
                format!("{prefix}.{}", finding.field())
            };
            Err(RestoreError::invalid(what, field, finding.clone()))
        }
    }
}

/// The options a saved invoice or credit note is re-checked with: the defaults, without the
/// simplified-invoice limit. The limit and the VAT rate table are the issuer's settings, not
/// saved with the document, so a restore cannot know them; every other requisite only
/// depends on the document and its issue date.
pub(crate) fn restore_options() -> IssueOptions {
    IssueOptions::default().with_simplified_limit(Money::new(Decimal::MAX, Currency::EUR))
}

/// Compares saved totals with the totals the lines give, naming the first total that differs
/// (`totals.amount_due`).
pub(crate) fn same_totals(
    what: &'static str,
    saved: &DocumentTotals,
    computed: &DocumentTotals,
) -> Result<(), RestoreError> {
    let differ =
        |field: String, saved: &dyn std::fmt::Display, computed: &dyn std::fmt::Display| {
            RestoreError::inconsistent(
                what,
                format!("totals.{field}"),
                format_args!("saved {saved}, the lines give {computed}"),
            )
            .with_latvian_reason(format_args!(
                "saglabāts {saved}, bet pēc rindām sanāk {computed}"
            ))
        };
    if saved.line_nets().len() != computed.line_nets().len() {
        return Err(differ(
            "line_nets".to_owned(),
            &format_args!("{} line nets", saved.line_nets().len()),
            &format_args!("{}", computed.line_nets().len()),
        ));
    }
    for (index, (saved, computed)) in saved
        .line_nets()
        .iter()
        .zip(computed.line_nets())
        .enumerate()
    {
        if saved != computed {
            return Err(differ(format!("line_nets[{index}]"), saved, computed));
        }
    }
    let money = [
        ("line_total", saved.line_total(), computed.line_total()),
        (
            "allowance_total",
            saved.allowance_total(),
            computed.allowance_total(),
        ),
        (
            "charge_total",
            saved.charge_total(),
            computed.charge_total(),
        ),
        (
            "tax_exclusive",
            saved.tax_exclusive(),
            computed.tax_exclusive(),
        ),
    ];
    for (field, saved, computed) in money {
        if saved != computed {
            return Err(differ(field.to_owned(), &saved, &computed));
        }
    }
    same_rows(saved.vat_breakdown(), computed.vat_breakdown())
        .map_err(|(field, saved, computed)| differ(field, &saved, &computed))?;
    let money = [
        ("vat_total", saved.vat_total(), computed.vat_total()),
        (
            "tax_inclusive",
            saved.tax_inclusive(),
            computed.tax_inclusive(),
        ),
        ("prepaid", saved.prepaid(), computed.prepaid()),
        ("amount_due", saved.amount_due(), computed.amount_due()),
    ];
    for (field, saved, computed) in money {
        if saved != computed {
            return Err(differ(field.to_owned(), &saved, &computed));
        }
    }
    Ok(())
}

/// Compares two VAT breakdowns row by row; the difference as (field, saved, computed).
fn same_rows(
    saved: &[VatBreakdown],
    computed: &[VatBreakdown],
) -> Result<(), (String, String, String)> {
    if saved.len() != computed.len() {
        return Err((
            "vat_breakdown".to_owned(),
            format!("{} rows", saved.len()),
            format!("{}", computed.len()),
        ));
    }
    for (index, (saved, computed)) in saved.iter().zip(computed).enumerate() {
        if saved.vat() != computed.vat() {
            return Err((
                format!("vat_breakdown[{index}].vat"),
                format!("{} {}", saved.category(), saved.rate()),
                format!("{} {}", computed.category(), computed.rate()),
            ));
        }
        let pairs = [
            (
                "taxable_amount",
                saved.taxable_amount(),
                computed.taxable_amount(),
            ),
            ("vat_amount", saved.vat_amount(), computed.vat_amount()),
        ];
        for (field, saved, computed) in pairs {
            if saved != computed {
                return Err((
                    format!("vat_breakdown[{index}].{field}"),
                    saved.to_string(),
                    computed.to_string(),
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(series: &str, year: i32, sequence: u32, text: &str) -> NumberRecord {
        NumberRecord {
            series: series.to_owned(),
            year,
            sequence,
            text: text.to_owned(),
        }
    }

    #[test]
    fn numbers_of_every_pattern_shape_restore() {
        let cases = [
            ("INV{year}-{seq:5}", 2026, 1),
            ("KIO{yy}-{seq:4}", 2026, 17),
            ("A0{seq}", 2026, 5),
            ("{seq:10}", 2026, 1),
            ("{{x}}-{seq}-{year}", 2026, 2026),
            ("{seq}", 2026, u32::MAX),
            ("Rēķins Nr. {seq:3}/{yy}", 1999, 7),
            ("X{seq:2}0{seq:1}", 2026, 1),
        ];
        for (template, year, sequence) in cases {
            let Ok(pattern) = template.parse::<NumberPattern>() else {
                continue;
            };
            let series =
                NumberSeries::try_continue_from("s", pattern, YearReset::Never, year, sequence)
                    .unwrap();
            let number = series.last_issued().unwrap();
            let restored = record("s", year, sequence, number.as_str())
                .restore("T")
                .unwrap();
            assert_eq!(restored, number, "{template}");
        }
    }

    #[test]
    fn malformed_numbers_are_refused() {
        let code = |record: NumberRecord| {
            let error = record.restore("T").unwrap_err();
            (error.code(), error.field().to_owned())
        };
        assert_eq!(
            code(record("s", 2026, 2, "INV-0001")),
            ("restore.inconsistent", "text".to_owned())
        );
        assert_eq!(
            code(record("s", 2026, 0, "INV-0")),
            ("restore.inconsistent", "sequence".to_owned())
        );
        assert_eq!(
            code(record(" s", 2026, 1, "1")),
            ("restore.invalid", "series".to_owned())
        );
        assert_eq!(
            code(record("s", 10_000, 1, "1")),
            ("restore.invalid", "year".to_owned())
        );
        assert_eq!(
            code(record("s", 2026, 1, "A\n1")),
            ("restore.inconsistent", "text".to_owned())
        );
        assert_eq!(
            code(record("s", 2026, 1, &"1".repeat(70))),
            ("restore.inconsistent", "text".to_owned())
        );
        // The longest rendering there is.
        let longest = format!("{}{{seq}}", "x".repeat(59));
        let series = NumberSeries::try_continue_from(
            "s",
            longest.parse().unwrap(),
            YearReset::Never,
            2026,
            u32::MAX,
        )
        .unwrap();
        let number = series.last_issued().unwrap();
        assert_eq!(number.as_str().chars().count(), MAX_NUMBER_CHARS);
        assert_eq!(
            record("s", 2026, u32::MAX, number.as_str())
                .restore("T")
                .unwrap(),
            number
        );
    }
}
