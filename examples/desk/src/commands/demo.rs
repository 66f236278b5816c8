//! `desk demo`: one day at a Latvian service desk, told as a story for students.
//!
//! Every figure in the story is computed by the crates; only the words around them are fixed,
//! so the output is the same for the same `--date`. Each scene names the tasks of the
//! profession standard it serves. A scene that cannot go on (say, a date outside the rate
//! table) says why and the story moves on to the next one.

use apkalpe_accounting::{
    CreditedLine, DraftCreditNote, DraftInvoice, InvoiceKind, InvoiceLine, LineVat,
    Quantity as InvoiceQuantity, UnitCode, render_credit_note, render_invoice,
    write_ubl_credit_note, write_ubl_invoice,
};
use apkalpe_catalogue::{
    AttributeCondition, AttributeRequirement, Budget, CatalogueFile, NeedQuery,
    Quantity as CatalogueQuantity, recommend,
};
use apkalpe_clients::{
    BudgetRange, Channel, ClientDetails, ClientId, ClientRegistry, Direction, Interaction,
    InteractionId, LegalForm, Need, NeedId, Organisation, Person, RegisterFile, Registration,
    StaffMember, verify,
};
use apkalpe_core::{
    Address, Calendar, CentsStyle, CountryCode, CreditorReference, Currency, Iban, Language, Money,
    NumberSeries, Party, PartyName, Period, PersonalCode, PhoneNumber, RegistrationNumber,
    VatNumber, VatRate, WordsOptions, YearReset, amount_in_words,
};
use apkalpe_documents::{
    AnswerOutcome, AnswerRules, CaseIndex, Channel as SubmissionChannel, DeadlineRegime,
    DocumentDraft, DocumentId, DocumentKind, FilePlan, Letter, NewSubmission, OpenCase,
    OpenSubmission, Register, RegisterKind, Requisite, Salutation, SubmissionKind,
};
use apkalpe_payments::{
    CardPayment, CashCount, CashRegister, Denomination, IdempotencyKey, PaymentRequest,
    ReceiptLine, RegisterIdentity, Remittance, SimulatedTerminal, Tender,
};
use chrono::{DateTime, Datelike, NaiveDate, TimeZone, Utc};
use rust_decimal::Decimal;
use uuid::Uuid;

use std::path::Path;

use super::files::write_file;
use super::{CommandError, parse_date};
use crate::{Context, Report};

/// The sample Register of Enterprises file shipped with apkalpe-clients.
const REGISTER_CSV: &str =
    include_str!("../../../../crates/apkalpe-clients/tests/fixtures/register.csv");
/// The sample file plan shipped with apkalpe-documents.
const FILE_PLAN_CSV: &str =
    include_str!("../../../../crates/apkalpe-documents/tests/fixtures/fileplan.csv");
/// The sample catalogue shipped with apkalpe-catalogue.
const CATALOGUE_JSON: &str =
    include_str!("../../../../crates/apkalpe-catalogue/tests/fixtures/catalogue.json");

type SceneResult = Result<(), Box<dyn std::error::Error>>;

/// Writes the story: headings, indented lines and blocks of rendered documents.
struct Story<'r, 'a> {
    report: &'r mut Report<'a>,
    /// The documents the day produced, by file name, for `--out`.
    documents: Vec<(String, String)>,
}

impl Story<'_, '_> {
    fn heading(&mut self, text: &str) {
        self.report.text("");
        self.report.text(text);
    }

    fn line(&mut self, text: &str) {
        self.report.text(&format!("  {text}"));
    }

    /// A rendered document or table, indented as one block.
    fn block(&mut self, text: &str) {
        for line in text.lines() {
            self.report.text(&format!("    {line}"));
        }
    }

    /// Keeps a document the day produced, to be written by `--out`.
    fn keep(&mut self, file_name: &str, contents: String) {
        self.documents.push((file_name.to_owned(), contents));
    }

    fn scene(&mut self, heading: &str, body: impl FnOnce(&mut Self) -> SceneResult) {
        self.heading(heading);
        if let Err(error) = body(self) {
            self.line(&format!("(the scene stops here: {error})"));
        }
    }
}

fn eur(cents: i64) -> Money {
    Money::new(Decimal::new(cents, 2), Currency::EUR)
}

