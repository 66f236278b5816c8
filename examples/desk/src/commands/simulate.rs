//! `desk simulate`: weeks of synthetic traffic through the office and the store.

use std::path::Path;

use super::CommandError;
use crate::{Context, Report};

/// The options of `desk simulate`.
pub(super) struct SimulateArgs<'a> {
    /// `--clients`.
    pub(super) clients: u32,
    /// `--days`.
    pub(super) days: u32,
    /// `--start`.
    pub(super) start: Option<&'a str>,
    /// `--seed`.
    pub(super) seed: u64,
    /// `--db`.
    pub(super) db: &'a Path,
}

pub(super) fn run(
    args: &SimulateArgs<'_>,
    context: &Context,
    report: &mut Report<'_>,
) -> Result<(), CommandError> {
    let _ = (
        args.clients,
        args.days,
        args.start,
        args.seed,
        args.db,
        context,
    );
    report.invalid("simulate.todo", "not yet");
    Ok(())
}
