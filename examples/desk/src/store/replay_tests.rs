//! Property: whatever a day's operations were, and whichever of them the office refused,
//! the database opened again gives the same office, and its tables hold exactly what the
//! office produced.

use super::*;
use crate::office::{CardCapture, ClientInput, ItemLine};
use apkalpe_core::{Currency, Money};
use apkalpe_payments::{CashCount, Denomination};
use chrono::TimeZone;
use proptest::prelude::*;
use rust_decimal::Decimal;

#[derive(Debug, Clone)]
enum Step {
    Client(u8),
    Sale {
        sku: u8,
        quantity: u8,
        pay: u8,
    },
    Refund(u8),
    Invoice {
        sku: u8,
        quantity: u8,
    },
    CreditNote(u8),
    Complaint(u8),
    Answer,
    Close,
    Erase(u8),
    NextDay(u8),
    /// A cash order: in from a client (now and then for an invoice, or over the cap), or
    /// out to the bank.
    CashOrder {
        n: u8,
        hundreds: u8,
        out: bool,
    },
}

const FAMILIES: [&str; 5] = ["Bērziņa", "Kalniņa", "Ozola", "Liepiņa", "Krūmiņa"];

const SKUS: [&str; 5] = [
    "PAP-A4-80",
    "PEN-BIC-BL",
    "ACC-MOUSE-MX",
    "COF-BEANS-1KG",
    "NOTE-A5",
];

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        any::<u8>().prop_map(Step::Client),
        (any::<u8>(), 1..4_u8, any::<u8>()).prop_map(|(sku, quantity, pay)| Step::Sale {
            sku,
            quantity,
            pay
        }),
        any::<u8>().prop_map(Step::Refund),
        (any::<u8>(), 1..30_u8).prop_map(|(sku, quantity)| Step::Invoice { sku, quantity }),
        any::<u8>().prop_map(Step::CreditNote),
        any::<u8>().prop_map(Step::Complaint),
        Just(Step::Answer),
        Just(Step::Close),
        any::<u8>().prop_map(Step::Erase),
        any::<u8>().prop_map(Step::NextDay),
        (any::<u8>(), any::<u8>(), any::<bool>()).prop_map(|(n, hundreds, out)| Step::CashOrder {
            n,
            hundreds,
            out
        }),
    ]
}

fn eur(cents: i64) -> Money {
    Money::new(Decimal::new(cents, 2), Currency::EUR)
}

fn pick<T: Clone>(items: &[T], n: u8) -> Option<T> {
    if items.is_empty() {
        None
    } else {
        items.get(usize::from(n) % items.len()).cloned()
    }
}

/// What the test saw issued: receipts and invoices of any day, so steps also name those the
/// office holds no longer (its history answers for them).
#[derive(Debug, Default)]
struct Seen {
    clients: u32,
    receipts: Vec<u64>,
    invoices: Vec<String>,
}