/// 09:00 in Riga on `day` (07:00 UTC in winter; the hour is only a label in receipts).
fn morning(day: NaiveDate) -> DateTime<Utc> {
    day.and_hms_opt(7, 0, 0)
        .map(|time| Utc.from_utc_datetime(&time))
        .unwrap_or_default()
}

/// The options of `desk demo`.
#[allow(dead_code)] // `seed` and `db` are read by the demo's own slice
pub(super) struct DemoArgs<'a> {
    /// `--date`.
    pub(super) date: Option<&'a str>,
    /// `--out`.
    pub(super) out: Option<&'a Path>,
    /// `--seed`.
    pub(super) seed: Option<u64>,
    /// `--db`.
    pub(super) db: Option<&'a Path>,
}

pub(super) fn run(
    args: &DemoArgs<'_>,
    context: &Context,
    report: &mut Report<'_>,
) -> Result<(), CommandError> {
    let out = args.out;
    let today = match args.date {
        Some(text) => match parse_date(text, report) {
            Some(date) => date,
            None => return Ok(()),
        },
        None => context.today,
    };
    let mut story = Story {
        report,
        documents: Vec::new(),
    };
    tell(&mut story, today);
    if let Some(dir) = out {
        write_documents(dir, &story.documents, story.report);
    }
    Ok(())
}

/// Writes every document of the day into `dir` (created if missing), one line per file.
fn write_documents(dir: &Path, documents: &[(String, String)], report: &mut Report<'_>) {
    if let Err(error) = std::fs::create_dir_all(dir) {
        report.invalid(
            "file.write",
            &format!("cannot create {}: {}", dir.display(), error.kind()),
        );
        return;
    }
    report.text("");
    report.text(&format!(
        "The day's documents, written to {}:",
        dir.display()
    ));
    for (name, contents) in documents {
        let path = dir.join(name);
        if write_file(&path, contents.as_bytes(), report) {
            report.text(&format!("  {name} ({} bytes)", contents.len()));
        }
    }
}

fn tell(story: &mut Story<'_, '_>, today: NaiveDate) {
    let calendar = Calendar::latvia();
    story.report.text(&format!(
        "A day at the service desk of SIA Apkalpe, {today} (Riga)."
    ));
    match calendar.is_working_day(today) {
        Ok(true) => story.line("It is a working day in Latvia."),
        Ok(false) => story.line("It is not a working day in Latvia; the desk is on duty anyway."),
        Err(error) => story.line(&format!("The calendar cannot say: {error}")),
    }
    story.scene(
        "1. Two new clients: a walk-in person and a company checked in the register (T2.1, S8, S30, T2.2, T2.6).",
        |story| clients(story, today),
    );
    story.scene(
        "2. The company's need matched to products, a quote, availability and delivery (T1.2–T1.5, S9, S31, S32).",
        |story| catalogue(story, today, &calendar),
    );
    story.scene(
        "3. Sales at the cash register: cash with change, a card, a refund, the Z report (T4.2–T4.4, S33–S35).",
        |story| register(story, today),
    );
    story.scene(
        "4. An invoice to the company with its e-invoice, and a credit note for a returned item (T4.6, T4.8, S27).",
        |story| invoice(story, today, &calendar),
    );
    story.scene(
        "5. A consumer complaint registered with its deadline, answered and filed in its case (T3.4, T3.5, T3.7, T2.8).",
        |story| complaint(story, today, &calendar),
    );
    story.report.text("");
    story.report.text("End of the day.");
}

