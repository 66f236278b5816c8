//! Steps 1–5 of the day: opening, clients, a need turned into an order, a contract, sales.

use apkalpe_catalogue::{
    AttributeCondition, AttributeRequirement, Budget, NeedQuery, Quantity as CatalogueQuantity,
    Sku, recommend,
};
use apkalpe_clients::{ClientId, Purpose};
use apkalpe_core::{
    CashRounding, CountryCode, Currency, Language, Money, Rounding, RoundingStrategy,
};
use apkalpe_payments::{
    CardPayment, CashCount, CashRegister, Denomination, IdempotencyKey, MaskedPan, ReceiptLine,
    RegisterIdentity, SimulatedTerminal, Tender,
};
use chrono::{Datelike, Duration, NaiveDate};
use rust_decimal::Decimal;
use uuid::Uuid;

use super::cast::{Lines, PROMOTION_CANDIDATES};
use super::{StepResult, Story, riga_time};
use crate::office::{
    CardCapture, CashFlow, CashParty, ClientInput, ItemLine, Office, Operation, Outcome,
};

/// The card sale that comes back in step 7: the terminal and payment to refund on.
#[derive(Debug)]
pub(super) struct CardSale {
    /// The simulated terminal the card was paid on.
    pub(super) terminal: SimulatedTerminal,
    /// The captured payment.
    pub(super) payment: CardPayment,
    /// The sale receipt's number.
    pub(super) receipt: u64,
    /// The masked card number.
    pub(super) masked: MaskedPan,
    /// What was bought (the product's name).
    pub(super) item: String,
    /// The amount paid.
    pub(super) amount: Money,
}

/// The cashier of the day.
const CASHIER: &str = "Ilze Kalna";

/// `cents` euro cents as money.
fn eur(cents: i64) -> Money {
    Money::new(Decimal::new(cents, 2), Currency::EUR)
}

/// The sale lines of a cast's `(sku, quantity)` pairs.
pub(super) fn item_lines(lines: &Lines) -> Vec<ItemLine> {
    lines
        .iter()
        .map(|(sku, quantity)| ItemLine {
            sku: (*sku).to_owned(),
            quantity: *quantity,
        })
        .collect()
}

/// The product's Latvian name in the catalogue.
pub(super) fn product_name(office: &Office, sku: &str, today: NaiveDate) -> String {
    sku.parse::<Sku>()
        .ok()
        .and_then(|sku| {
            office
                .catalogue()
                .catalogue()
                .quote(&sku, CatalogueQuantity::from_whole(1), None, today)
                .ok()
        })
        .map_or_else(
            || sku.to_owned(),
            |quote| quote.name().get(Language::Latvian).to_owned(),
        )
}

/// The receipt lines the register prints for `lines`, priced as the office prices them (the
/// gross price of one unit on `today`).
fn receipt_lines(
    office: &Office,
    lines: &[ItemLine],
    today: NaiveDate,
) -> Result<Vec<ReceiptLine>, Box<dyn std::error::Error>> {
    lines
        .iter()
        .map(|line| {
            let sku: Sku = line.sku.parse()?;
            let quote = office.catalogue().catalogue().quote(
                &sku,
                CatalogueQuantity::from_whole(1),
                None,
                today,
            )?;
            Ok(ReceiptLine::try_new(
                quote.name().get(Language::Latvian),
                Decimal::from(line.quantity),
                quote.gross(),
                quote.vat_rate(),
            )?)
        })
        .collect()
}

/// What `lines` cost at the register.
fn register_total(
    office: &Office,
    lines: &[ItemLine],
    today: NaiveDate,
) -> Result<Money, Box<dyn std::error::Error>> {
    let lines = receipt_lines(office, lines, today)?;
    Ok(Money::try_sum(
        Currency::EUR,
        lines.iter().map(ReceiptLine::amount),
    )?)
}

