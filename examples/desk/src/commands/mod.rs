//! The commands of `desk`, one module each.

use std::io::BufRead;

use clap::{Subcommand, ValueEnum};

use crate::{Context, Report};

mod bank;
mod batch;
mod billing;
mod cash;
mod cash_round;
mod cash_spec;
mod catalogue;
mod check;
mod client;
mod company;
mod complaints;
mod day;
mod deadline;
mod demo;
mod documents;
mod epc_qr;
mod files;
mod holidays;
mod invoice;
mod reconcile;
mod rf;
mod sale;
mod shift;
mod simulate;
mod state;
mod statement;
mod survey;
mod words;

/// Recognises the command-line errors of the commands behind a `&dyn Error`.
pub(crate) fn downcast_error<'a>(
    error: &'a (dyn std::error::Error + 'static),
) -> Option<&'a dyn apkalpe_core::LocalizedError> {
    None.or_else(|| {
        error
            .downcast_ref::<state::ArgError>()
            .map(|e| e as &dyn apkalpe_core::LocalizedError)
    })
    .or_else(|| {
        error
            .downcast_ref::<cash_spec::CashSpecError>()
            .map(|e| e as &dyn apkalpe_core::LocalizedError)
    })
}

/// Why a command could not run.
#[derive(Debug)]
pub(crate) enum CommandError {
    /// Writing the output failed (a closed pipe): stop quietly.
    Io,
}

/// The kinds of identifier `desk check` knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum IdentifierKind {
    /// Latvian personal code (personas kods), old or new format.
    PersonalCode,
    /// Latvian registration number (reģistrācijas numurs).
    RegNumber,
    /// EU VAT number (PVN numurs), Latvian ones with their checksum.
    VatNumber,
    /// IBAN of any ISO 13616 country.
    Iban,
    /// ISO 11649 creditor reference (RF).
    Rf,
    /// Payment card number (Luhn, length per brand); only the masked number is printed.
    Card,
}

/// The languages of amounts in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum LanguageArg {
    /// Latvian.
    Lv,
    /// English.
    En,
    /// German.
    De,
    /// Russian.
    Ru,
}

impl From<LanguageArg> for apkalpe_core::Language {
    fn from(language: LanguageArg) -> Self {
        match language {
            LanguageArg::Lv => apkalpe_core::Language::Latvian,
            LanguageArg::En => apkalpe_core::Language::English,
            LanguageArg::De => apkalpe_core::Language::German,
            LanguageArg::Ru => apkalpe_core::Language::Russian,
        }
    }
}