/// The operation a step makes of the office as it stands (`None`: nothing to do).
fn operation(step: &Step, office: &Office, seen: &mut Seen) -> Option<Operation> {
    let clients = &mut seen.clients;
    let masked = || "411111******1111".parse().ok();
    let ids: Vec<uuid::Uuid> = office
        .registry()
        .clients()
        .map(|c| c.id().as_uuid())
        .collect();
    Some(match step {
        Step::Client(n) => {
            *clients += 1;
            let company = n % 2 == 0;
            Operation::RegisterClient {
                client: ClientInput {
                    given: "Anna".into(),
                    family: FAMILIES
                        .get(usize::try_from(*clients).unwrap_or(0) % FAMILIES.len())
                        .copied()
                        .unwrap_or("Bērziņa")
                        .to_owned(),
                    organisation: company.then(|| format!("Rati {clients}")),
                    legal_form: company.then(|| "SIA".into()),
                    registration_number: company.then(|| "40203990007".into()),
                    street: Some("Brīvības iela 1".into()),
                    city: Some("Rīga".into()),
                    postcode: Some("LV-1010".into()),
                    email: Some(format!("k{clients}@example.lv")),
                    ..ClientInput::default()
                },
            }
        }
        Step::Sale { sku, quantity, pay } => {
            let lines = vec![ItemLine {
                sku: pick(&SKUS, *sku)?.into(),
                quantity: u32::from(*quantity),
            }];
            match pay % 3 {
                // A known client's cash now and then: it is checked and kept.
                0 => Operation::Sell {
                    lines,
                    card: None,
                    cash: Some(eur(50_000)),
                    client: if pay % 2 == 0 { pick(&ids, *sku) } else { None },
                },
                1 => Operation::Sell {
                    lines,
                    card: None,
                    cash: Some(eur(10_000)),
                    client: None,
                },
                _ => Operation::Sell {
                    lines,
                    card: Some(CardCapture {
                        amount: eur(500),
                        masked: masked()?,
                    }),
                    cash: Some(eur(10_000)),
                    client: None,
                },
            }
        }
        Step::Refund(n) => Operation::Refund {
            receipt: pick(&seen.receipts, *n)?,
            line: 1,
            card: None,
        },
        Step::Invoice { sku, quantity } => Operation::IssueInvoice {
            client: pick(&ids, *sku)?,
            lines: vec![ItemLine {
                sku: pick(&SKUS, *sku)?.into(),
                quantity: u32::from(*quantity),
            }],
            due_in_working_days: 10,
        },
        Step::CreditNote(n) => Operation::IssueCreditNote {
            invoice: pick(&seen.invoices, *n)?,
            line: 1,
            quantity: 1,
            reason: "Atgriezta prece".into(),
        },
        Step::Complaint(n) => Operation::RegisterComplaint {
            client: pick(&ids, *n)?,
            text: "Prece ir bojāta.".into(),
            invoice: None,
        },
        Step::Answer => Operation::AnswerComplaint {
            number: office.open_complaints().next()?.0.to_owned(),
            accepted: true,
            text: "Apmainīsim.".into(),
        },
        Step::Erase(n) => Operation::EraseClient {
            client: pick(
                &office
                    .registry()
                    .clients()
                    .filter(|c| c.person().is_some())
                    .map(|c| c.id().as_uuid())
                    .collect::<Vec<_>>(),
                *n,
            )?,
        },
        Step::NextDay(_) => Operation::OpenDay,
        Step::CashOrder { n, hundreds, out } => {
            let amount = eur(i64::from(*hundreds) * 4_000 + 100);
            if *out {
                Operation::CashOrder {
                    direction: crate::office::CashFlow::Out,
                    amount: eur(i64::from(*hundreds) * 100 + 100),
                    party: crate::office::CashParty::Omitted(
                        apkalpe_accounting::PayeeOmission::BankDeposit,
                    ),
                    basis: "Iemaksa bankā".into(),
                    invoice: None,
                }
            } else {
                Operation::CashOrder {
                    direction: crate::office::CashFlow::In,
                    amount,
                    party: crate::office::CashParty::Client(pick(&ids, *n)?),
                    basis: "Avanss".into(),
                    invoice: if n % 3 == 0 {
                        pick(&seen.invoices, *n)
                    } else {
                        None
                    },
                }
            }
        }
        Step::Close => {
            if office.shift().is_some() {
                Operation::CloseShift {
                    counted: office.drawer(),
                }
            } else {
                Operation::OpenShift {
                    cashier: "Ilze Kalna".into(),
                    float: office.drawer(),
                }
            }
        }
    })
}

fn fingerprint(office: &Office) -> String {
    serde_json::to_string(office).unwrap_or_default()
}

fn count(store: &Store, table: &str) -> usize {
    store
        .db
        .query_int(
            "counting",
            &format!("SELECT COUNT(*) FROM {table}"),
            params![],
        )
        .map(|n| usize::try_from(n).unwrap_or(usize::MAX))
        .unwrap_or(usize::MAX)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn a_reopened_store_is_the_office_it_journalled(steps in prop::collection::vec(step(), 1..40)) {
        reopened_store_is_the_office_it_journalled(&steps, Store::in_memory().unwrap())?;
    }
}