/// The cash a customer hands over for `amount`: the smallest note that covers it (or the
/// next one up, when `bigger` and it is at most 50 EUR); above 200 EUR, whole fifties.
fn handed_over(amount: Money, bigger: bool) -> Result<Money, Box<dyn std::error::Error>> {
    let notes = [5_i64, 10, 20, 50, 100, 200];
    let position = notes
        .iter()
        .position(|note| Decimal::from(*note) >= amount.amount());
    match position {
        Some(position) => {
            let next = notes.get(position.saturating_add(1)).copied();
            let note = match (bigger, next) {
                (true, Some(next)) if next <= 50 => next,
                _ => notes.get(position).copied().unwrap_or(200),
            };
            Ok(Money::new(Decimal::from(note), Currency::EUR))
        }
        None => Ok(amount.round(Rounding::try_new(
            RoundingStrategy::AwayFromZero,
            Decimal::from(50),
        )?)?),
    }
}

/// The card part of a mixed payment: the total rounded down to fifty euro, or to ten, or
/// half of it, so that some of it is always left for cash.
fn card_part(total: Money) -> Result<Money, Box<dyn std::error::Error>> {
    for step in [50, 10] {
        let part = total.round(Rounding::try_new(
            RoundingStrategy::TowardZero,
            Decimal::from(step),
        )?)?;
        if part.is_positive() && part != total {
            return Ok(part);
        }
    }
    let halves = total.allocate_evenly(2)?;
    halves
        .first()
        .copied()
        .ok_or_else(|| "the total cannot be split".into())
}

/// The float counted into the drawer at the start of the shift.
fn float() -> Result<CashCount, Box<dyn std::error::Error>> {
    Ok(CashCount::new()
        .with(Denomination::Euro20, 5)?
        .with(Denomination::Euro10, 5)?
        .with(Denomination::Euro5, 4)?
        .with(Denomination::Euro2, 10)?
        .with(Denomination::Euro1, 10)?
        .with(Denomination::Cent50, 10)?
        .with(Denomination::Cent20, 10)?
        .with(Denomination::Cent10, 10)?
        .with(Denomination::Cent5, 10)?
        .with(Denomination::Cent2, 10)?
        .with(Denomination::Cent1, 10)?)
}

/// `count × denomination, …`.
fn pieces_text(count: &CashCount) -> String {
    let pieces: Vec<String> = count
        .pieces()
        .map(|(denomination, number)| format!("{number} × {denomination}"))
        .collect();
    pieces.join(", ")
}

/// A company client as the desk takes it down, with its consent to surveys.
fn company_input(company: super::cast::Company) -> ClientInput {
    ClientInput {
        organisation: Some(company.name.to_owned()),
        legal_form: Some(company.form.to_owned()),
        registration_number: Some(company.registration.to_owned()),
        vat_number: Some(format!("LV{}", company.registration)),
        street: Some(company.street.to_owned()),
        city: Some(company.city.to_owned()),
        postcode: Some(company.postcode.to_owned()),
        consents: vec!["surveys".into()],
        ..ClientInput::default()
    }
}

/// The client id of a registration, and whether the client existed already.
fn client_of(outcome: Outcome) -> Result<(Uuid, bool), Box<dyn std::error::Error>> {
    match outcome {
        Outcome::Client { id, existing, .. } => Ok((id.as_uuid(), existing)),
        _ => Err("registering a client produced no client".into()),
    }
}

