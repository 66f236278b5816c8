//! `desk`, Apkalpe's example app: a service-desk command line over the Apkalpe crates.
//!
//! The binary (`src/main.rs`) only reads the clock and the process streams; [`run`] does the
//! rest, so tests drive every command without a process. The output of each command is a
//! stable contract: one line per value, `valid<TAB>canonical form` or
//! `invalid<TAB>error code<TAB>message`, or with `--json` one JSON object per line. Exit code
//! 0 when every value is valid, 1 when any is invalid, 2 on a usage error. No input makes
//! `desk` panic. `--lang lv` (or `DESK_LANG=lv`) writes the messages in Latvian, through
//! `apkalpe_core::LocalizedError`; the codes are the same in every language.
//!
//! State lives in a database (the private `store` module, the app's only SQL): an embedded
//! SQLite file, or a PostgreSQL database shared by many desks (`--db postgres://…`; the
//! environment variable `DESK_DB` names it when `--db` is not given). The desk commands that
//! read or change the day (`day open`, `status`, `client`, `shift`, `sell`, `refund`,
//! `invoice bill`/`credit`, `complaint register`/`answer`, `reconcile --db`) each apply ONE
//! operation of the private `office` module to the database given with `--db` (default
//! `desk.db`), in one transaction with everything it produced, so a person can run a day by
//! hand, command by command. `desk invoice issue --db <path>` keeps its
//! number series there too. `desk demo` tells its day through the same store, in memory
//! unless `--db <path>` names an empty (or new) database to keep it in; `desk simulate` runs
//! weeks of synthetic traffic through it.

#![deny(missing_docs)]

use std::ffi::OsString;
use std::io::{BufRead, Write};

use apkalpe_core::Language;
use chrono::{DateTime, NaiveDate, Utc};
use clap::{CommandFactory, FromArgMatches};

mod commands;
mod office;
mod output;
mod store;

pub use output::Report;

/// Which of several desks working at once on one database this one is: desk `desk` of
/// `desks`, from 1. `desk simulate` shares each day's work among the desks by it.
///
/// # Examples
///
/// ```
/// let seat: desk::Seat = "3/8".parse()?;
/// assert_eq!((seat.desk(), seat.desks()), (3, 8));
/// assert_eq!(desk::Seat::default(), "1/1".parse()?);
/// assert!("9/8".parse::<desk::Seat>().is_err());
/// # Ok::<(), desk::ParseSeatError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seat {
    desk: u32,
    desks: u32,
}

impl Seat {
    /// Desk `desk` of `desks`.
    ///
    /// # Errors
    ///
    /// [`ParseSeatError`] unless `1 <= desk <= desks`.
    pub fn try_new(desk: u32, desks: u32) -> Result<Seat, ParseSeatError> {
        if desk == 0 || desk > desks {
            return Err(ParseSeatError {
                found: format!("{desk}/{desks}"),
            });
        }
        Ok(Seat { desk, desks })
    }

    /// This desk's number, from 1.
    pub fn desk(self) -> u32 {
        self.desk
    }

    /// How many desks work at once.
    pub fn desks(self) -> u32 {
        self.desks
    }
}

/// One desk alone: 1 of 1.
impl Default for Seat {
    fn default() -> Seat {
        Seat { desk: 1, desks: 1 }
    }
}

/// Reads `N/M`, desk N of M.
impl std::str::FromStr for Seat {
    type Err = ParseSeatError;

    fn from_str(text: &str) -> Result<Seat, ParseSeatError> {
        let refused = || ParseSeatError {
            found: text.to_owned(),
        };
        let (desk, desks) = text.split_once('/').ok_or_else(refused)?;
        let number = |part: &str| {
            part.parse::<u32>()
                .ok()
                .filter(|_| part.bytes().all(|b| b.is_ascii_digit()))
        };
        match (number(desk), number(desks)) {
            (Some(desk), Some(desks)) => Seat::try_new(desk, desks).map_err(|_| refused()),
            _ => Err(refused()),
        }
    }
}

/// A seat that is not `N/M` with `1 <= N <= M`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseSeatError {
    found: String,
}

impl ParseSeatError {
    /// Returns the stable code, `seat.format`.
    pub fn code(&self) -> &'static str {
        "seat.format"
    }
}

impl std::fmt::Display for ParseSeatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:?} is not a desk's seat N/M (desk N of M, 1 <= N <= M)",
            self.found
        )
    }
}

impl std::error::Error for ParseSeatError {}

