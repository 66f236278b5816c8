//! `desk complaint register` and `desk complaint answer`: a consumer complaint registered
//! with its answer deadline, and the answer letter filed in the complaints case (T2.8, T3.5,
//! T3.7, T3.4).

use clap::ArgGroup;

use super::CommandError;
use super::state::{self, DbArg, object};
use crate::office::{Operation, Outcome};
use crate::{Context, Report};

/// The options of `desk complaint register`.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct RegisterArgs {
    /// The client complaining (client id).
    client: String,
    /// What the client wrote.
    #[arg(long)]
    text: String,
    /// The invoice the complaint concerns.
    #[arg(long)]
    invoice: Option<String>,
    #[command(flatten)]
    db: DbArg,
}

/// The options of `desk complaint answer`.
#[derive(Debug, Clone, clap::Args)]
#[command(group(ArgGroup::new("decision").required(true).args(["accept", "refuse"])))]
pub(crate) struct AnswerArgs {
    /// The complaint's registration number, as `complaint register` printed it.
    number: String,
    /// The claim is accepted.
    #[arg(long)]
    accept: bool,
    /// The claim is refused.
    #[arg(long)]
    refuse: bool,
    /// The answer.
    #[arg(long)]
    text: String,
    #[command(flatten)]
    db: DbArg,
}

/// Runs `desk complaint register`.
pub(super) fn register(
    args: &RegisterArgs,
    context: &Context,
    report: &mut Report<'_>,
) -> Result<(), CommandError> {
    let client = match state::parse_client(&args.client) {
        Ok(client) => client,
        Err(error) => {
            state::refuse(&error, report);
            return Ok(());
        }
    };
    let Some(mut store) = state::open(&args.db.db, report) else {
        return Ok(());
    };
    let operation = Operation::RegisterComplaint {
        client,
        text: args.text.clone(),
        invoice: args.invoice.clone(),
    };
    let Some(applied) = state::apply(&mut store, &operation, context, report) else {
        return Ok(());
    };
    let Outcome::Complaint { filed, due } = &applied.outcome else {
        return Ok(());
    };
    let name = store
        .office()
        .registry()
        .get(apkalpe_clients::ClientId::new(client))
        .map(|c| c.display_name())
        .unwrap_or_default();
    state::summary(
        &format!(
            "Complaint {} from {name} registered on {}; the answer is due by {due}; filed in case {}.",
            filed.number, filed.date, filed.case
        ),
        object([
            ("complaint", filed.number.clone().into()),
            ("client", client.to_string().into()),
            ("received", filed.date.to_string().into()),
            ("answer_due", due.to_string().into()),
            ("case", filed.case.to_string().into()),
        ]),
        &applied,
        report,
    );
    Ok(())
}

/// Runs `desk complaint answer`.
pub(super) fn answer(
    args: &AnswerArgs,
    context: &Context,
    report: &mut Report<'_>,
) -> Result<(), CommandError> {
    let Some(mut store) = state::open(&args.db.db, report) else {
        return Ok(());
    };
    let operation = Operation::AnswerComplaint {
        number: args.number.clone(),
        accepted: args.accept,
        text: args.text.clone(),
    };
    let Some(applied) = state::apply(&mut store, &operation, context, report) else {
        return Ok(());
    };
    let Outcome::Answer {
        filed,
        letter,
        in_time,
    } = &applied.outcome
    else {
        return Ok(());
    };
    state::print_block(letter, report);
    let decision = if args.accept { "accepted" } else { "refused" };
    let timing = if *in_time { "in time" } else { "late" };
    state::summary(
        &format!(
            "Complaint {} {decision}: answer letter {} ({timing}); filed in case {}.",
            args.number, filed.number, filed.case
        ),
        object([
            ("complaint", args.number.clone().into()),
            ("decision", decision.into()),
            ("letter", filed.number.clone().into()),
            ("in_time", (*in_time).into()),
            ("case", filed.case.to_string().into()),
            ("text", letter.clone().into()),
        ]),
        &applied,
        report,
    );
    Ok(())
}