/// Step 1: the books carried over, the day opened (file plan, cases) and the shift opened
/// with a float.
pub(super) fn open_day(story: &mut Story<'_, '_>) -> StepResult {
    // Without the earlier books the day goes on: there is only no reminder to send.
    if let Err(error) = carried_over(story) {
        story.out.line(&format!(
            "No books are carried over from earlier days ({error})."
        ));
    }
    let Outcome::DayOpened { year, opened } = story.apply(&Operation::OpenDay, 9, 0)? else {
        return Err("opening the day produced no day".into());
    };
    let office = story.store.office();
    let plan = office.plan(year).ok_or("no file plan was loaded")?;
    let summary = plan.render_summary();
    let first = summary.lines().next().unwrap_or_default().to_owned();
    story.out.line(&format!(
        "The file plan (lietu nomenklatūra) is loaded: {first}."
    ));
    let opened: Vec<String> = opened.iter().map(ToString::to_string).collect();
    story.out.line(&format!(
        "The desk's cases of {year}; a case runs from the start of its year, whenever the desk first needs it ({}):",
        if opened.is_empty() {
            "all of them were open already".to_owned()
        } else {
            format!("{} opened now", opened.join(", "))
        }
    ));
    let mut table = format!(
        "{:<6}{:<46}{:<12}{}\n",
        "case", "title", "retention", "opened on"
    );
    for case in office.cases().filter(|case| case.year() == year) {
        let retention = plan
            .entry(case.index())
            .and_then(|entry| entry.case())
            .map(|description| description.retention().to_string())
            .unwrap_or_default();
        table.push_str(&format!(
            "{:<6}{:<46}{:<12}{}\n",
            case.index().to_string(),
            case.title(),
            retention,
            case.opened_on()
        ));
    }
    story.out.block(&table);
    story.out.keep("file-plan.txt", summary);

    let float = float()?;
    story.apply(
        &Operation::OpenShift {
            cashier: CASHIER.into(),
            float,
        },
        9,
        5,
    )?;
    story.out.line(&format!(
        "{CASHIER} opens the shift on cash register KA-0001 with a float of {}:",
        float.total()
    ));
    story.out.block(&pieces_text(&float));
    Ok(())
}

/// The books carried over: a regular client invoiced some weeks ago, through the same store
/// at that earlier time.
fn carried_over(story: &mut Story<'_, '_>) -> StepResult {
    let today = story.today;
    let earlier = today
        .checked_sub_signed(Duration::days(i64::from(story.cast.earlier_days_ago)))
        .ok_or("the earlier day is out of range")?;
    let regular = company_input(story.cast.regular);
    let at = riga_time(earlier, 11, 0);
    let (regular, _) = client_of(
        story
            .store
            .apply(&Operation::RegisterClient { client: regular }, at)?
            .outcome,
    )?;
    story.facts.regular = Some(regular);
    let operation = Operation::IssueInvoice {
        client: regular,
        lines: item_lines(&story.cast.earlier_lines),
        due_in_working_days: 10,
    };
    let earlier_invoice = story
        .store
        .apply(&operation, riga_time(earlier, 11, 30))?
        .outcome;
    if let Outcome::Invoice(issued) = earlier_invoice {
        let invoice = issued.document;
        story.out.line(&format!(
            "The books carry over from {earlier}: invoice {} of {} to {}, due {}.",
            invoice.number().as_str(),
            invoice.totals().amount_due(),
            invoice.content().buyer().name(),
            invoice
                .content()
                .due_date()
                .map_or_else(|| "on receipt".to_owned(), |due| due.to_string())
        ));
        story.out.keep(
            "invoice-earlier.xml",
            apkalpe_accounting::write_ubl_invoice(&invoice)?,
        );
    }
    Ok(())
}