/// Countries with a cash-rounding rule in the built-in table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum CountryArg {
    /// Latvia: no cash-rounding law as of the facts.
    Lv,
    /// Estonia: 0.05 EUR from 2025-01-01.
    Ee,
    /// Lithuania: 0.05 EUR from 2025-05-01.
    Lt,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Checks identifiers: one output line per value; `-` reads one value per line from stdin.
    Check {
        /// What the values are.
        kind: IdentifierKind,
        /// The values; `-` reads them from standard input, one per line (blank lines skipped).
        #[arg(required = true)]
        values: Vec<String>,
    },
    /// Writes an amount in words, as on an invoice ("Summa vārdiem").
    Words {
        /// The amount: "123.45", "123,45" or "1 234,56".
        #[arg(allow_hyphen_values = true)]
        amount: String,
        /// The language.
        #[arg(long, value_enum, default_value = "lv")]
        lang: LanguageArg,
        /// Write the cents in figures ("… euro un 45 centi"), the common invoice form.
        #[arg(long)]
        cents_in_figures: bool,
        /// The currency (ISO 4217 code).
        #[arg(long, default_value = "EUR")]
        currency: String,
    },
    /// Makes an ISO 11649 creditor reference (RF) from a payment reference.
    Rf {
        /// The payment references (letters and digits, up to 21).
        #[arg(required = true)]
        references: Vec<String>,
    },
    /// Rounds the cash part of a total under the cash-rounding rule in force.
    CashRound {
        /// The total to pay, in euro.
        #[arg(allow_hyphen_values = true)]
        amount: String,
        /// The country whose rule applies.
        #[arg(long, value_enum, default_value = "lv")]
        country: CountryArg,
        /// The date of the payment (ISO 8601); today in Riga by default.
        #[arg(long)]
        date: Option<String>,
        /// The part paid by card or transfer, never rounded.
        #[arg(long, default_value = "0")]
        non_cash: String,
    },
    /// Lists the Latvian public holidays and days off of a year.
    Holidays {
        /// The year, 1991 to 2100.
        year: String,
    },
    /// Computes a deadline: the first line is the date, the next lines the rules applied.
    Deadline {
        /// The start date (ISO 8601): the day of the event, which is not counted.
        start: String,
        /// The period: `15d` days, `10wd` working days, `1m` months.
        period: String,
    },
    /// Looks a company up in the Register of Enterprises open-data file and gives the verdict.
    Company {
        /// The registration number.
        registration_number: String,
        /// The register file (`register.csv`, semicolon-separated).
        #[arg(long)]
        register: std::path::PathBuf,
    },
    /// Searches a catalogue file by text (any of the four languages, diacritics ignored).
    Catalogue {
        #[command(subcommand)]
        action: CatalogueAction,
    },
    /// Quotes a product: unit price, every discount and why, net, VAT and gross.
    Quote {
        /// The product's SKU.
        sku: String,
        /// The quantity ("2", "2,5").
        quantity: String,
        /// The catalogue file (JSON, format apkalpe-catalogue/1).
        #[arg(long)]
        catalogue: std::path::PathBuf,
        /// The date of the quote (ISO 8601); today in Riga by default.
        #[arg(long)]
        date: Option<String>,
        /// The client segment whose price list applies.
        #[arg(long)]
        segment: Option<String>,
        /// The language of the quote.
        #[arg(long, value_enum, default_value = "lv")]
        lang: LanguageArg,
    },
    /// Survey results.
    Survey {
        #[command(subcommand)]
        action: SurveyAction,
    },
    /// Prints the EPC QR payload of a credit transfer; `--svg` also writes the QR code.
    EpcQr {
        /// The beneficiary's IBAN.
        #[arg(long)]
        iban: String,
        /// The beneficiary's name (at most 70 characters).
        #[arg(long)]
        name: String,
        /// The amount in euro (0.01 to 999999999.99).
        #[arg(long, allow_hyphen_values = true)]
        amount: String,
        /// The beneficiary bank's BIC (optional in the EEA).
        #[arg(long)]
        bic: Option<String>,
        /// A structured creditor reference (RF).
        #[arg(long, conflicts_with = "text")]
        reference: Option<String>,
        /// Unstructured remittance text (at most 140 characters).
        #[arg(long)]
        text: Option<String>,
        /// Write the QR code as SVG to this file.
        #[arg(long)]
        svg: Option<std::path::PathBuf>,
    },
    /// Matches a camt.053/camt.054 bank statement against open receivables: those of a CSV
    /// file, or with --db those stored in the desk's database, to which it is applied.
    Reconcile {
        /// The bank statement (ISO 20022 XML).
        statement: std::path::PathBuf,
        /// The receivables (CSV: number,debtor,amount,currency,due_date,reference); not with
        /// --db.
        #[arg(required_unless_present = "db", conflicts_with = "db")]
        receivables: Option<std::path::PathBuf>,
        /// Apply the statement to the receivables stored in this database instead; applying
        /// the same statement again changes nothing.
        #[arg(long)]
        db: Option<std::path::PathBuf>,
    },
    /// The working day (stored in --db, default desk.db).
    Day {
        #[command(subcommand)]
        action: day::DayAction,
    },
    /// What the desk holds now: the open shift and its totals, the drawer, documents per
    /// case, open receivables, open complaints, the journal's length. Changes nothing.
    Status {
        #[command(flatten)]
        db: state::DbArg,
    },
    /// Writes a snapshot of the desk now, so the next command opens without replaying the
    /// journal (the desk also takes them by itself every few hundred operations).
    Snapshot {
        #[command(flatten)]
        db: state::DbArg,
    },
    /// Replays the journal from its first entry and checks that the desk's snapshot and its
    /// tables are what the replay gives. Changes nothing; takes as long as the journal.
    Verify {
        #[command(flatten)]
        db: state::DbArg,
    },
    /// Writes a synthetic bank statement (camt.053) paying open invoices by their RF
    /// reference: the bank's side, for a day run by hand. Changes nothing in the desk.
    BankStatement(bank::BankStatementArgs),
    /// The primary documents of a period from the desk's database: the completeness check
    /// and the journal export for the accounting software. Changes nothing.
    Batch(batch::BatchArgs),
    /// Clients: register (a person or a company) and list.
    Client {
        #[command(subcommand)]
        action: client::ClientAction,
    },
    /// The cash register shift: open with a float, close with the drawer counted.
    Shift {
        #[command(subcommand)]
        action: shift::ShiftAction,
    },
    /// Sells catalogue products at the register, in cash, by card or both; prints the
    /// receipt.
    Sell(sale::SellArgs),
    /// Takes back one line of a sale receipt, refunded in cash or to the card; prints the
    /// return receipt.
    Refund(sale::RefundArgs),
    /// Cash orders: cash received into the shift's drawer (`in`, a KIO) or paid out of it
    /// (`out`, a KIzO), numbered in their own series; prints the order.
    CashOrder {
        #[command(subcommand)]
        action: cash::CashOrderAction,
    },
    /// The month's declaration of cash deals over 1 500 EUR with taxpayers, for the State
    /// Revenue Service (due by the 15th of the next month). Changes nothing.
    CashDeclaration(cash::DeclarationArgs),
    /// Checks a file plan (lietu nomenklatūra) in CSV.
    Fileplan {
        #[command(subcommand)]
        action: FileplanAction,
    },
    /// Complaints and submissions: their legal answer deadlines, registered and answered.
    Complaint {
        #[command(subcommand)]
        action: ComplaintAction,
    },
    /// Invoices: issued from drafts, billed to registered clients, credited; reads UBL
    /// e-invoices.
    Invoice {
        #[command(subcommand)]
        action: InvoiceAction,
    },
    /// One working day of the service desk, told as a story.
    Demo {
        /// The day the story happens (ISO 8601); today in Riga by default.
        #[arg(long)]
        date: Option<String>,
        /// Also write every document the day produced (UBL XML, JSON, SVG, text) into this
        /// folder.
        #[arg(long)]
        out: Option<std::path::PathBuf>,
        /// Another day, different but reproducible: other clients, goods and amounts. The
        /// default (no seed) is the day the docs and tests follow.
        #[arg(long)]
        seed: Option<u64>,
        /// Keep the day in this database (a file, or a postgres:// URL; created by the first
        /// operation); by default the day is stored in memory and nothing is left behind.
        #[arg(long)]
        db: Option<std::path::PathBuf>,
    },
    /// Runs weeks of synthetic traffic through the same operations and store as the other
    /// commands, with a progress bar, and prints the throughput.
    Simulate {
        /// How many clients register over the run.
        #[arg(long, default_value_t = 10_000)]
        clients: u32,
        /// How many working days to run.
        #[arg(long, default_value_t = 30)]
        days: u32,
        /// The first day (ISO 8601); today in Riga by default.
        #[arg(long)]
        start: Option<String>,
        /// The seed of the synthetic traffic; the same seed gives the same run.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The database (a file, or a postgres:// URL); a run interrupted (even killed) goes on
        /// where it stopped when started again with the same arguments.
        #[arg(long, default_value = "simulate.db")]
        db: std::path::PathBuf,
        /// This desk's seat when several desks simulate together on one database: `N/M`, the
        /// N-th of M desks (each takes its share of every day's plan).
        #[arg(long, env = "DESK_SEAT")]
        seat: Option<crate::Seat>,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum CatalogueAction {
    /// Finds products by text, with their prices on the date.
    Search {
        /// The words to look for.
        text: String,
        /// The catalogue file (JSON, format apkalpe-catalogue/1).
        #[arg(long)]
        catalogue: std::path::PathBuf,
        /// The date whose prices are shown (ISO 8601); today in Riga by default.
        #[arg(long)]
        date: Option<String>,
        /// The client segment whose prices are shown.
        #[arg(long)]
        segment: Option<String>,
        /// The language of the results.
        #[arg(long, value_enum, default_value = "lv")]
        lang: LanguageArg,
    },
    /// Makes a catalogue file the desk's catalogue in its database (products, prices,
    /// promotions, stock, carriers, payment terms); open reservations are carried over.
    Load {
        /// The catalogue file (JSON, format apkalpe-catalogue/1).
        file: std::path::PathBuf,
        #[command(flatten)]
        db: state::DbArg,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum FileplanAction {
    /// Validates a file plan: every problem with its line, or a summary table.
    Check {
        /// The file plan (CSV, `;`-separated, Latvian or English header).
        file: std::path::PathBuf,
        /// The year of the plan; this year by default.
        #[arg(long)]
        year: Option<i32>,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum ComplaintAction {
    /// The answer deadline: the first line is the date alone, the next lines the rule and its
    /// legal basis.
    Deadline {
        /// `consumer` (a consumer's claim to a trader) or `submission` (to an institution
        /// under the Law on Submissions); `company:10wd` for a company's own term.
        kind: String,
        /// The day the complaint was received (ISO 8601).
        received: String,
    },
    /// Registers a client's complaint (stored in --db) and prints its number and answer
    /// deadline.
    Register(complaints::RegisterArgs),
    /// Answers a registered complaint by letter, filed in the complaints case.
    Answer(complaints::AnswerArgs),
}

#[derive(Debug, Subcommand)]
pub(crate) enum SurveyAction {
    /// Aggregates the responses to a survey: counts, shares, means, NPS, segments.
    Stats {
        /// The survey definition (JSON).
        survey: std::path::PathBuf,
        /// The responses (CSV: response_id,client_id,segment,question_id,answer).
        responses: std::path::PathBuf,
        /// The language of the table.
        #[arg(long, value_enum, default_value = "lv")]
        lang: LanguageArg,
    },
}

#[derive(Debug, Subcommand)]
pub(crate) enum InvoiceAction {
    /// Validates a draft invoice (JSON), issues it with the next number and prints it.
    Issue {
        /// The draft invoice, as JSON (see examples/desk/drafts/invoice.json).
        draft: std::path::PathBuf,
        /// The number pattern, such as `INV{year}-{seq:5}`.
        #[arg(long)]
        series: String,
        /// Also write the UBL 2.1 e-invoice (EN 16931, Peppol BIS 3) to this file.
        #[arg(long)]
        ubl: Option<std::path::PathBuf>,
        /// The issue date (ISO 8601); today in Riga by default.
        #[arg(long)]
        date: Option<String>,
        /// Keep the number series and the issued invoice in this database (a file or a
        /// postgres:// URL; created by the first invoice issued), so numbering continues
        /// across runs; without it every run starts the series afresh and stores nothing.
        #[arg(long)]
        db: Option<std::path::PathBuf>,
        /// The id of the number series in the database.
        #[arg(long, default_value = "invoices")]
        series_id: String,
    },
    /// Reads a UBL 2.1 invoice or credit note and prints it.
    Read {
        /// The UBL file.
        file: std::path::PathBuf,
    },
    /// Invoices a registered client for catalogue products (stored in --db) and prints the
    /// invoice.
    Bill(billing::BillArgs),
    /// Issues a credit note for units of one line of a stored invoice.
    Credit(billing::CreditArgs),
}

pub(crate) fn execute(
    command: Command,
    context: &Context,
    input: &mut dyn BufRead,
    report: &mut Report<'_>,
) -> Result<(), CommandError> {
    match command {
        Command::Check { kind, values } => check::run(kind, &values, input, report),
        Command::Words {
            amount,
            lang,
            cents_in_figures,
            currency,
        } => words::run(&amount, lang.into(), cents_in_figures, &currency, report),
        Command::Rf { references } => rf::run(&references, report),
        Command::CashRound {
            amount,
            country,
            date,
            non_cash,
        } => cash_round::run(
            &amount,
            country,
            date.as_deref(),
            &non_cash,
            context,
            report,
        ),
        Command::Holidays { year } => holidays::run(&year, report),
        Command::Deadline { start, period } => deadline::run(&start, &period, report),
        Command::Company {
            registration_number,
            register,
        } => company::run(&registration_number, &register, report),
        Command::Catalogue { action } => match action {
            CatalogueAction::Search {
                text,
                catalogue,
                date,
                segment,
                lang,
            } => {
                let Some(date) = date_or_today(date.as_deref(), context, report) else {
                    return Ok(());
                };
                catalogue::search(
                    &text,
                    &catalogue,
                    date,
                    segment.as_deref(),
                    lang.into(),
                    report,
                )
            }
            CatalogueAction::Load { file, db } => catalogue::load(&file, &db.db, context, report),
        },
        Command::Quote {
            sku,
            quantity,
            catalogue,
            date,
            segment,
            lang,
        } => {
            let Some(date) = date_or_today(date.as_deref(), context, report) else {
                return Ok(());
            };
            catalogue::quote(
                &catalogue::QuoteArgs {
                    sku: &sku,
                    quantity: &quantity,
                    segment: segment.as_deref(),
                    date,
                    language: lang.into(),
                },
                &catalogue,
                report,
            )
        }
        Command::Survey { action } => match action {
            SurveyAction::Stats {
                survey,
                responses,
                lang,
            } => survey::stats(&survey, &responses, lang.into(), report),
        },
        Command::EpcQr {
            iban,
            name,
            amount,
            bic,
            reference,
            text,
            svg,
        } => epc_qr::run(
            &epc_qr::EpcArgs {
                iban: &iban,
                name: &name,
                amount: &amount,
                bic: bic.as_deref(),
                reference: reference.as_deref(),
                text: text.as_deref(),
                svg: svg.as_deref(),
            },
            report,
        ),
        Command::Reconcile {
            statement,
            receivables,
            db,
        } => {
            let receivables = match (&db, &receivables) {
                (Some(db), _) => reconcile::Receivables::Db(db),
                (None, Some(csv)) => reconcile::Receivables::Csv(csv),
                // clap requires one of the two.
                (None, None) => return Ok(()),
            };
            reconcile::run(&statement, receivables, context, report)
        }
        Command::Day { action } => day::run(&action, context, report),
        Command::Status { db } => day::status(&db, context, report),
        Command::Verify { db } => day::verify(&db, report),
        Command::Snapshot { db } => day::snapshot(&db, report),
        Command::Batch(args) => batch::run(&args, context, report),
        Command::BankStatement(args) => bank::run(&args, context, report),
        Command::Client { action } => client::run(&action, context, report),
        Command::Shift { action } => shift::run(&action, context, report),
        Command::Sell(args) => sale::sell(&args, context, report),
        Command::Refund(args) => sale::refund(&args, context, report),
        Command::CashOrder { action } => cash::order(&action, context, report),
        Command::CashDeclaration(args) => cash::declaration(&args, context, report),
        Command::Fileplan { action } => match action {
            FileplanAction::Check { file, year } => {
                let year = year.unwrap_or_else(|| chrono::Datelike::year(&context.today));
                documents::fileplan_check(&file, year, report)
            }
        },
        Command::Complaint { action } => match action {
            ComplaintAction::Deadline { kind, received } => {
                let Some(received) = parse_date(&received, report) else {
                    return Ok(());
                };
                documents::complaint_deadline(&kind, received, report)
            }
            ComplaintAction::Register(args) => complaints::register(&args, context, report),
            ComplaintAction::Answer(args) => complaints::answer(&args, context, report),
        },
        Command::Invoice { action } => match action {
            InvoiceAction::Issue {
                draft,
                series,
                ubl,
                date,
                db,
                series_id,
            } => {
                let date = match date {
                    Some(text) => match parse_date(&text, report) {
                        Some(date) => date,
                        None => return Ok(()),
                    },
                    None => context.today,
                };
                invoice::issue(
                    &invoice::IssueArgs {
                        draft: &draft,
                        series: &series,
                        series_id: &series_id,
                        ubl: ubl.as_deref(),
                        db: db.as_deref(),
                        date,
                    },
                    context,
                    report,
                )
            }
            InvoiceAction::Read { file } => invoice::read(&file, report),
            InvoiceAction::Bill(args) => billing::bill(&args, context, report),
            InvoiceAction::Credit(args) => billing::credit(&args, context, report),
        },
        Command::Demo {
            date,
            out,
            seed,
            db,
        } => demo::run(
            &demo::DemoArgs {
                date: date.as_deref(),
                out: out.as_deref(),
                seed,
                db: db.as_deref(),
            },
            context,
            report,
        ),
        Command::Simulate {
            clients,
            days,
            start,
            seed,
            db,
            seat,
        } => simulate::run(
            &simulate::SimulateArgs {
                clients,
                days,
                start: start.as_deref(),
                seed,
                db: &db,
            },
            &context.with_seat(seat.unwrap_or(context.seat)),
            report,
        ),
    }
}

/// The date given with `--date`, or today; `None` after reporting a malformed date.
pub(crate) fn date_or_today(
    text: Option<&str>,
    context: &Context,
    report: &mut Report<'_>,
) -> Option<chrono::NaiveDate> {
    match text {
        Some(text) => parse_date(text, report),
        None => Some(context.today),
    }
}

/// Parses an ISO 8601 date given on the command line, or reports it as invalid.
pub(crate) fn parse_date(text: &str, report: &mut Report<'_>) -> Option<chrono::NaiveDate> {
    match chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        Ok(date) => Some(date),
        Err(_) => {
            report.invalid_in(
                "date.format",
                &format!("{text:?} is not a date in the form YYYY-MM-DD"),
                &format!("{text:?} nav datums formā GGGG-MM-DD"),
            );
            None
        }
    }
}
