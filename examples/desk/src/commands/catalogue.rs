//! `desk catalogue search` and `desk quote` over a catalogue file (T1.2–T1.4, S4, S5), and
//! `desk catalogue load`, which makes a file the catalogue of the desk's database (T6.3).

use std::path::Path;

use apkalpe_catalogue::{CatalogueError, CatalogueFile, ClientSegment, Quantity, SearchQuery, Sku};
use apkalpe_core::Language;
use chrono::NaiveDate;

use super::CommandError;
use super::files::read_text;
use super::state;
use crate::office::{Operation, Outcome};
use crate::{Context, Report};

fn fail(error: impl Into<CatalogueError>, report: &mut Report<'_>) {
    let error = error.into();
    report.error(&error);
}

fn read_file(path: &Path, report: &mut Report<'_>) -> Option<CatalogueFile> {
    let text = read_text(path, report)?;
    match CatalogueFile::from_json(&text) {
        Ok(file) => Some(file),
        Err(error) => {
            fail(error, report);
            None
        }
    }
}

fn segment(text: Option<&str>, report: &mut Report<'_>) -> Result<Option<ClientSegment>, ()> {
    match text.map(str::parse::<ClientSegment>).transpose() {
        Ok(segment) => Ok(segment),
        Err(error) => {
            fail(error, report);
            Err(())
        }
    }
}

fn print_lines(text: &str, report: &mut Report<'_>) {
    for line in text.lines() {
        report.text(line);
    }
}

pub(super) fn search(
    text: &str,
    path: &Path,
    date: NaiveDate,
    segment_text: Option<&str>,
    language: Language,
    report: &mut Report<'_>,
) -> Result<(), CommandError> {
    let Some(file) = read_file(path, report) else {
        return Ok(());
    };
    let Ok(segment) = segment(segment_text, report) else {
        return Ok(());
    };
    let query = SearchQuery::text(text).priced_on(date, segment);
    print_lines(&file.catalogue().search(&query).render(language), report);
    Ok(())
}

/// The arguments of `desk quote`.
pub(crate) struct QuoteArgs<'a> {
    pub sku: &'a str,
    pub quantity: &'a str,
    pub segment: Option<&'a str>,
    pub date: NaiveDate,
    pub language: Language,
}

pub(super) fn quote(
    args: &QuoteArgs<'_>,
    path: &Path,
    report: &mut Report<'_>,
) -> Result<(), CommandError> {
    let sku: Sku = match args.sku.parse() {
        Ok(sku) => sku,
        Err(error) => {
            fail(error, report);
            return Ok(());
        }
    };
    let quantity: Quantity = match args.quantity.parse() {
        Ok(quantity) => quantity,
        Err(error) => {
            fail(error, report);
            return Ok(());
        }
    };
    let Ok(segment) = segment(args.segment, report) else {
        return Ok(());
    };
    let Some(file) = read_file(path, report) else {
        return Ok(());
    };
    match file
        .catalogue()
        .quote(&sku, quantity, segment.as_ref(), args.date)
    {
        Ok(quote) => print_lines(&quote.render(args.language), report),
        Err(error) => fail(error, report),
    }
    Ok(())
}

/// `desk catalogue load <file> [--db]`: the file becomes the desk's catalogue, through ONE
/// operation ([`Operation::LoadCatalogue`]) journalled with the `products` table it fills.
pub(super) fn load(
    file: &Path,
    db: &Path,
    context: &Context,
    report: &mut Report<'_>,
) -> Result<(), CommandError> {
    let Some(json) = read_text(file, report) else {
        return Ok(());
    };
    let Some(mut store) = state::open(db, report) else {
        return Ok(());
    };
    let Some(applied) = state::apply(
        &mut store,
        &Operation::LoadCatalogue { json },
        context,
        report,
    ) else {
        return Ok(());
    };
    if let Outcome::CatalogueLoaded {
        products,
        reservations,
    } = &applied.outcome
    {
        state::summary(
            &format!(
                "Catalogue {} loaded: {products} products; {reservations} open reservations carried over.",
                file.display()
            ),
            state::object([
                ("products", (*products).into()),
                ("reservations_carried", (*reservations).into()),
            ]),
            &applied,
            report,
        );
    }
    Ok(())
}