/// Step 2: a walk-in person and a company registered with their consents; the company is
/// checked in the commercial register, and registering it twice finds it.
pub(super) fn clients(story: &mut Story<'_, '_>) -> StepResult {
    let (given, family) = story.cast.person;
    let (typo, code) = (story.cast.typo.clone(), story.cast.personal_code.clone());
    story.out.line(&format!(
        "{given} {family} walks in and gives a personal code; the clerk mistypes one digit first:"
    ));
    for typed in [&typo, &code] {
        match typed.parse::<apkalpe_core::PersonalCode>() {
            Ok(valid) => story.out.line(&format!(
                "  {typed}: valid, born {}",
                valid
                    .birth_date()
                    .map_or("?".to_owned(), |date| date.to_string())
            )),
            Err(error) => story.out.line(&format!("  {typed}: rejected ({error})")),
        }
    }
    let person = ClientInput {
        given: given.into(),
        family: family.into(),
        personal_code: Some(code),
        phone: Some(story.cast.phone.clone()),
        consents: story
            .cast
            .person_consents
            .iter()
            .map(|purpose| (*purpose).to_owned())
            .collect(),
        ..ClientInput::default()
    };
    let (person, _) =
        client_of(story.apply(&Operation::RegisterClient { client: person }, 9, 10)?)?;
    story.facts.person = Some(person);
    let consents = consents_text(story.store.office(), person);
    story.out.line(&format!(
        "{given} {family} is registered; consents recorded: {consents}."
    ));

    let company = story.cast.company;
    let Outcome::Client { id, check, .. } = story.apply(
        &Operation::RegisterClient {
            client: company_input(company),
        },
        9,
        20,
    )?
    else {
        return Err("registering a client produced no client".into());
    };
    story.facts.company = Some(id.as_uuid());
    story.out.line(&format!(
        "{} \"{}\" ({}, LV{}) is registered; consents recorded: {}.",
        company.form,
        company.name,
        company.registration,
        company.registration,
        consents_text(story.store.office(), id.as_uuid())
    ));
    if let Some(check) = check {
        story
            .out
            .line("The company is checked in the Register of Enterprises open data:");
        story.out.block(&check.to_string());
        story
            .out
            .keep("register-check.json", serde_json::to_string_pretty(&check)?);
    }
    let (_, existing) = client_of(story.apply(
        &Operation::RegisterClient {
            client: company_input(company),
        },
        9,
        25,
    )?)?;
    if existing {
        story.out.line(
            "A colleague registers the company again: the registry returns the existing client.",
        );
    } else {
        story.out.line("(a duplicate was registered: a bug)");
    }
    let registry = story.store.office().registry();
    story.out.line(&format!(
        "The client register now holds {} clients; a search for \"{}\" finds {}.",
        registry.len(),
        family.to_lowercase(),
        registry.search(&family.to_lowercase()).len()
    ));
    Ok(())
}

/// The purposes a client consented to, with the legal basis.
fn consents_text(office: &Office, client: Uuid) -> String {
    let purposes: Vec<&str> = office
        .registry()
        .consents_of(ClientId::new(client))
        .map(|consents| consents.iter().map(|c| c.purpose().as_str()).collect())
        .unwrap_or_default();
    if purposes.is_empty() {
        "none".to_owned()
    } else {
        format!("{} (GDPR art. 6(1)(a))", purposes.join(", "))
    }
}

/// Whether a client consented to surveys.
pub(super) fn consented_to_surveys(office: &Office, client: Uuid) -> bool {
    office
        .registry()
        .consents_of(ClientId::new(client))
        .is_ok_and(|consents| {
            consents.iter().any(|consent| {
                consent.purpose() == Purpose::Surveys && consent.withdrawn_at().is_none()
            })
        })
}

