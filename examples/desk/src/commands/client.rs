//! `desk client register` and `desk client list` (T2.1, S8, S30).

use clap::ValueEnum;
use serde_json::{Value, json};

use super::CommandError;
use super::state::{self, DbArg, object};
use crate::office::{ClientInput, Operation, Outcome};
use crate::{Context, Report};

/// The purposes a client can consent to (GDPR art. 6(1)(a)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ConsentArg {
    /// Client surveys.
    Surveys,
    /// Marketing by e-mail.
    #[value(name = "marketing_email")]
    MarketingEmail,
    /// Phone calls.
    #[value(name = "phone_calls")]
    PhoneCalls,
    /// Profiling.
    Profiling,
}

impl ConsentArg {
    /// The purpose's name in [`ClientInput::consents`].
    fn name(self) -> &'static str {
        match self {
            ConsentArg::Surveys => "surveys",
            ConsentArg::MarketingEmail => "marketing_email",
            ConsentArg::PhoneCalls => "phone_calls",
            ConsentArg::Profiling => "profiling",
        }
    }
}

/// The options of `desk client register`: a person (`--given --family`) or a company
/// (`--company --legal-form --reg-number`).
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct RegisterArgs {
    /// A person's given name.
    #[arg(long, requires = "family", required_unless_present = "company")]
    given: Option<String>,
    /// A person's family name.
    #[arg(long, requires = "given")]
    family: Option<String>,
    /// A person's personal code (personas kods).
    #[arg(long, requires = "given")]
    personal_code: Option<String>,
    /// A company's name, without its legal form; checked in the company register (its legal
    /// form and registration number are required with it).
    #[arg(
        long,
        conflicts_with_all = ["given", "family", "personal_code"],
        requires_all = ["legal_form", "reg_number"]
    )]
    company: Option<String>,
    /// The company's legal form (SIA, AS, IK, …).
    #[arg(long, requires = "company")]
    legal_form: Option<String>,
    /// The company's registration number.
    #[arg(long, requires = "company")]
    reg_number: Option<String>,
    /// The company's VAT number.
    #[arg(long, requires = "company")]
    vat_number: Option<String>,
    /// Street and house, for invoices (with --city).
    #[arg(long, requires = "city")]
    street: Option<String>,
    /// City (with --street).
    #[arg(long, requires = "street")]
    city: Option<String>,
    /// Postcode (LV-1001).
    #[arg(long, requires = "street")]
    postcode: Option<String>,
    /// E-mail address.
    #[arg(long)]
    email: Option<String>,
    /// Phone number.
    #[arg(long)]
    phone: Option<String>,
    /// A purpose the client consents to; repeat for several.
    #[arg(long, value_enum)]
    consent: Vec<ConsentArg>,
    #[command(flatten)]
    db: DbArg,
}

/// `desk client …`.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)] // parsed once per run
pub(crate) enum ClientAction {
    /// Registers a client (a person or a company checked in the company register), or finds
    /// the one already registered, and prints its id.
    Register(RegisterArgs),
    /// Lists the registered clients: id, kind and name.
    List {
        #[command(flatten)]
        db: DbArg,
    },
    /// Erases a person's personal data (GDPR art. 17) from the register and from the
    /// journal, keeping only what filed documents still need and until when; prints what was
    /// erased and what was kept, and why.
    Erase {
        /// The client's id (as `desk client list` prints it).
        client: String,
        #[command(flatten)]
        db: DbArg,
    },
}

/// Runs `desk client …`.
pub(super) fn run(
    action: &ClientAction,
    context: &Context,
    report: &mut Report<'_>,
) -> Result<(), CommandError> {
    match action {
        ClientAction::Register(args) => register(args, context, report),
        ClientAction::List { db } => list(db, report),
        ClientAction::Erase { client, db } => erase(client, db, context, report),
    }
}

/// A personal field's name as the access export writes it (`personal_code`).
fn field_name(field: apkalpe_clients::PersonalField) -> String {
    match serde_json::to_value(field) {
        Ok(Value::String(name)) => name,
        _ => format!("{field:?}"),
    }
}