fn clients(story: &mut Story<'_, '_>, today: NaiveDate) -> SceneResult {
    let now = morning(today);
    let staff = StaffMember::try_new("Ilze Kalna")?;
    let mut registry = ClientRegistry::new();

    story.line(
        "Anna Bērziņa walks in and gives her personal code; the clerk mistypes one digit first:",
    );
    for typed in ["161175-19987", "161175-19997"] {
        match typed.parse::<PersonalCode>() {
            Ok(code) => story.line(&format!(
                "  {typed}: valid, born {}",
                code.birth_date().map_or("?".to_owned(), |d| d.to_string())
            )),
            Err(error) => story.line(&format!("  {typed}: rejected ({error})")),
        }
    }
    let anna = registry
        .register(
            ClientId::new(Uuid::from_u128(1)),
            ClientDetails::person(
                Person::try_new("Anna", "Bērziņa")?.with_personal_code("161175-19997".parse()?),
            )
            .with_phone(PhoneNumber::try_new("+371 2000 0001")?),
            now,
        )?
        .id();
    story.line("Anna is registered.");

    let company = || -> Result<ClientDetails, Box<dyn std::error::Error>> {
        Ok(ClientDetails::organisation(
            Organisation::try_new("Ziemeļu Rati")?
                .with_legal_form(LegalForm::try_new("SIA")?)
                .with_registration_number(RegistrationNumber::try_new("40203990007")?)
                .with_vat_number(VatNumber::try_new("LV40203990007")?),
        ))
    };
    let rati = registry
        .register(ClientId::new(Uuid::from_u128(2)), company()?, now)?
        .id();
    story.line("SIA \"Ziemeļu Rati\" (40203990007, LV40203990007) is registered.");
    match registry.register(ClientId::new(Uuid::from_u128(3)), company()?, now)? {
        Registration::Existing { .. } => story.line(
            "A colleague registers the company again: the registry returns the existing client.",
        ),
        Registration::Registered { .. } => story.line("(a duplicate was registered: a bug)"),
    }

    let load = RegisterFile::from_reader(REGISTER_CSV.as_bytes())?;
    if let Some(client) = registry.get(rati) {
        story.line("The company is checked in the Register of Enterprises open data:");
        let verification = verify(client, load.register())?;
        story.block(&verification.to_string());
        story.keep(
            "register-check.json",
            serde_json::to_string_pretty(&verification)?,
        );
    }

    registry.record_need(
        Need::try_new(NeedId::new(Uuid::from_u128(4)), rati, "it/laptops", now)?
            .with_budget(BudgetRange::try_new(None, Some(eur(100_000)))?)
            .with_quantity(Decimal::ONE)?,
    )?;
    registry.record_interaction(Interaction::try_new(
        InteractionId::new(Uuid::from_u128(5)),
        anna,
        Channel::Phone,
        Direction::Inbound,
        "Asked when her ordered bag will arrive",
        staff,
        now,
    )?)?;
    story
        .line("A need is recorded for the company (a laptop, up to 1000 EUR), and Anna phones in.");
    story.line(&format!(
        "Search for \"berzina\" finds {} client; Anna's timeline:",
        registry.search("berzina").len()
    ));
    for entry in registry.timeline(anna)? {
        story.line(&format!("  {entry}"));
    }
    Ok(())
}

fn catalogue(story: &mut Story<'_, '_>, today: NaiveDate, calendar: &Calendar) -> SceneResult {
    let mut file = CatalogueFile::from_json(CATALOGUE_JSON)?;
    let needed_by = calendar.add_working_days(today, 5)?;
    let need = NeedQuery::new(CatalogueQuantity::from_whole(1))
        .in_category("it/laptops".parse()?)
        .with_budget(Budget::Gross(eur(100_000)))
        .needed_by(needed_by)
        .preferring(AttributeRequirement::new(
            "ram_gb".parse()?,
            AttributeCondition::AtLeast(Decimal::from(16)),
        ));
    story.line(&format!(
        "Need: one laptop in it/laptops, at most 1000.00 EUR with VAT, by {needed_by}, 16 GB RAM preferred."
    ));
    let found = recommend(file.catalogue(), file.stock(), calendar, &need, today, 3)?;
    story.block(&found.render(Language::Latvian));
    let Some(best) = found.items.first() else {
        story.line("Nothing fits the need.");
        return Ok(());
    };
    story.line("The quote for the best match:");
    story.block(&best.quote.render(Language::Latvian));
    story.keep("quote.txt", best.quote.render(Language::Latvian));
    story.line(&format!("Availability: {}", best.availability));
    let order = "PAS-2026/0042";
    file.stock_mut().reserve(
        order.parse()?,
        &best.sku,
        CatalogueQuantity::from_whole(1),
        today,
        calendar.add_working_days(today, 5)?,
    )?;
    let ready = best.availability.ready_on(today).unwrap_or(today);
    let delivery =
        file.delivery_mut()
            .schedule(calendar, order.parse()?, &"courier".parse()?, ready)?;
    story.line(&format!(
        "One unit reserved for order {order}; delivery: {delivery}"
    ));
    let paper = file.catalogue().quote(
        &"PAP-A4-80".parse()?,
        CatalogueQuantity::from_whole(10),
        None,
        today,
    )?;
    story.line("The company also takes ten reams of office paper:");
    story.block(&paper.render(Language::Latvian));
    if let Some(terms) = file.payment_terms() {
        let schedule =
            terms.schedule(best.quote.gross, today, Some(delivery.promised()), calendar)?;
        story.line(&format!("Payment terms: {terms}"));
        story.block(&schedule.to_string());
    }
    Ok(())
}

