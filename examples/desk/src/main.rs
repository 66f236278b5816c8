//! The `desk` binary: reads the real clock, the process's streams and a few environment
//! variables, then hands over to [`desk::run`], which does everything else.
//!
//! - `DESK_NOW` (RFC 3339, e.g. `2026-11-27T08:00:00Z`): the moment to use instead of the
//!   clock, for scripted, reproducible runs (the process-level tests use it).
//! - `DESK_ABORT_BEFORE_COMMIT=1`: fault injection for the crash tests; a command that changes
//!   the database aborts the process after its writes and before the commit.
//! - `DESK_SEAT=N/M`: this is desk N of M working at once on one database (`desk simulate`
//!   shares each day's work among them).
//! - `DESK_DB` (read by the argument parser): the database when `--db` is not given, a file
//!   or a `postgres://` URL.
//! - `DESK_LANG` (read by the argument parser): the language of error messages (`lv`, `en`,
//!   `de`, `ru`) when `--lang` is not given; English by default.

use std::io::{self, Write};
use std::process::ExitCode;

use chrono::{DateTime, Utc};

/// The moment now: `DESK_NOW` when set, else the clock.
fn now() -> Result<DateTime<Utc>, String> {
    match std::env::var("DESK_NOW") {
        Ok(text) => DateTime::parse_from_rfc3339(&text)
            .map(|at| at.with_timezone(&Utc))
            .map_err(|error| format!("DESK_NOW={text:?} is not an RFC 3339 time: {error}")),
        // The one place where the app reads the clock: every command gets "now" from here.
        #[allow(clippy::disallowed_methods)]
        Err(_) => Ok(Utc::now()),
    }
}

fn main() -> ExitCode {
    let now = match now() {
        Ok(now) => now,
        Err(message) => {
            let _ = writeln!(io::stderr(), "desk: {message}");
            return ExitCode::from(desk::EXIT_USAGE);
        }
    };
    let abort = std::env::var("DESK_ABORT_BEFORE_COMMIT").is_ok_and(|value| value == "1");
    let seat = match std::env::var("DESK_SEAT") {
        Ok(text) => match text.parse::<desk::Seat>() {
            Ok(seat) => seat,
            Err(error) => {
                let _ = writeln!(io::stderr(), "desk: DESK_SEAT: {error}");
                return ExitCode::from(desk::EXIT_USAGE);
            }
        },
        Err(_) => desk::Seat::default(),
    };
    let context = desk::Context::at(now)
        .with_abort_before_commit(abort)
        .with_seat(seat);
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let stdout = io::stdout();
    let mut output = io::BufWriter::new(stdout.lock());
    let stderr = io::stderr();
    let mut errors = stderr.lock();
    let code = desk::run(
        std::env::args_os(),
        &context,
        &mut input,
        &mut output,
        &mut errors,
    );
    // A closed pipe (`desk check iban - | head`) is not worth a message.
    let _ = output.flush();
    ExitCode::from(code)
}
