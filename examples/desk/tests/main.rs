//! Tests of the `desk` app, driven through `desk::run` without a process.
// Test code: clippy.toml allows these in #[test] functions only, not in the helpers beside them.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod backend;
mod batch;
mod by_hand;
mod cash;
mod catalogue_load;
mod commands;
mod crash;
mod day;
mod demo;
mod docs_run;
mod domain;
mod erase;
mod invoice;
mod lang;
mod many_desks;
mod pg_server;
mod postgres;
mod restore;
mod robustness;
mod simulate;
mod store;

use std::path::PathBuf;

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

/// A temporary folder for one test, removed when dropped.
#[derive(Debug)]
pub struct TempDir(pub PathBuf);

impl TempDir {
    /// Creates an empty folder named after the test (and this process).
    pub fn new(name: &str) -> Self {
        let path = std::env::temp_dir().join(format!("desk-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        TempDir(path)
    }

    /// The path of a file in the folder.
    pub fn file(&self, name: &str) -> String {
        self.0.join(name).to_string_lossy().into_owned()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