fn register(story: &mut Story<'_, '_>, today: NaiveDate) -> SceneResult {
    let at = morning(today);
    let vat = VatRate::try_new(Decimal::from(21))?;
    let float = CashCount::new()
        .with(Denomination::Euro10, 5)?
        .with(Denomination::Euro5, 4)?
        .with(Denomination::Euro1, 10)?
        .with(Denomination::Cent50, 10)?
        .with(Denomination::Cent20, 10)?
        .with(Denomination::Cent10, 10)?
        .with(Denomination::Cent5, 10)?
        .with(Denomination::Cent2, 10)?
        .with(Denomination::Cent1, 10)?;
    let identity = RegisterIdentity::try_new(
        "SIA Apkalpe",
        "40003521600",
        "Brīvības iela 1, Rīga",
        "KA-0001",
        "FM-0001",
        CountryCode::LV,
    )?;
    let mut shift =
        CashRegister::new(identity, Currency::EUR).open_shift("Ilze Kalna", float, at)?;
    story.line(&format!(
        "The shift opens with a float of {}.",
        float.total()
    ));

    let coffee = ReceiptLine::try_new("Kafija", Decimal::from(2), eur(199), vat)?;
    let cash = shift.sell(
        vec![coffee],
        &[Tender::Cash {
            tendered: eur(1000),
        }],
        at,
    )?;
    story.line("A cash sale: two coffees, paid with a 10 € note. Latvia has no cash rounding:");
    story.block(&cash.render(shift.register().identity()));
    story.keep("receipt-cash.txt", cash.render(shift.register().identity()));
    let change = float.make_change(cash.change())?;
    let pieces: Vec<String> = change
        .pieces()
        .map(|(denomination, count)| format!("{count} × {denomination}"))
        .collect();
    story.line(&format!(
        "Change {} given as {}.",
        cash.change(),
        pieces.join(", ")
    ));

    let mut terminal = SimulatedTerminal::new();
    let total = eur(4_490);
    let mut payment = CardPayment::try_new(total)?;
    payment.authorise(
        &mut terminal,
        "4111111111111111".parse()?,
        // A card valid for three more years, whatever the day of the story.
        format!("12/{:02}", (today.year() + 3) % 100).parse()?,
        &IdempotencyKey::try_new("demo-auth-1")?,
        today,
    )?;
    payment.capture(
        &mut terminal,
        total,
        &IdempotencyKey::try_new("demo-capture-1")?,
    )?;
    let masked = payment
        .card()
        .map(|card| card.masked().to_string())
        .unwrap_or_default();
    let bag = || {
        ReceiptLine::try_new("Klēpjdatora soma", Decimal::ONE, total, vat)
            .map_err(apkalpe_payments::PaymentsError::from)
    };
    let card_receipt = shift.sell(
        vec![bag()?],
        &[Tender::Card {
            amount: total,
            reference: masked.clone(),
        }],
        at,
    )?;
    story.line(&format!(
        "A card sale of {total} on the terminal; only the masked number {masked} is kept."
    ));
    payment.refund(
        &mut terminal,
        total,
        &IdempotencyKey::try_new("demo-refund-1")?,
    )?;
    shift.refund(
        card_receipt.number(),
        vec![bag()?],
        &[Tender::Card {
            amount: total,
            reference: masked,
        }],
        at,
    )?;
    story.line(
        "The customer returns the bag: the card payment is refunded and a return receipt issued.",
    );

    // The drawer now holds the float, plus the 10 € note taken, less the change given.
    let mut counted = float;
    counted.add(Denomination::Euro10, 1)?;
    counted.remove_all(&change)?;
    let (_register, z) = shift.close(counted, at)?;
    story.line("The shift closes; the Z report:");
    story.block(&z.render());
    story.keep("z-report.txt", z.render());

    let lithuania = RegisterIdentity::try_new(
        "SIA Apkalpe filiāle",
        "40003521600",
        "Gedimino pr. 1, Vilnius",
        "KA-0002",
        "FM-0002",
        CountryCode::LT,
    )?;
    let mut vilnius = CashRegister::new(lithuania, Currency::EUR).open_shift("Rūta", float, at)?;
    let coffee = ReceiptLine::try_new("Kava", Decimal::from(2), eur(199), vat)?;
    let rounded = vilnius.sell(
        vec![coffee],
        &[Tender::Cash {
            tendered: eur(1000),
        }],
        at,
    )?;
    story.line(&format!(
        "The same sale at the Vilnius outlet: the cash total is rounded by {} and the change is {}.",
        rounded.rounding(),
        rounded.change()
    ));
    Ok(())
}