/// Step 3: the company's need recorded and matched to products, quotes (one with a
/// promotion), stock reserved and a delivery booked, with the payment terms.
pub(super) fn need_and_order(story: &mut Story<'_, '_>) -> StepResult {
    let today = story.today;
    let company = story.facts.company.ok_or("no company was registered")?;
    let need = story.cast.need;
    let calendar = story.store.office().calendar().clone();
    let needed_by = calendar.add_working_days(today, 5)?;
    let budget = eur(need.budget_eur.saturating_mul(100));
    let Outcome::Need { id } = story.apply(
        &Operation::RecordNeed {
            client: company,
            category: need.category.into(),
            quantity: need.quantity,
            budget: Some(budget),
            needed_by: Some(needed_by),
            preferred: vec![need.wish.into()],
        },
        9,
        40,
    )?
    else {
        return Err("recording the need produced no need".into());
    };
    story.out.line(&format!(
        "The company needs {} × {}, at most {budget} with VAT for all, by {needed_by}; it would like {}.",
        need.quantity, need.category, need.wish
    ));
    let status = story
        .store
        .office()
        .registry()
        .need(id)
        .map_or("missing", |recorded| recorded.status().name());
    story.out.line(&format!(
        "The need is recorded in the client register for follow-up (status: {status})."
    ));
    let query = NeedQuery::new(CatalogueQuantity::from_whole(need.quantity))
        .in_category(need.category.parse()?)
        .with_budget(Budget::Gross(budget))
        .needed_by(needed_by)
        .preferring(AttributeRequirement::new(
            need.attribute.parse()?,
            AttributeCondition::AtLeast(Decimal::from(need.at_least)),
        ));
    let office = story.store.office();
    let found = recommend(
        office.catalogue().catalogue(),
        office.catalogue().stock(),
        &calendar,
        &query,
        today,
        3,
    )?;
    story
        .out
        .line("The catalogue recommends, with the reasons:");
    story.out.block(&found.render(Language::Latvian));
    story
        .out
        .keep("recommendations.txt", found.render(Language::Latvian));
    let best = found
        .items()
        .first()
        .ok_or("nothing in the catalogue fits the need")?
        .clone();
    story.out.line("The quote for the best match:");
    story.out.block(&best.quote().render(Language::Latvian));
    story
        .out
        .line(&format!("Availability: {}.", best.availability()));
    let mut quotes = best.quote().render(Language::Latvian);

    // A second product with the promotion in force today, if any is on offer.
    let office = story.store.office();
    let catalogue = office.catalogue().catalogue();
    let quantity_of = |sku: &str| {
        if sku == "PAP-A4-80" {
            story.cast.promotion_quantity
        } else {
            1
        }
    };
    let on_offer: Vec<&str> = PROMOTION_CANDIDATES
        .iter()
        .copied()
        .filter(|sku| *sku != best.sku().as_str())
        .filter(|sku| {
            sku.parse::<Sku>().ok().is_some_and(|parsed| {
                catalogue
                    .quote(
                        &parsed,
                        CatalogueQuantity::from_whole(quantity_of(sku)),
                        None,
                        today,
                    )
                    .is_ok_and(|quote| !quote.discounts().is_empty())
            })
        })
        .collect();
    let extra = if on_offer.is_empty() {
        "PAP-A4-80"
    } else {
        let at = story.cast.promotion_pick % on_offer.len() as u64;
        on_offer
            .get(usize::try_from(at).unwrap_or(0))
            .copied()
            .unwrap_or("PAP-A4-80")
    };
    let extra_quantity = quantity_of(extra);
    let extra_quote = catalogue.quote(
        &extra.parse()?,
        CatalogueQuantity::from_whole(extra_quantity),
        None,
        today,
    )?;
    if extra_quote.discounts().is_empty() {
        story.out.line(&format!(
            "The company also takes {extra_quantity} × {extra}; no promotion is in force on {today}:"
        ));
    } else {
        story.out.line(&format!(
            "The company also takes {extra_quantity} × {extra}, with the promotion in force:"
        ));
    }
    story.out.block(&extra_quote.render(Language::Latvian));
    quotes.push('\n');
    quotes.push_str(&extra_quote.render(Language::Latvian));
    story.out.keep("quotes.txt", quotes);
    let terms = office.catalogue().payment_terms().cloned();
    let order_gross = best.quote().gross().checked_add(extra_quote.gross())?;

    let lines = vec![
        ItemLine {
            sku: best.sku().to_string(),
            quantity: need.quantity,
        },
        ItemLine {
            sku: extra.to_owned(),
            quantity: extra_quantity,
        },
    ];
    let Outcome::Order {
        reference,
        reservations,
        order: taken,
    } = story.apply(
        &Operation::ReserveOrder {
            client: company,
            lines: lines.clone(),
            carrier: "courier".into(),
            hold_working_days: 5,
            need: Some(id.as_uuid()),
        },
        9,
        50,
    )?
    else {
        return Err("taking the order produced no order".into());
    };
    let delivery = taken.delivery;
    let mut order = format!("Pasūtījums {reference}, {today}\n");
    let status = story
        .store
        .office()
        .registry()
        .need(id)
        .map_or("missing", |answered| answered.status().name());
    story.out.line(&format!(
        "Order {reference}: the stock is reserved and the delivery booked; the need is now {status}:"
    ));
    for reservation in &reservations {
        let text = format!(
            "reserved {} × {} until {} ({})",
            reservation.quantity(),
            reservation.sku(),
            reservation.expires(),
            reservation.reference()
        );
        story.out.block(&text);
        order.push_str(&text);
        order.push('\n');
    }
    story.out.block(&delivery.to_string());
    order.push_str(&delivery.to_string());
    order.push('\n');
    story.out.line(&format!(
        "Promised delivery: {}, {}–{} (ready {}, dispatched {}).",
        delivery.promised(),
        delivery.window().from().format("%H:%M"),
        delivery.window().until().format("%H:%M"),
        delivery.ready(),
        delivery.dispatch()
    ));
    if let Some(terms) = terms {
        let schedule = terms.schedule(order_gross, today, Some(delivery.promised()), &calendar)?;
        story.out.line(&format!(
            "Payment terms for the {order_gross} order: {terms}"
        ));
        story.out.block(&schedule.to_string());
        order.push_str(&format!("{terms}\n{schedule}"));
    }
    story.out.keep("order.txt", order);
    story.facts.order = Some((reference.to_string(), lines, delivery.dispatch()));
    Ok(())
}

