//! The `desk` binary: reads the real clock and the process's streams, then hands over to
//! [`desk::run`], which does everything else.

use std::io::{self, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    // The one place where the app reads the clock: every command gets "today" from here.
    #[allow(clippy::disallowed_methods)]
    let now = chrono::Utc::now();
    let context = desk::Context::at(now);
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