fn erase(
    client: &str,
    db: &DbArg,
    context: &Context,
    report: &mut Report<'_>,
) -> Result<(), CommandError> {
    let client = match state::parse_client(client) {
        Ok(client) => client,
        Err(error) => {
            state::refuse(&error, report);
            return Ok(());
        }
    };
    let Some(mut store) = state::open_existing(&db.db, report) else {
        return Ok(());
    };
    let Some(applied) = state::apply(
        &mut store,
        &Operation::EraseClient { client },
        context,
        report,
    ) else {
        return Ok(());
    };
    let Outcome::Erased(erasure) = &applied.outcome else {
        return Ok(());
    };
    let erased: Vec<String> = erasure.erased().iter().map(|f| field_name(*f)).collect();
    let kept: Vec<Value> = erasure
        .kept()
        .iter()
        .map(|kept| {
            json!({
                "field": field_name(kept.field()),
                "holds": kept.holds().iter().map(|hold| json!({
                    "reason": hold.reason(),
                    "until": hold.until().to_string(),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    if !report.is_json() {
        report.text(&format!(
            "Client {client} erased: {}.",
            if erased.is_empty() {
                "nothing could be erased yet".to_owned()
            } else {
                erased.join(", ")
            }
        ));
        for kept in erasure.kept() {
            for hold in kept.holds() {
                report.text(&format!(
                    "  kept: {} until {} ({})",
                    field_name(kept.field()),
                    hold.until(),
                    hold.reason()
                ));
            }
        }
        report.text("The journal keeps no erased field: its registration entries were redacted.");
    }
    state::finish(
        object([
            ("client", client.to_string().into()),
            ("erased", erased.into()),
            ("kept", kept.into()),
        ]),
        &applied,
        report,
    );
    Ok(())
}

fn register(
    args: &RegisterArgs,
    context: &Context,
    report: &mut Report<'_>,
) -> Result<(), CommandError> {
    let client = ClientInput {
        given: args.given.clone().unwrap_or_default(),
        family: args.family.clone().unwrap_or_default(),
        personal_code: args.personal_code.clone(),
        organisation: args.company.clone(),
        legal_form: args.legal_form.clone(),
        registration_number: args.reg_number.clone(),
        vat_number: args.vat_number.clone(),
        street: args.street.clone(),
        city: args.city.clone(),
        postcode: args.postcode.clone(),
        email: args.email.clone(),
        phone: args.phone.clone(),
        consents: args
            .consent
            .iter()
            .map(|consent| consent.name().to_owned())
            .collect(),
    };
    let Some(mut store) = state::open(&args.db.db, report) else {
        return Ok(());
    };
    let operation = Operation::RegisterClient { client };
    let Some(applied) = state::apply(&mut store, &operation, context, report) else {
        return Ok(());
    };
    let Outcome::Client {
        id,
        existing,
        check,
    } = &applied.outcome
    else {
        return Ok(());
    };
    let record = store.office().registry().get(*id);
    let name = record.map(|c| c.display_name()).unwrap_or_default();
    let kind = if record.is_some_and(|c| c.organisation().is_some()) {
        "company"
    } else {
        "person"
    };
    let consents: Vec<&str> = args.consent.iter().map(|c| c.name()).collect();
    let what = if *existing {
        "already registered"
    } else {
        "registered"
    };
    state::print_block(&format!("Client {id} {what}: {name} ({kind})."), report);
    if !*existing && !consents.is_empty() {
        state::print_block(&format!("Consents: {}.", consents.join(", ")), report);
    }
    if let Some(check) = check {
        state::print_block("Company register check:", report);
        state::print_indented(&check.to_string(), report);
    }
    let check_json = check
        .as_ref()
        .and_then(|check| serde_json::to_value(check).ok())
        .unwrap_or(Value::Null);
    let verdict = check.as_ref().map(|check| {
        if check.is_confirmed() {
            "confirmed"
        } else {
            "discrepancies"
        }
    });
    state::finish(
        object([
            ("client", id.to_string().into()),
            ("existing", (*existing).into()),
            ("name", name.into()),
            ("kind", kind.into()),
            ("consents", consents.into()),
            ("register_check", check_json),
            ("verdict", verdict.into()),
        ]),
        &applied,
        report,
    );
    Ok(())
}

fn list(db: &DbArg, report: &mut Report<'_>) -> Result<(), CommandError> {
    let Some(store) = state::open_existing(&db.db, report) else {
        return Ok(());
    };
    let registry = store.office().registry();
    if registry.is_empty() && !report.is_json() {
        report.text("No clients registered.");
    }
    for client in registry.clients() {
        let kind = if client.organisation().is_some() {
            "company"
        } else {
            "person"
        };
        let registration = client
            .organisation()
            .and_then(|o| o.registration_number())
            .map(ToString::to_string);
        let name = client.display_name();
        let text = match &registration {
            Some(number) => format!("{}\t{kind}\t{name}\t{number}", client.id()),
            None => format!("{}\t{kind}\t{name}", client.id()),
        };
        report.record(
            &text,
            json!({
                "client": client.id().to_string(),
                "kind": kind,
                "name": name,
                "registration_number": registration,
            })
            .as_object()
            .cloned()
            .unwrap_or_default(),
        );
    }
    Ok(())
}