/// Step 4: the contract for the order, registered and filed in the contracts' case.
pub(super) fn contract(story: &mut Story<'_, '_>) -> StepResult {
    let today = story.today;
    let company = story.facts.company.ok_or("no company was registered")?;
    let (reference, lines, dispatch) = story.facts.order.clone().ok_or("no order was taken")?;
    let office = story.store.office();
    let buyer = office
        .registry()
        .get(ClientId::new(company))
        .map(|client| client.display_name())
        .unwrap_or_default();
    let mut text = format!(
        "SIA Apkalpe (pārdevējs) pārdod un {buyer} (pircējs) pērk pēc pasūtījuma {reference}:\n"
    );
    for (position, line) in lines.iter().enumerate() {
        text.push_str(&format!(
            "{}. {} ({}), {} gab.\n",
            position.saturating_add(1),
            product_name(office, &line.sku, today),
            line.sku,
            line.quantity
        ));
    }
    text.push_str(&format!(
        "Cenas pēc {today} cenrāža un akcijām. Preces nosūta {dispatch} ar kurjeru uz pircēja adresi.\n"
    ));
    // The payment clause is the catalogue's payment terms themselves, counted as the payment
    // schedule counts them (from the invoice's issue date).
    if let Some(terms) = office.catalogue().payment_terms() {
        text.push_str(&terms.to_latvian_clause());
        text.push('\n');
    }
    let Outcome::Contract(filed) = story.apply(
        &Operation::RegisterContract {
            client: company,
            title: format!("Pirkuma līgums {reference}"),
            text: text.clone(),
        },
        10,
        0,
    )?
    else {
        return Err("registering the contract produced no contract".into());
    };
    let title = case_title(story.store.office(), &filed.case, filed.date.year());
    story.out.line(&format!(
        "Contract {} is registered in the internal register and filed in case {} \"{title}\":",
        filed.number, filed.case
    ));
    story.out.block(&text);
    story.out.keep(
        "contract.txt",
        format!(
            "Pirkuma līgums {reference}\nNr. {}, Rīga, {today}\n\n{text}",
            filed.number
        ),
    );
    Ok(())
}

/// The title of a case of `year`.
pub(super) fn case_title(
    office: &Office,
    index: &apkalpe_documents::CaseIndex,
    year: i32,
) -> String {
    office
        .cases()
        .find(|case| case.index() == index && case.year() == year)
        .map(|case| case.title().to_owned())
        .unwrap_or_default()
}

