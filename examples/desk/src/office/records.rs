//! Records management (apkalpe-documents): the working day and its file plan, filing into
//! cases, contracts, complaints and their answers, survey reports (T3.4–T3.7, T5.7–T5.9).

use apkalpe_clients::{
    AggregateOptions, ClientId, QuestionId, QuestionKind, Survey, read_responses_csv,
};
use apkalpe_core::Language;
use apkalpe_documents::{
    AnswerOutcome, AnswerRules, CaseIndex, Channel as SubmissionChannel, DeadlineRegime,
    DocumentDraft, DocumentId, DocumentKind, FilePlan, Letter, NewSubmission, OpenCase,
    OpenSubmission, Requisite, Salutation, SubmissionKind,
};
use chrono::{Datelike, NaiveDate};
use uuid::Uuid;

use super::{
    Complaint, DetractorRow, FILE_PLAN_CSV, Filed, Office, OfficeError, Outcome, cases, config,
    input,
};

/// A document's place checked before anything changes: the case it goes into (opened now
/// when it is the year's first document there, with the year's file plan when that was not
/// loaded yet) and the id it gets.
#[derive(Debug)]
pub(super) struct Filing {
    key: (i32, CaseIndex),
    new_case: Option<OpenCase>,
    new_plan: Option<FilePlan>,
    pub(super) id: DocumentId,
    date: NaiveDate,
}

impl Office {
    /// [`super::Operation::OpenDay`]: loads the year's file plan, opens the desk's cases of
    /// the year, and lets go of what has closed (see [`Office::let_go`]).
    pub(super) fn open_day(&mut self, today: NaiveDate) -> Result<Outcome, OfficeError> {
        let year = today.year();
        let loaded = match self.plans.contains_key(&year) {
            true => None,
            false => Some(FilePlan::from_csv(year, FILE_PLAN_CSV)?),
        };
        let opened_on = NaiveDate::from_ymd_opt(year, 1, 2).unwrap_or(today);
        let mut opened = Vec::new();
        let mut new_cases = Vec::new();
        if let Some(plan) = loaded.as_ref().or_else(|| self.plans.get(&year)) {
            for index in cases::ALL {
                let index: CaseIndex = index.parse().map_err(input("case"))?;
                if !self.cases.contains_key(&(year, index.clone())) {
                    new_cases.push(OpenCase::open(plan, &index, opened_on.min(today))?);
                    opened.push(index);
                }
            }
        }
        // Every check passed: from here on nothing fails.
        if let Some(plan) = loaded {
            self.plans.insert(year, plan);
        }
        for case in new_cases {
            self.cases.insert((year, case.index().clone()), case);
        }
        self.day = Some(today);
        self.filed_today.clear();
        self.let_go(today);
        Ok(Outcome::DayOpened { year, opened })
    }

    /// Lets go of what has closed, at the opening of `today`. The history keeps it, and an
    /// operation that names it finds it there:
    /// - the documents registered before today leave the registers (their numbering goes on);
    /// - the orders delivered (or due) more than [`super::KEEP_CLOSED_DAYS`] days ago;
    /// - the reservations that expired before today (they no longer hold stock);
    /// - the receivables settled more than [`super::KEEP_SETTLED_DAYS`] days ago; bank entries booked before then are reported and never applied again
    ///   (the ledger's horizon);
    /// - the cash operations of more than [`super::KEEP_CASH_LINK_DAYS`] days ago, which no
    ///   new operation links with any more.
    fn let_go(&mut self, today: NaiveDate) {
        let days_ago = |days: i64| {
            today
                .checked_sub_signed(chrono::Duration::days(days))
                .unwrap_or(today)
        };
        for register in [&mut self.incoming, &mut self.outgoing, &mut self.internal] {
            register.archive_before(today);
        }
        let horizon = days_ago(super::KEEP_CLOSED_DAYS);
        self.orders
            .retain(|_, order| order.delivery.promised() >= horizon);
        self.catalogue.stock_mut().expire(today);
        self.ledger
            .archive_settled(days_ago(super::KEEP_SETTLED_DAYS));
        self.forget_cash(today);
    }

    /// Checks where a document dated `date` is filed in `case`, changing nothing.
    ///
    /// # Errors
    ///
    /// [`OfficeError`] when the year's file plan does not load or has no such case.
    pub(super) fn prepare_filing(
        &self,
        case: &CaseIndex,
        date: NaiveDate,
    ) -> Result<Filing, OfficeError> {
        let year = date.year();
        let key = (year, case.clone());
        let id = DocumentId::from_u128(self.counters.documents.saturating_add(1));
        if self.cases.contains_key(&key) {
            return Ok(Filing {
                key,
                new_case: None,
                new_plan: None,
                id,
                date,
            });
        }
        let new_plan = match self.plans.contains_key(&year) {
            true => None,
            false => Some(FilePlan::from_csv(year, FILE_PLAN_CSV)?),
        };
        let opened_on = NaiveDate::from_ymd_opt(year, 1, 2)
            .unwrap_or(date)
            .min(date);
        let new_case = match new_plan.as_ref().or_else(|| self.plans.get(&year)) {
            Some(plan) => OpenCase::open(plan, case, opened_on)?,
            None => {
                return Err(OfficeError::Input {
                    field: "case",
                    message: format!("no file plan for {year}"),
                    latvian: format!("{year}. gadam nav lietu nomenklatūras"),
                });
            }
        };
        Ok(Filing {
            key,
            new_case: Some(new_case),
            new_plan,
            id,
            date,
        })
    }

