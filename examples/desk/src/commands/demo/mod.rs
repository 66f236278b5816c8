//! `desk demo`: one working day of a Latvian service desk, told as a story in ten steps for
//! students (issue 8).
//!
//! Every change of the day is an [`Operation`] applied through the [`Store`] (in memory, or
//! the SQLite file given with `--db`), so the story exercises the same office and journal as
//! the other commands; only read-only work (a recommendation, a quote, the EPC QR code,
//! statistics, the reminder, the accounting batch, the archive list) calls the crates
//! directly on what the store's office holds. Each step names the tasks of the profession
//! standard it serves. A step that cannot go on says why, and the story moves on.
//!
//! Without `--seed` the day is the documented one (the snapshot and the committed e-invoices
//! follow it); `--seed N` draws another cast of clients, goods and amounts from a small
//! deterministic generator ([`cast`]), so the same seed gives the same day, byte for byte.

use std::path::Path;

use apkalpe_core::riga_offset;
use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};

use super::files::write_file;
use super::{CommandError, parse_date};
use crate::office::{Operation, Outcome};
use crate::store::{Store, StoreError};
use crate::{Context, Report};

mod afternoon;
mod cast;
mod morning;

use cast::Cast;

/// What a step returns: any error stops the step (and is told), not the day.
type StepResult = Result<(), Box<dyn std::error::Error>>;

/// The options of `desk demo`.
pub(super) struct DemoArgs<'a> {
    /// `--date`.
    pub(super) date: Option<&'a str>,
    /// `--out`.
    pub(super) out: Option<&'a Path>,
    /// `--seed`.
    pub(super) seed: Option<u64>,
    /// `--db`.
    pub(super) db: Option<&'a Path>,
}

/// What one step learns that a later step needs.
#[derive(Debug, Default)]
struct Facts {
    /// The walk-in person's client id.
    person: Option<uuid::Uuid>,
    /// The company's client id.
    company: Option<uuid::Uuid>,
    /// The regular client's client id.
    regular: Option<uuid::Uuid>,
    /// The order: its reference, lines and dispatch day.
    order: Option<(String, Vec<crate::office::ItemLine>, NaiveDate)>,
    /// The card sale that comes back: terminal, payment, receipt number, masked card.
    card_sale: Option<morning::CardSale>,
    /// Today's invoice to the company.
    invoice: Option<String>,
    /// The cash order of the company's advance and its amount, taken to the bank at the
    /// close.
    advance: Option<(String, apkalpe_core::Money)>,
}

/// What the story prints, and the documents it keeps for `--out`.
struct Out<'r, 'a> {
    report: &'r mut Report<'a>,
    /// The documents the day produced, by file name, for `--out`.
    documents: Vec<(String, String)>,
}

/// The day being told: the output, the store, the cast and what the steps learnt.
struct Story<'r, 'a> {
    out: Out<'r, 'a>,
    store: Store,
    cast: Cast,
    today: NaiveDate,
    facts: Facts,
}

impl Out<'_, '_> {
    /// A heading, after an empty line.
    fn heading(&mut self, text: &str) {
        self.report.text("");
        self.report.text(text);
    }

    /// A line of the story, indented under its heading.
    fn line(&mut self, text: &str) {
        self.report.text(&format!("  {text}"));
    }

    /// A rendered document or table, indented as one block.
    fn block(&mut self, text: &str) {
        for line in text.lines() {
            if line.is_empty() {
                self.report.text("");
            } else {
                self.report.text(&format!("    {line}"));
            }
        }
    }

    /// Keeps a document the day produced, to be written by `--out`.
    fn keep(&mut self, file_name: &str, contents: String) {
        self.documents.push((file_name.to_owned(), contents));
    }
}

impl Story<'_, '_> {
    /// Applies an operation through the store at `hour:minute` Riga time today.
    fn apply(
        &mut self,
        operation: &Operation,
        hour: u32,
        minute: u32,
    ) -> Result<Outcome, StoreError> {
        let at = riga_time(self.today, hour, minute);
        self.store
            .apply(operation, at)
            .map(|applied| applied.outcome)
    }

    /// Tells one step: its heading with the standard's task IDs, then its body.
    fn step(
        &mut self,
        number: u8,
        title: &str,
        tasks: &str,
        body: impl FnOnce(&mut Self) -> StepResult,
    ) {
        self.out.heading(&format!("{number}. {title} ({tasks})"));
        if let Err(error) = body(self) {
            let message = crate::output::message_in(&*error, self.out.report.language());
            self.out.line(&format!("(the step stops here: {message})"));
        }
    }
}

/// `hour:minute` in Riga on `day`, as an instant.
fn riga_time(day: NaiveDate, hour: u32, minute: u32) -> DateTime<Utc> {
    let local = day.and_time(NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or(NaiveTime::MIN));
    let guess = Utc.from_utc_datetime(&local);
    guess
        .checked_sub_signed(riga_offset(guess))
        .unwrap_or(guess)
}