/// What the app knows of the world outside: the time now, and the date in Riga today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Context {
    /// Today's date in Riga, read from the clock by `main` (or fixed by tests).
    pub today: NaiveDate,
    /// The moment now (UTC), stamped on what a command stores.
    pub now: DateTime<Utc>,
    /// Fault injection for the crash tests: when set, a command that changes the database
    /// aborts the process (`std::process::abort`) after every write of its transaction and
    /// just before the commit, as a power cut or a `kill -9` would stop it. `main` sets it
    /// from the environment variable `DESK_ABORT_BEFORE_COMMIT=1`; it is off otherwise.
    pub abort_before_commit: bool,
    /// Which of several desks working at once on one database this one is (`desk
    /// simulate` shares each day among them); `main` reads it from the environment variable
    /// `DESK_SEAT=N/M`; one desk alone otherwise.
    pub seat: Seat,
}

impl Context {
    /// The context at `now`: today is `now`'s date in Riga; no fault injected.
    pub fn at(now: DateTime<Utc>) -> Context {
        Context {
            today: apkalpe_core::riga_date(now),
            now,
            abort_before_commit: false,
            seat: Seat::default(),
        }
    }

    /// The same context, for desk `seat` of several (see [`Context::seat`]).
    pub fn with_seat(self, seat: Seat) -> Context {
        Context { seat, ..self }
    }

    /// The same context, aborting the process just before each commit when `abort` is set
    /// (see [`Context::abort_before_commit`]).
    pub fn with_abort_before_commit(self, abort: bool) -> Context {
        Context {
            abort_before_commit: abort,
            ..self
        }
    }
}

/// Exit code: every value valid.
pub const EXIT_VALID: u8 = 0;
/// Exit code: some value invalid.
pub const EXIT_INVALID: u8 = 1;
/// Exit code: the command line itself is wrong.
pub const EXIT_USAGE: u8 = 2;

#[derive(Debug, clap::Parser)]
#[command(
    name = "desk",
    version,
    about = "A Latvian customer-service desk on the command line (Apkalpe's example app)",
    long_about = None
)]
struct Cli {
    /// Print one JSON object per line instead of tab-separated text.
    #[arg(long, global = true)]
    json: bool,
    /// The language of error messages (default en; de and ru fall back to English)
    ///
    /// Codes do not change with the language. Where a command has a `--lang` of its own
    /// (words, quote, catalogue search, survey stats), one `--lang` serves both, before or
    /// after the command's name: given, it sets that command's language too; not given, the
    /// command keeps its own default (lv) and messages stay in English. `DESK_LANG` counts as
    /// given.
    #[arg(
        id = "lang",
        long = "lang",
        global = true,
        env = "DESK_LANG",
        value_enum,
        value_name = "LANG"
    )]
    message_language: Option<commands::LanguageArg>,
    #[command(subcommand)]
    command: commands::Command,
}

/// Parses the command line. The desk's `--lang` (id `lang`, global) and a command's own
/// `--lang` (also id `lang`) are one argument to clap: clap does not copy the global one into
/// a command that has its own, and shares the value given on the command line between the
/// two. A command's default (`words` writes Latvian unless told) is not a choice of message
/// language, so a value that comes from a command's default leaves messages in English.
fn parse<I, T>(args: I) -> Result<Cli, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let mut matches = Cli::command().try_get_matches_from(args)?;
    let chosen = !matches!(
        matches.value_source("lang"),
        None | Some(clap::parser::ValueSource::DefaultValue)
    );
    let mut cli = Cli::from_arg_matches_mut(&mut matches)?;
    if !chosen {
        cli.message_language = None;
    }
    Ok(cli)
}

/// Runs `desk` with `args` (the first is the program name), reading values from `input` where
/// a command is given `-`, and writing results to `output` and usage errors to `errors`.
/// Returns the exit code.
pub fn run<I, T>(
    args: I,
    context: &Context,
    input: &mut dyn BufRead,
    output: &mut dyn Write,
    errors: &mut dyn Write,
) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match parse(args) {
        Ok(cli) => cli,
        Err(error) => {
            let code = if error.use_stderr() {
                let _ = write!(errors, "{}", error.render());
                EXIT_USAGE
            } else {
                // --help and --version go to standard output and succeed.
                let _ = write!(output, "{}", error.render());
                EXIT_VALID
            };
            return code;
        }
    };
    let language = cli
        .message_language
        .map_or(Language::English, Language::from);
    let mut report = Report::new(output, cli.json).in_language(language);
    let result = commands::execute(cli.command, context, input, &mut report);
    match result {
        Ok(()) => report.exit_code(),
        Err(commands::CommandError::Io) => EXIT_INVALID,
    }
}