fn invoice(story: &mut Story<'_, '_>, today: NaiveDate, calendar: &Calendar) -> SceneResult {
    let seller = Party::organisation(
        PartyName::try_new("SIA Apkalpe")?,
        Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?,
    )
    .try_with_registration_number("40003521600".parse()?)?
    .try_with_vat_number("LV40003521600".parse()?)?
    .with_iban("LV80BANK0000435195001".parse::<Iban>()?);
    let buyer = Party::organisation(
        PartyName::try_new("SIA \"Ziemeļu Rati\"")?,
        Address::try_new(
            "Brīvības iela 101",
            "Rīga",
            Some("LV-1001"),
            CountryCode::LV,
        )?,
    )
    .try_with_registration_number("40203990007".parse()?)?
    .try_with_vat_number("LV40203990007".parse()?)?;
    let vat = LineVat::standard(VatRate::try_new(Decimal::from(21))?)?;
    let due = calendar.deadline(today, Period::WorkingDays(10))?.date();
    let mut invoices = NumberSeries::try_new(
        "invoices",
        "INV{year}-{seq:5}".parse()?,
        YearReset::EachYear,
    )?;
    let invoice = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
        .with_line(InvoiceLine::try_new(
            "Biroja krēsls",
            InvoiceQuantity::try_new(Decimal::from(2))?,
            UnitCode::PIECE,
            eur(8_990),
            vat,
        )?)
        .with_line(InvoiceLine::try_new(
            "Klēpjdatora soma",
            InvoiceQuantity::try_new(Decimal::ONE)?,
            UnitCode::PIECE,
            eur(3_900),
            vat,
        )?)
        .with_due_date(due)
        .issue(&mut invoices, today)?;
    story.block(&render_invoice(&invoice)?);
    story.keep("invoice.txt", render_invoice(&invoice)?);
    let xml = write_ubl_invoice(&invoice)?;
    story.keep("invoice.xml", xml.clone());
    story.line(&format!(
        "Its UBL 2.1 e-invoice (EN 16931, Peppol BIS 3) has {} lines of XML; CI checks such files with the official rules.",
        xml.lines().count()
    ));
    let reference =
        CreditorReference::from_payment_reference(&invoice.number().to_string().replace('-', ""))?;
    story.line(&format!(
        "Payment reference for the bank: {} ({}).",
        reference,
        reference.print_form()
    ));
    let request = PaymentRequest::try_new(
        "SIA Apkalpe",
        "LV80BANK0000435195001".parse::<Iban>()?,
        None,
        invoice.totals().amount_due(),
        Remittance::from_parts(Some(&reference.to_string()), None)?,
    )?;
    story.line("The invoice carries an EPC QR code for the bank app; its payload:");
    let payload = request.epc_payload()?;
    story.block(&payload);
    story.keep("epc-qr.txt", payload);
    story.keep("epc-qr.svg", request.epc_svg()?);
    for language in [Language::English, Language::Russian] {
        let words = amount_in_words(
            &invoice.totals().amount_due(),
            language,
            &WordsOptions::default().with_cents(CentsStyle::Words),
        )?;
        story.line(&format!("Amount due in words ({language}): {words}"));
    }

    let mut credit_notes = NumberSeries::try_new(
        "credit-notes",
        "KR{year}-{seq:5}".parse()?,
        YearReset::EachYear,
    )?;
    let credit = DraftCreditNote::for_lines(
        &invoice,
        "Atgriezts viens krēsls",
        &[CreditedLine::new(
            1,
            InvoiceQuantity::try_new(Decimal::ONE)?,
        )],
    )?
    .issue(&mut credit_notes, today, &[])?;
    story.line(
        "One chair comes back: a credit note linked to the invoice, never a negative invoice:",
    );
    story.block(&render_credit_note(&credit)?);
    story.keep("credit-note.txt", render_credit_note(&credit)?);
    let credit_xml = write_ubl_credit_note(&credit)?;
    story.keep("credit-note.xml", credit_xml.clone());
    story.line(&format!(
        "Its UBL credit note has {} lines of XML.",
        credit_xml.lines().count()
    ));
    Ok(())
}