/// Runs `desk demo`: opens the store (refusing a database that already holds a day), tells
/// the day and writes its documents for `--out`.
pub(super) fn run(
    args: &DemoArgs<'_>,
    context: &Context,
    report: &mut Report<'_>,
) -> Result<(), CommandError> {
    let today = match args.date {
        Some(text) => match parse_date(text, report) {
            Some(date) => date,
            None => return Ok(()),
        },
        None => context.today,
    };
    let opened = match args.db {
        Some(path) => Store::open(path),
        None => Store::in_memory(),
    };
    let store = match opened {
        Ok(store) => store,
        Err(error) => {
            report.error(&error);
            return Ok(());
        }
    };
    if let Some(path) = args.db
        && store.journal_len() > 0
    {
        // A second day on top of the first would mix two stories in one journal; the demo
        // tells one day into an empty database and leaves any other alone.
        report.invalid_in(
            "demo.db_not_empty",
            &format!(
                "{} already holds {} operations; give a new file to keep the demo's day",
                path.display(),
                store.journal_len()
            ),
            &format!(
                "{} jau ir darbības ({}); demonstrācijas dienai norādiet jaunu failu",
                path.display(),
                store.journal_len()
            ),
        );
        return Ok(());
    }
    let cast = match args.seed {
        Some(seed) => Cast::seeded(seed),
        None => Cast::documented(),
    };
    let mut story = Story {
        out: Out {
            report,
            documents: Vec::new(),
        },
        store,
        cast,
        today,
        facts: Facts::default(),
    };
    tell(&mut story, args.seed);
    if let Some(path) = args.db {
        let operations = story.store.journal_len();
        story.out.report.text("");
        story.out.report.text(&format!(
            "The day is kept in {}: {operations} operations in its journal.",
            path.display()
        ));
    }
    if let Some(dir) = args.out {
        write_documents(dir, &story.out.documents, story.out.report);
    }
    Ok(())
}

/// Writes every document of the day into `dir` (created if missing), one line per file.
fn write_documents(dir: &Path, documents: &[(String, String)], report: &mut Report<'_>) {
    if let Err(error) = std::fs::create_dir_all(dir) {
        report.invalid_in(
            "file.write",
            &format!("cannot create {}: {}", dir.display(), error.kind()),
            &format!("nevar izveidot {}: {}", dir.display(), error.kind()),
        );
        return;
    }
    report.text("");
    report.text(&format!(
        "The day's documents, written to {}:",
        dir.display()
    ));
    for (name, contents) in documents {
        let path = dir.join(name);
        if write_file(&path, contents.as_bytes(), report) {
            report.text(&format!("  {name} ({} bytes)", contents.len()));
        }
    }
}

/// Tells the day: the opening lines, then the ten steps of the issue in order.
fn tell(story: &mut Story<'_, '_>, seed: Option<u64>) {
    let today = story.today;
    let calendar = story.store.office().calendar().clone();
    story.out.report.text(&format!(
        "A day at the service desk of SIA Apkalpe, {today} (Riga)."
    ));
    match seed {
        Some(seed) => story.out.line(&format!(
            "Seed {seed}: other clients, goods and amounts than the documented day."
        )),
        None if today == cast::DOCUMENTED_DAY => story.out.line(
            "The documented day: docs/tour.md follows it step by step (give --seed N for another).",
        ),
        None => story.out.line(&format!(
            "The clients and goods of the documented day (docs/tour.md follows them on {}), on {today}; give --seed N for others.",
            cast::DOCUMENTED_DAY
        )),
    }
    story.out.line(
        "In brackets after each step: the tasks (T…), skills (S…) and knowledge (K…) of the profession standard it serves (docs/traceability.md).",
    );
    match calendar.is_working_day(today) {
        Ok(true) => story.out.line("It is a working day in Latvia."),
        Ok(false) => story
            .out
            .line("It is not a working day in Latvia; the desk is on duty anyway."),
        Err(error) => story.out.line(&format!("The calendar cannot say: {error}")),
    }
    story
        .out
        .line("Every change below is an operation written to the desk's journal.");
    story.step(
        1,
        "Open the day: the file plan, the books carried over and the cash register",
        "T3.4, T3.9, T4.2, T4.4, S35",
        morning::open_day,
    );
    story.step(
        2,
        "Two new clients: a walk-in person and a company checked in the register",
        "T2.1, T2.2, S8, S30, T6.3",
        morning::clients,
    );
    story.step(
        3,
        "A need, products recommended, a quote with a promotion, stock reserved, a delivery",
        "T2.3–T2.5, T1.2–T1.5, T1.9, S9, S31, S32",
        morning::need_and_order,
    );
    story.step(
        4,
        "A contract drawn up and registered in its case",
        "T3.2, T3.4, C16, S19",
        morning::contract,
    );
    story.step(
        5,
        "Sales at the register: cash with change, a card, a mixed payment, an advance in cash under the cash limit",
        "T4.2–T4.4, S33–S35",
        morning::sales,
    );
    story.step(
        6,
        "An invoice to the company with its e-invoice and EPC QR code, and a waybill",
        "T4.1, T4.5, T4.6, T4.8, S27, S29",
        afternoon::invoice,
    );
    story.step(
        7,
        "A consumer complaint answered, a card refund and a credit note",
        "T2.7, T2.8, T3.1, T3.7, T4.3, T4.8, S43",
        afternoon::complaint,
    );
    story.step(
        8,
        "The bank statement reconciled, and a reminder for what is overdue",
        "T4.3, T4.5, T4.8, S33",
        afternoon::bank,
    );
    story.step(
        9,
        "A short survey: results and the detractors to call back",
        "T5.7–T5.9, S15",
        afternoon::survey,
    );
    story.step(
        10,
        "Close the day: Z report, accounting batch, the filed documents and the archive",
        "T4.2, T4.4, T4.7, T4.8, T3.4, T3.9, S29",
        afternoon::close_day,
    );
    story.out.report.text("");
    story.out.report.text("End of the day.");
}