proptest! {
    // Fewer cases: each has a new database on the test cluster.
    #![proptest_config(ProptestConfig::with_cases(6))]

    #[test]
    fn a_reopened_postgres_store_is_the_office_it_journalled(
        steps in prop::collection::vec(step(), 1..40)
    ) {
        if let Some(url) = super::pg_server::database("replay") {
            let store = Store::open(std::path::Path::new(&url)).unwrap();
            reopened_store_is_the_office_it_journalled(&steps, store)?;
        }
    }
}

/// The property, on `store` (new and empty).
fn reopened_store_is_the_office_it_journalled(
    steps: &[Step],
    mut store: Store,
) -> Result<(), TestCaseError> {
    let at = Utc.with_ymd_and_hms(2026, 11, 27, 8, 0, 0).unwrap();
    let float = Denomination::ALL
        .iter()
        .try_fold(CashCount::new(), |count, d| count.with(*d, 20))
        .unwrap();
    store.apply(&Operation::OpenDay, at).unwrap();
    store
        .apply(
            &Operation::OpenShift {
                cashier: "Ilze Kalna".into(),
                float,
            },
            at,
        )
        .unwrap();
    let mut seen = Seen::default();
    let mut at = at;
    let mut applied = 2;
    let mut emails = std::collections::BTreeMap::new();
    for step in steps {
        if let Step::NextDay(days) = step {
            // Days pass (the first of them a working day or not): what closed leaves
            // memory for the history.
            at += chrono::Duration::days(1 + i64::from(days % 40));
        }
        let Some(operation) = operation(step, store.office(), &mut seen) else {
            continue;
        };
        match store.apply(&operation, at) {
            Ok(done) => {
                applied += 1;
                match &done.outcome {
                    Outcome::Receipt(receipt, _) => seen.receipts.push(receipt.number()),
                    Outcome::Invoice(issued) => {
                        seen.invoices
                            .push(issued.document.number().as_str().to_owned());
                    }
                    _ => {}
                }
                if let (
                    Operation::RegisterClient { client },
                    Outcome::Client {
                        id,
                        existing: false,
                        ..
                    },
                ) = (&operation, &done.outcome)
                {
                    emails.insert(*id, client.email.clone().unwrap_or_default());
                }
            }
            Err(StoreError::Office(_)) => {}
            Err(error) => prop_assert!(false, "{error}"),
        }
    }
    prop_assert_eq!(store.journal_len(), applied);
    let registered = steps
        .iter()
        .filter(|s| matches!(s, Step::Client(_)))
        .count();
    prop_assert!(registered == 0 || !store.office().registry().is_empty());
    let office = store.office();
    // Every document filed once, in the tables as in the office; every stored receipt,
    // invoice, credit note and waybill the one a replay from the first entry makes, and
    // the office the one that replay gives.
    prop_assert_eq!(count(&store, "documents") as u128, office.documents_filed());
    let verified = store.verify();
    prop_assert!(verified.is_ok(), "{:?}", verified);
    let before = fingerprint(office);
    // No erased e-mail address is left anywhere in the journal (one an invoice was
    // issued to is kept with it, as issued).
    let erased = emails.iter().filter(|(id, _)| {
        office
            .registry()
            .get(**id)
            .is_some_and(|c| c.is_erased() && c.emails().is_empty())
    });
    for (_, email) in erased {
        let left = store
            .db
            .query_int(
                "counting",
                "SELECT COUNT(*) FROM operations WHERE input LIKE '%' || ?1 || '%'",
                params![email],
            )
            .unwrap_or(-1);
        prop_assert_eq!(left, 0, "{} survived", email);
    }
    let Store { db, .. } = store;
    let again = Store::with_db(db, Durability::Full).unwrap();
    prop_assert_eq!(fingerprint(again.office()), before);
    Ok(())
}
