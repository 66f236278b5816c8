//! Tests of the `desk` app, driven through `desk::run` without a process.
// Test code: clippy.toml allows these in #[test] functions only, not in the helpers beside them.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod commands;
mod day;
mod demo;
mod domain;
mod invoice;
mod robustness;
mod store;

/// What one run printed and returned.
#[derive(Debug)]
pub struct Outcome {
    pub code: u8,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `desk` with `args` (without the program name) on a fixed day, 2026-11-27.
pub fn desk(args: &[&str], stdin: &str) -> Outcome {
    let context = desk::Context::at(
        chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 11, 27, 8, 0, 0).unwrap(),
    );
    let mut input = stdin.as_bytes();
    let mut stdout = Vec::new();
    let mut stderr = Vec::new();
    let argv = std::iter::once("desk").chain(args.iter().copied());
    let code = desk::run(argv, &context, &mut input, &mut stdout, &mut stderr);
    Outcome {
        code,
        stdout: String::from_utf8(stdout).unwrap(),
        stderr: String::from_utf8(stderr).unwrap(),
    }
}
