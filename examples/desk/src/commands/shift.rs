//! `desk shift open` and `desk shift close`: the cash register shift with its float, and
//! the Z report on the drawer as counted (T4.2, S33).

use serde_json::Value;

use super::CommandError;
use super::cash_spec;
use super::state::{self, DbArg, object};
use crate::office::{Operation, Outcome};
use crate::{Context, Report};

/// `desk shift …`.
#[derive(Debug, clap::Subcommand)]
pub(crate) enum ShiftAction {
    /// Opens a shift with a float counted by denomination.
    Open {
        /// The cashier.
        #[arg(long)]
        cashier: String,
        /// The float: notes and coins as COUNTxVALUE items, e.g. `5x10,4x5,10x1,10x0.50`
        /// (euro; `none` for an empty drawer).
        #[arg(long)]
        float: String,
        #[command(flatten)]
        db: DbArg,
    },
    /// Closes the shift with the drawer as counted and prints the Z report.
    Close {
        /// The drawer as counted, in the form of --float.
        #[arg(long)]
        counted: String,
        #[command(flatten)]
        db: DbArg,
    },
    /// Prints the drawer as it should be, in the form `shift close --counted` takes (what to
    /// expect when counting). Changes nothing.
    Drawer {
        #[command(flatten)]
        db: DbArg,
    },
}

/// Runs `desk shift …`.
pub(super) fn run(
    action: &ShiftAction,
    context: &Context,
    report: &mut Report<'_>,
) -> Result<(), CommandError> {
    let (spec, db) = match action {
        ShiftAction::Open { float, db, .. } => (float, db),
        ShiftAction::Close { counted, db } => (counted, db),
        ShiftAction::Drawer { db } => return drawer(db, report),
    };
    let count = match cash_spec::parse(spec) {
        Ok(count) => count,
        Err(error) => {
            report.error(&error);
            return Ok(());
        }
    };
    let Some(mut store) = state::open(&db.db, report) else {
        return Ok(());
    };
    // A shift belongs to a working day that was opened (its file plan and cases ready).
    if matches!(action, ShiftAction::Open { .. }) && store.office().day() != Some(context.today) {
        report.invalid_in(
            "shift.day_not_open",
            &format!(
                "the working day {} is not open; open it first with `desk day open`",
                context.today
            ),
            &format!(
                "darba diena {} nav atvērta; vispirms atveriet to ar `desk day open`",
                context.today
            ),
        );
        return Ok(());
    }
    let operation = match action {
        ShiftAction::Open { cashier, .. } => Operation::OpenShift {
            cashier: cashier.clone(),
            float: count,
        },
        ShiftAction::Close { .. } | ShiftAction::Drawer { .. } => {
            Operation::CloseShift { counted: count }
        }
    };
    let Some(applied) = state::apply(&mut store, &operation, context, report) else {
        return Ok(());
    };
    let pieces = cash_spec::format(&count);
    match &applied.outcome {
        Outcome::ShiftOpened { float } => {
            let number = store.office().shift_number();
            let cashier = match action {
                ShiftAction::Open { cashier, .. } => cashier.as_str(),
                ShiftAction::Close { .. } | ShiftAction::Drawer { .. } => "",
            };
            state::summary(
                &format!("Shift {number} open: cashier {cashier}, float {float} ({pieces})."),
                object([
                    ("shift", number.into()),
                    ("cashier", cashier.into()),
                    ("float", float.amount().to_string().into()),
                    ("pieces", pieces.into()),
                ]),
                &applied,
                report,
            );
        }
        Outcome::ShiftClosed(z, filed) => {
            state::print_block(&z.render(), report);
            let verdict = if z.over_short().is_zero() {
                "the drawer matches".to_owned()
            } else if z.over_short().is_negative() {
                let short = apkalpe_core::Money::new(
                    z.over_short().amount().abs(),
                    z.over_short().currency(),
                );
                format!("short {short}")
            } else {
                format!("over {}", z.over_short())
            };
            state::summary(
                &format!(
                    "Shift {} closed: counted {} ({pieces}), {verdict}; Z report filed as {} in case {}.",
                    z.number(),
                    z.counted().total(),
                    filed.number,
                    filed.case
                ),
                object([
                    ("z_report", z.number().into()),
                    ("counted", z.counted().total().amount().to_string().into()),
                    ("pieces", pieces.into()),
                    (
                        "expected",
                        z.totals().expected_cash().amount().to_string().into(),
                    ),
                    ("over_short", z.over_short().amount().to_string().into()),
                    ("filed_as", filed.number.clone().into()),
                    ("case", filed.case.to_string().into()),
                    ("text", Value::String(z.render())),
                ]),
                &applied,
                report,
            );
        }
        _ => {}
    }
    Ok(())
}

/// Runs `desk shift drawer`: the drawer as it should be, as a cash spec.
fn drawer(db: &DbArg, report: &mut Report<'_>) -> Result<(), CommandError> {
    let Some(store) = state::open_existing(&db.db, report) else {
        return Ok(());
    };
    let drawer = store.office().drawer();
    let pieces = cash_spec::format(&drawer);
    report.record(
        &pieces,
        object([
            ("total", drawer.total().amount().to_string().into()),
            ("pieces", pieces.clone().into()),
        ]),
    );
    Ok(())
}