/// Step 5: a cash sale with change (and the Vilnius comparison), a card sale and a mixed
/// payment.
pub(super) fn sales(story: &mut Story<'_, '_>) -> StepResult {
    let today = story.today;
    let identity = crate::office::register_identity()?;
    let rule = CashRounding::builtin()
        .rule_in_force(CountryCode::LV, today)?
        .clone();
    story.out.line(&format!(
        "The cash-rounding rule in force in Latvia since {}: {}.",
        rule.effective_from(),
        match rule.rounding() {
            Some(rounding) => format!("cash totals rounded to {}", rounding.increment()),
            None => "none, cash totals are paid to the cent".to_owned(),
        }
    ));

    // Cash, with change from the drawer.
    let lines = item_lines(&story.cast.cash_sale);
    let total = register_total(story.store.office(), &lines, today)?;
    let tendered = handed_over(total, story.cast.bigger_note)?;
    let mut drawer = story.store.office().drawer();
    drawer.add_all(&crate::office::pieces(tendered)?)?;
    let Outcome::Receipt(cash, _) = story.apply(
        &Operation::Sell {
            lines: lines.clone(),
            card: None,
            cash: Some(tendered),
            client: None,
        },
        10,
        30,
    )?
    else {
        return Err("the sale produced no receipt".into());
    };
    let change = drawer.make_change(cash.change())?;
    story
        .out
        .line(&format!("A cash sale of {total}, paid with {tendered}:"));
    story.out.block(&cash.render(&identity));
    story.out.keep("receipt-1-cash.txt", cash.render(&identity));
    if cash.change().is_zero() {
        story.out.line("No change is due.");
    } else {
        story.out.line(&format!(
            "Change {} given from the drawer as {}.",
            cash.change(),
            pieces_text(&change)
        ));
    }
    // The same sale at the Lithuanian outlet, where cash is rounded to 0.05 EUR.
    let vilnius_identity = RegisterIdentity::try_new(
        "SIA Apkalpe filiāle",
        "40003521600",
        "Gedimino pr. 1, Vilnius",
        "KA-0002",
        "FM-0002",
        CountryCode::LT,
    )?;
    let mut vilnius = CashRegister::new(vilnius_identity, Currency::EUR).open_shift(
        "Rūta",
        float()?,
        riga_time(today, 10, 30),
    )?;
    let rounded = vilnius.sell(
        receipt_lines(story.store.office(), &lines, today)?,
        &[Tender::Cash { tendered }],
        riga_time(today, 10, 30),
    )?;
    story.out.line(&format!(
        "The same sale at the Vilnius outlet: the cash total is rounded by {} and the change is {}.",
        rounded.rounding(),
        rounded.change()
    ));

    // A card on the simulated terminal: only the masked number is kept.
    let lines = item_lines(&story.cast.card_sale);
    let total = register_total(story.store.office(), &lines, today)?;
    let expiry = format!("12/{:02}", today.year().saturating_add(3).rem_euclid(100)).parse()?;
    let mut terminal = SimulatedTerminal::new();
    let mut payment = CardPayment::try_new(total)?;
    payment.authorise(
        &mut terminal,
        story.cast.card.parse()?,
        expiry,
        &IdempotencyKey::try_new("demo-card-auth-1")?,
        today,
    )?;
    payment.capture(
        &mut terminal,
        total,
        &IdempotencyKey::try_new("demo-card-capture-1")?,
    )?;
    let masked = payment
        .card()
        .map(|card| card.masked().clone())
        .ok_or("the terminal kept no card")?;
    let Outcome::Receipt(card, _) = story.apply(
        &Operation::Sell {
            lines: lines.clone(),
            card: Some(CardCapture {
                amount: total,
                masked: masked.clone(),
            }),
            cash: None,
            client: None,
        },
        11,
        0,
    )?
    else {
        return Err("the sale produced no receipt".into());
    };
    story.out.line(&format!(
        "A card sale of {total}: authorised and captured on the terminal; only {masked} is kept:"
    ));
    story.out.block(&card.render(&identity));
    story.out.keep("receipt-2-card.txt", card.render(&identity));
    let item = card
        .lines()
        .first()
        .map(|line| line.description().to_owned())
        .unwrap_or_default();
    story.facts.card_sale = Some(CardSale {
        terminal,
        payment,
        receipt: card.number(),
        masked,
        item,
        amount: total,
    });

    // A mixed payment: part by card, the rest in cash.
    let lines = item_lines(&story.cast.mixed_sale);
    let total = register_total(story.store.office(), &lines, today)?;
    let by_card = card_part(total)?;
    let cash_part = total.checked_sub(by_card)?;
    let tendered = handed_over(cash_part, false)?;
    let mut terminal = SimulatedTerminal::new();
    let mut payment = CardPayment::try_new(by_card)?;
    payment.authorise(
        &mut terminal,
        story.cast.mixed_card.parse()?,
        expiry,
        &IdempotencyKey::try_new("demo-card-auth-2")?,
        today,
    )?;
    payment.capture(
        &mut terminal,
        by_card,
        &IdempotencyKey::try_new("demo-card-capture-2")?,
    )?;
    let masked = payment
        .card()
        .map(|card| card.masked().clone())
        .ok_or("the terminal kept no card")?;
    let Outcome::Receipt(mixed, _) = story.apply(
        &Operation::Sell {
            lines,
            card: Some(CardCapture {
                amount: by_card,
                masked: masked.clone(),
            }),
            cash: Some(tendered),
            client: None,
        },
        11,
        30,
    )?
    else {
        return Err("the sale produced no receipt".into());
    };
    story.out.line(&format!(
        "A mixed payment of {total}: {by_card} by card {masked}, {cash_part} in cash from {tendered}, change {}:",
        mixed.change()
    ));
    story.out.block(&mixed.render(&identity));
    story
        .out
        .keep("receipt-3-mixed.txt", mixed.render(&identity));
    cash_advance(story)
}