    /// Files a document whose [`Filing`] was checked: cannot be refused.
    ///
    /// # Errors
    ///
    /// [`OfficeError::Internal`] when the case refuses the document after all.
    pub(super) fn file(
        &mut self,
        filing: Filing,
        number: String,
        kind: &'static str,
        client: Option<ClientId>,
    ) -> Result<Filed, OfficeError> {
        let Filing {
            key,
            new_case,
            new_plan,
            id,
            date,
        } = filing;
        if let Some(plan) = new_plan {
            self.plans.entry(key.0).or_insert(plan);
        }
        if let Some(case) = new_case {
            self.cases.entry(key.clone()).or_insert(case);
        }
        let case = self.cases.get_mut(&key).ok_or(OfficeError::Internal {
            step: "filing",
            code: "office.case",
            message: format!("case {} of {} is not open", key.1, key.0),
        })?;
        case.file(id)
            .map_err(|error| OfficeError::internal("filing")(error.into()))?;
        self.counters.documents = self.counters.documents.saturating_add(1);
        let filed = Filed {
            id,
            number,
            kind,
            case: key.1,
            date,
            client,
        };
        self.filed_today.push(filed.clone());
        Ok(filed)
    }

    /// [`super::Operation::RegisterContract`]: drawn up, registered in the internal register
    /// and filed in the contracts' case.
    pub(super) fn register_contract(
        &mut self,
        client: Uuid,
        title: &str,
        text: &str,
        today: NaiveDate,
    ) -> Result<Outcome, OfficeError> {
        let (id, name) = self.named_client(client)?;
        let case = Office::case(cases::CONTRACTS)?;
        // A contract names its place of issue and no addressee (MK 558): the parties sign it.
        let draft = DocumentDraft::new(DocumentKind::Contract)
            .with(Requisite::Author, "SIA Apkalpe")
            .with_date(today)
            .with(Requisite::PlaceOfIssue, "Rīga")
            .with(Requisite::Title, title)
            .with(Requisite::Text, text)
            .with(Requisite::Signature, format!("SIA Apkalpe; {name}"))
            .validate()?;
        let filing = self.prepare_filing(&case, today)?;
        // The register checks everything before it numbers: refused, it changed nothing.
        let number = self
            .internal
            .register(filing.id, draft, &case, today)?
            .number()
            .to_owned();
        let filed = self.file(filing, number, "contract", Some(id))?;
        Ok(Outcome::Contract(filed))
    }

    /// [`super::Operation::RegisterComplaint`]: registered in the incoming register with its
    /// consumer-law answer deadline, and filed in the complaints' case.
    pub(super) fn register_complaint(
        &mut self,
        client: Uuid,
        text: &str,
        invoice: Option<&str>,
        today: NaiveDate,
    ) -> Result<Outcome, OfficeError> {
        let (id, name) = self.named_client(client)?;
        let case = Office::case(cases::COMPLAINTS)?;
        let draft = DocumentDraft::new(DocumentKind::Complaint)
            .with(Requisite::Author, name.clone())
            .with_date(today)
            .with(Requisite::Addressee, "SIA Apkalpe")
            .with(Requisite::Text, text)
            .with(Requisite::Signature, name)
            .validate()?;
        let summary: String = text.chars().take(80).collect();
        let submission = |number: String| {
            OpenSubmission::register(
                NewSubmission {
                    number,
                    kind: SubmissionKind::Reclamation,
                    received_on: today,
                    channel: SubmissionChannel::InPerson,
                    client_id: id.to_string(),
                    invoice_number: invoice.map(str::to_owned),
                    summary: summary.clone(),
                },
                DeadlineRegime::Consumer,
                &AnswerRules::latvia(),
                &config()?.calendar,
            )
            .map_err(OfficeError::from)
        };
        // The submission is checked before the register numbers it, under a stand-in number:
        // the number does not change what the check finds.
        submission("?".to_owned())?;
        let filing = self.prepare_filing(&case, today)?;
        let number = self
            .incoming
            .register(filing.id, draft, &case, today)?
            .number()
            .to_owned();
        let submission =
            submission(number.clone()).map_err(OfficeError::internal("registering a complaint"))?;
        let due = submission.deadline().date();
        let filed = self.file(filing, number.clone(), "complaint", Some(id))?;
        self.complaints.insert(
            number,
            Complaint {
                submission,
                client: id,
            },
        );
        Ok(Outcome::Complaint { filed, due })
    }