fn complaint(story: &mut Story<'_, '_>, today: NaiveDate, calendar: &Calendar) -> SceneResult {
    let year = today.year();
    let plan = FilePlan::from_csv(year, FILE_PLAN_CSV)?;
    story.line("The organisation's file plan for the year:");
    story.block(&plan.render_summary());
    story.keep("file-plan.txt", plan.render_summary());

    let index: CaseIndex = "2.1".parse()?;
    let mut incoming = Register::try_new(RegisterKind::Incoming, "{index}/{seq}")?;
    let complaint = DocumentDraft::new(DocumentKind::Complaint)
        .with(Requisite::Author, "Anna Bērziņa")
        .with_date(today)
        .with(Requisite::Addressee, "SIA Apkalpe")
        .with(
            Requisite::Text,
            "Tējkanna (rēķins INV2026-00001) pēc nedēļas pārstāja sildīt. Lūdzu to apmainīt.",
        )
        .with(Requisite::Signature, "A. Bērziņa")
        .validate()?;
    let number = incoming
        .register(DocumentId::from_u128(1), complaint, &index, today)?
        .number()
        .to_owned();
    let open = OpenSubmission::register(
        NewSubmission {
            number: number.clone(),
            kind: SubmissionKind::Reclamation,
            received_on: today,
            channel: SubmissionChannel::Email,
            client_id: "anna-berzina".into(),
            invoice_number: Some("INV2026-00001".into()),
            summary: "Bojāta tējkanna, lūdz apmaiņu".into(),
        },
        DeadlineRegime::Consumer,
        &AnswerRules::latvia(),
        calendar,
    )?;
    story.line(&format!(
        "Complaint {number} registered; the answer is due by {}:",
        open.deadline().date()
    ));
    for line in open.deadline().lines().iter().skip(1) {
        story.line(&format!("  {line}"));
    }

    let letter = Letter {
        language: Language::Latvian,
        author: "SIA Apkalpe".into(),
        date: today,
        place: "Rīga".into(),
        addressee: "Annai Bērziņai".into(),
        reference: Some(format!("Uz {today} pretenziju Nr. {number}")),
        title: "Par preces apmaiņu".into(),
        salutation: Salutation::Named("Anna Bērziņa".into()),
        body: "Jūsu pretenzija ir apmierināta: tējkanna tiks apmainīta veikalā vai ar kurjeru."
            .into(),
        signatory: "Klientu apkalpošanas speciāliste I. Kalna".into(),
        preparer: None,
    };
    let mut outgoing = Register::try_new(RegisterKind::Outgoing, "{yy}-{index}/{seq}")?;
    let reply_number = outgoing
        .register(
            DocumentId::from_u128(2),
            letter.to_draft().validate()?,
            &index,
            today,
        )?
        .number()
        .to_owned();
    let answered = open.answer(today, AnswerOutcome::Accepted, "Tējkanna tiks apmainīta.")?;
    story.line(&format!(
        "Answered the same day by letter {reply_number} ({}in time).",
        if answered.is_in_time() { "" } else { "not " }
    ));
    story.block(&letter.render_text(Some(&reply_number)));
    story.keep("reply-letter.txt", letter.render_text(Some(&reply_number)));

    let opened_on = NaiveDate::from_ymd_opt(year, 1, 2).unwrap_or(today);
    let mut case = OpenCase::open(&plan, &index, opened_on)?;
    case.file(DocumentId::from_u128(1))?;
    case.file(DocumentId::from_u128(2))?;
    story.line(&format!(
        "Both documents are filed in case {} \"{}\" ({} documents). The day's registers:",
        case.index(),
        case.title(),
        case.documents().len()
    ));
    story.block(&incoming.render_day(today));
    story.block(&outgoing.render_day(today));
    story.keep(
        "registers.txt",
        format!(
            "{}{}",
            incoming.render_day(today),
            outgoing.render_day(today)
        ),
    );
    Ok(())
}