/// The advance the company pays in cash (step 5): a cash receipt order (KIO) in its own
/// series, declared as a taxpayer's cash deal over 1 500 EUR; then more cash the same day,
/// linked with it and refused over the cash limit (law "Par nodokļiem un nodevām" art. 30).
fn cash_advance(story: &mut Story<'_, '_>) -> StepResult {
    let company = story.facts.company.ok_or("no company was registered")?;
    let advance = eur(200_000);
    let Outcome::CashOrder(order) = story.apply(
        &Operation::CashOrder {
            direction: CashFlow::In,
            amount: advance,
            party: CashParty::Client(company),
            basis: "Avanss par nākamo pasūtījumu".into(),
            invoice: None,
        },
        11,
        45,
    )?
    else {
        return Err("the cash order produced no order".into());
    };
    let payer = order.order.counterparty().name().unwrap_or_default();
    story.out.line(&format!(
        "{payer} pays an advance of {advance} in cash: a cash receipt order (KIO) in its own series, filed in case {}:",
        order.filed.case
    ));
    story.out.block(&order.text);
    story.out.keep("cash-receipt-order.txt", order.text.clone());
    story.facts.advance = Some((order.order.number().as_str().to_owned(), advance));
    if let Some(cash) = order.cash.as_ref().filter(|cash| cash.verdict.declarable()) {
        let date = cash.operation.date();
        story.out.line(&format!(
            "A cash deal of {} with a taxpayer is over {}: it goes into the declaration of {} to the State Revenue Service, due by the 15th of the next month (MK noteikumi Nr. 237).",
            cash.verdict.deal(),
            apkalpe_payments::CashLimits::latvia().declaration_threshold(),
            date.format("%Y-%m")
        ));
    }
    // More cash the same day is the same deal: over the cap, refused, and nothing changes.
    let more = eur(550_000);
    let refused = story.apply(
        &Operation::CashOrder {
            direction: CashFlow::In,
            amount: more,
            party: CashParty::Client(company),
            basis: "Avanss".into(),
            invoice: None,
        },
        11,
        50,
    );
    match refused {
        Err(error) if error.code() == "cash_limit.exceeded" => story.out.line(&format!(
            "The company offers {more} more in cash for the same order. The desk refuses, and nothing is stored ({}): {error}.",
            error.code()
        )),
        Err(error) => return Err(error.into()),
        Ok(_) => return Err("cash over the cash limit was accepted".into()),
    }
    Ok(())
}