    /// [`super::Operation::AnswerComplaint`]: the answer letter, registered in the outgoing
    /// register and filed with the complaint; the complaint is closed.
    pub(super) fn answer_complaint(
        &mut self,
        number: &str,
        accepted: bool,
        text: &str,
        today: NaiveDate,
    ) -> Result<Outcome, OfficeError> {
        let complaint = self
            .complaints
            .get(number)
            .ok_or_else(|| OfficeError::Unknown {
                what: "open complaint",
                number: number.to_owned(),
            })?;
        let name = self
            .registry
            .get(complaint.client)
            .map(|c| c.display_name())
            .unwrap_or_default();
        let case = Office::case(cases::COMPLAINTS)?;
        let letter = Letter {
            language: Language::Latvian,
            author: "SIA Apkalpe".into(),
            date: today,
            place: "Rīga".into(),
            addressee: name.clone(),
            reference: Some(format!("Uz pretenziju Nr. {number}")),
            title: "Par pretenziju".into(),
            salutation: Salutation::Named(name),
            body: text.to_owned(),
            signatory: "Klientu apkalpošanas speciāliste I. Kalna".into(),
            preparer: None,
        };
        let outcome = if accepted {
            AnswerOutcome::Accepted
        } else {
            AnswerOutcome::Refused
        };
        let answered = complaint.submission.clone().answer(today, outcome, text)?;
        let draft = letter.to_draft().validate()?;
        let filing = self.prepare_filing(&case, today)?;
        let reply = self
            .outgoing
            .register(filing.id, draft, &case, today)?
            .number()
            .to_owned();
        let rendered = letter.render_text(Some(&reply));
        let filed = self.file(filing, reply, "letter", None)?;
        self.complaints.remove(number);
        Ok(Outcome::Answer {
            filed,
            letter: rendered,
            in_time: answered.is_in_time(),
        })
    }

    /// [`super::Operation::FileSurveyReport`]: parses and aggregates, lists the detractors,
    /// renders the report and registers it in the internal register, filed in the surveys'
    /// case.
    pub(super) fn file_survey_report(
        &mut self,
        survey: &str,
        responses: &str,
        today: NaiveDate,
    ) -> Result<Outcome, OfficeError> {
        let survey: Survey = serde_json::from_str(survey).map_err(|error| OfficeError::Input {
            field: "survey",
            message: format!(
                "not a survey (line {}, column {}): {error}",
                error.line(),
                error.column()
            ),
            latvian: format!(
                "nav aptauja ({}. rinda, {}. kolonna): {error}",
                error.line(),
                error.column()
            ),
        })?;
        let responses = read_responses_csv(&survey, responses.as_bytes())?;
        let stats = survey.aggregate(&responses, &AggregateOptions::default())?;
        let nps: Option<QuestionId> = survey
            .questions()
            .iter()
            .find(|question| *question.kind() == QuestionKind::Nps)
            .map(|question| question.id().clone());
        let detractors: Vec<DetractorRow> = match &nps {
            Some(question) => survey
                .detractors(&responses, question)?
                .iter()
                .map(|detractor| DetractorRow {
                    response: detractor.response().to_string(),
                    client: detractor
                        .client()
                        .filter(|id| self.registry.get(*id).is_some()),
                    score: detractor.score(),
                })
                .collect(),
            None => Vec::new(),
        };
        let title = format!(
            "Aptaujas \"{}\" rezultāti",
            survey.title().get(Language::Latvian)
        );
        let mut text = format!("{title}, {today}\n\n{stats}");
        if !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&format!(
            "\nKritiķi (NPS 0–6) sazināšanās reizei: {}\n",
            detractors.len()
        ));
        for row in &detractors {
            let who = row
                .client
                .and_then(|id| self.registry.get(id))
                .map_or_else(|| "anonīms".to_owned(), |client| client.display_name());
            text.push_str(&format!("  {}  {:>2}  {who}\n", row.response, row.score));
        }
        let case = Office::case(cases::SURVEYS)?;
        let draft = DocumentDraft::new(DocumentKind::Report)
            .with(Requisite::Author, "SIA Apkalpe")
            .with_date(today)
            .with(Requisite::Title, title)
            .with(Requisite::Text, text.clone())
            .with(
                Requisite::Signature,
                "Klientu apkalpošanas speciāliste I. Kalna",
            )
            .validate()?;
        let filing = self.prepare_filing(&case, today)?;
        let number = self
            .internal
            .register(filing.id, draft, &case, today)?
            .number()
            .to_owned();
        let filed = self.file(filing, number, "survey_report", None)?;
        Ok(Outcome::SurveyReport {
            filed,
            stats,
            detractors,
            text,
        })
    }
}
