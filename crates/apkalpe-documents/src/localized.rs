//! Every error of the crate in Latvian and English: the [`LocalizedError`] impls (decision
//! 0007), [`downcast_error`] for [`apkalpe_core::find_localized`], and the Latvian words the
//! messages share.
//!
//! English is each error's `Display` text; Latvian is written here for every variant, with
//! the variant's fields, in the register of core's messages ("IBAN kontrolcipari nesakrīt").
//! Counts agree with their number through [`CountNoun`] ("1 kļūda", "6 kļūdas").

use std::error::Error;
use std::fmt;

use apkalpe_core::{CountNoun, Language, LocalizedError};

use crate::file_plan::FilePlanProblemKind;
use crate::requisite::RequisiteProblemKind;
use crate::{
    AccessError, AccessLevel, ArchiveError, CaseError, ContractError, DocumentsError,
    FilePlanError, FilePlanProblem, FlowError, FlowState, MinutesError, ParseCaseIndexError,
    ParseMediumError, ParseRetentionError, RegisterError, RegisterKind, RequisiteError,
    RequisiteProblem, RetentionError, SubmissionError, TextProblem,
};

/// Latvian nouns that agree with a count.
mod noun {
    use apkalpe_core::CountNoun;

    /// "501 rakstzīme", "2 rakstzīmes".
    pub(super) const CHARACTERS: CountNoun<'static> = CountNoun::new("rakstzīme", "rakstzīmes");
    /// "1 gads", "5 gadi".
    pub(super) const YEARS: CountNoun<'static> = CountNoun::new("gads", "gadi");
    /// "9 daļas".
    pub(super) const SEGMENTS: CountNoun<'static> = CountNoun::new("daļa", "daļas");
    /// "1 kļūda", "6 kļūdas".
    pub(super) const MISTAKES: CountNoun<'static> = CountNoun::new("kļūda", "kļūdas");
    /// "1 problēma", "8 problēmas".
    pub(super) const PROBLEMS: CountNoun<'static> = CountNoun::new("problēma", "problēmas");
    /// "1 puse", "2 puses".
    pub(super) const PARTIES: CountNoun<'static> = CountNoun::new("puse", "puses");
    /// "1 punkts", "2 punkti".
    pub(super) const ITEMS: CountNoun<'static> = CountNoun::new("punkts", "punkti");
    /// "1 kolonna", "9 kolonnas".
    pub(super) const COLUMNS: CountNoun<'static> = CountNoun::new("kolonna", "kolonnas");
}

/// Shows `n` with the Latvian form of `noun` that agrees with it.
fn count(noun: CountNoun<'static>, n: usize) -> String {
    noun.count_of(Language::Latvian, n)
}

/// The Latvian name of a text field an error names; an unknown field keeps its English name.
fn field(name: &str) -> &str {
    match name {
        "act number" => "akta numurs",
        "actor" => "darbības veicējs",
        "agenda item" => "darba kārtības punkts",
        "answer" => "atbilde",
        "assignee" => "izpildītājs",
        "attendee" => "dalībnieks",
        "chair" => "sēdes vadītājs",
        "client id" => "klienta identifikators",
        "commission member" => "komisijas loceklis",
        "decision" => "lēmums",
        "hold id" => "aizlieguma identifikators",
        "hold reason" => "aizlieguma iemesls",
        "institution" => "iestāde",
        "instruction" => "norādījums",
        "invoice number" => "rēķina numurs",
        "note" => "piezīme",
        "number" => "numurs",
        "organisation" => "organizācija",
        "place" => "vieta",
        "reason" => "iemesls",
        "responsible" => "atbildīgais",
        "retention basis" => "glabāšanas pamatojums",
        "secretary" => "protokolētājs",
        "signatory name" => "parakstītāja vārds",
        "signatory position" => "parakstītāja amats",
        "subject" => "līguma priekšmets",
        "summary" => "kopsavilkums",
        "title" => "nosaukums",
        other => other,
    }
}

/// Writes a text problem in Latvian, without its field: "teksts nedrīkst būt tukšs".
fn text_problem(problem: &TextProblem, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    match problem {
        TextProblem::Blank => f.write_str("teksts nedrīkst būt tukšs"),
        TextProblem::TooLong { max, found } => write!(
            f,
            "tekstā ir {}, atļauts ne vairāk kā {max}",
            count(noun::CHARACTERS, *found)
        ),
        TextProblem::ControlCharacter => f.write_str("tekstā ir vadības rakstzīme"),
    }
}

/// Writes "field: problem" in Latvian.
fn text_field(name: &str, problem: &TextProblem, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    write!(f, "{}: ", field(name))?;
    text_problem(problem, f)
}

/// The Latvian name of a register, nominative ("saņemto dokumentu reģistrs") or dative
/// ("saņemto dokumentu reģistram").
fn register(kind: RegisterKind, dative: bool) -> String {
    let which = kind.latvian_qualifier();
    format!(
        "{which} dokumentu {}",
        if dative { "reģistram" } else { "reģistrs" }
    )
}

/// The Latvian name of an access level.
fn access_level(level: AccessLevel) -> &'static str {
    level.latvian_name()
}

/// The Latvian name of a flow state, as said of a document ("dokuments ir izpildē").
fn flow_state(state: FlowState) -> &'static str {
    state.latvian_name()
}

/// The Latvian name of a flow action.
fn flow_action(action: &str) -> &str {
    match action {
        "assign" => "nodošana izpildei",
        "resolve" => "rezolūcija",
        "start" => "izpildes sākšana",
        "complete" => "pabeigšana",
        "cancel" => "atcelšana",
        other => other,
    }
}

/// The Latvian words of a registration pattern's problem.
fn pattern_problem(problem: &str) -> &str {
    match problem {
        "must be 1 to 64 characters" => "garumam jābūt no 1 līdz 64 rakstzīmēm",
        "has a control character" => "tajā ir vadības rakstzīme",
        "has an unclosed token" => "tajā ir neaizvērts marķieris",
        "has a seq width outside 1-10" => "kārtas numura platums nav no 1 līdz 10",
        "has an unknown token" => "tajā ir nezināms marķieris",
        "has an unmatched closing brace" => "tajā ir nesapārota '}'",
        "needs exactly one {seq} token" => "tajā jābūt tieši vienam marķierim {seq}",
        "needs a character other than a letter, digit or dot between {index} and {seq}" => {
            "starp {index} un {seq} jābūt rakstzīmei, kas nav burts, cipars vai punkts"
        }
        other => other,
    }
}

/// Writes the error's English `Display` text for every language but Latvian, and returns
/// `true` when it did.
fn english(
    error: &dyn fmt::Display,
    language: Language,
    f: &mut fmt::Formatter<'_>,
) -> Result<bool, fmt::Error> {
    if language == Language::Latvian {
        return Ok(false);
    }
    fmt::Display::fmt(error, f)?;
    Ok(true)
}

impl LocalizedError for ParseCaseIndexError {
    fn code(&self) -> &'static str {
        ParseCaseIndexError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if english(self, language, f)? {
            return Ok(());
        }
        match self {
            ParseCaseIndexError::Empty => f.write_str("lietas indekss nav norādīts"),
            ParseCaseIndexError::Segment { position, found } => write!(
                f,
                "lietas indeksa {position}. daļai ({found:?}) jābūt 1–10 ASCII burtiem vai cipariem"
            ),
            ParseCaseIndexError::TooDeep { max, found } => write!(
                f,
                "lietas indeksā ir {}, atļauts ne vairāk kā {max}",
                count(noun::SEGMENTS, *found)
            ),
        }
    }
}

impl LocalizedError for ParseRetentionError {
    fn code(&self) -> &'static str {
        ParseRetentionError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if english(self, language, f)? {
            return Ok(());
        }
        match self {
            ParseRetentionError::Empty => f.write_str("glabāšanas termiņš nav norādīts"),
            ParseRetentionError::Years { found } => write!(
                f,
                "glabāšanas termiņam {found:?} jābūt pastāvīgi vai gadu skaitam no 1 līdz 999"
            ),
            ParseRetentionError::Unit { found } => {
                write!(f, "glabāšanas termiņa mērvienība {found:?} nav gadi vai y")
            }
            ParseRetentionError::Event { problem } => {
                f.write_str("glabāšanas termiņa notikums: ")?;
                text_problem(problem, f)
            }
        }
    }
}

impl LocalizedError for ParseMediumError {
    fn code(&self) -> &'static str {
        ParseMediumError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if english(self, language, f)? {
            return Ok(());
        }
        write!(
            f,
            "nesējs {:?} nav papīrs, elektronisks, jaukts vai cits",
            self.found
        )
    }
}

impl LocalizedError for RetentionError {
    fn code(&self) -> &'static str {
        RetentionError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if english(self, language, f)? {
            return Ok(());
        }
        match self {
            RetentionError::DateOutOfRange { start, years } => write!(
                f,
                "{}, skaitot no {start}, iziet ārpus attēlojamo datumu robežām",
                count(noun::YEARS, usize::from(*years))
            ),
            RetentionError::Text { field, problem } => text_field(field, problem, f),
            RetentionError::LiftedBeforePlaced {
                id,
                placed_on,
                lifted_on,
            } => write!(
                f,
                "iznīcināšanas aizliegumu {id} nevar atcelt {lifted_on}, pirms tas noteikts {placed_on}"
            ),
            RetentionError::AlreadyLifted { id } => {
                write!(f, "iznīcināšanas aizliegums {id} jau ir atcelts")
            }
            RetentionError::Model(error) => error.fmt_in(language, f),
        }
    }
}

impl Error for FilePlanProblem {}

impl LocalizedError for FilePlanProblem {
    fn code(&self) -> &'static str {
        FilePlanProblem::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if english(self, language, f)? {
            return Ok(());
        }
        let mut place = Vec::new();
        if let Some(line) = self.line() {
            place.push(format!("{line}. rinda"));
        }
        if let Some(index) = self.index() {
            place.push(format!("indekss {index}"));
        }
        if let Some(column) = self.column() {
            place.push(format!("kolonna {:?}", column.header()));
        }
        if !place.is_empty() {
            write!(f, "{}: ", place.join(", "))?;
        }
        write!(f, "{}: ", self.code())?;
        match self.kind() {
            FilePlanProblemKind::Index { error } => error.fmt_in(language, f),
            FilePlanProblemKind::Text(problem) => {
                f.write_str("vērtība: ")?;
                text_problem(problem, f)
            }
            FilePlanProblemKind::Retention { error } => error.fmt_in(language, f),
            FilePlanProblemKind::Medium { found } => write!(
                f,
                "nesējs {found:?} nav papīrs, elektronisks, jaukts vai cits"
            ),
            FilePlanProblemKind::Missing => f.write_str("vērtība ir obligāta"),
            FilePlanProblemKind::TemporaryWithoutBasis => {
                f.write_str("pagaidu glabāšanas termiņam jānorāda tā tiesiskais pamatojums")
            }
            FilePlanProblemKind::DuplicateIndex { first_line } => match first_line {
                Some(line) => write!(f, "indekss jau ir izmantots {line}. rindā"),
                None => f.write_str("indekss jau ir izmantots"),
            },
            FilePlanProblemKind::MissingParent { parent } => write!(
                f,
                "nomenklatūrā nav līmeņa {parent}, kas ir virs šī indeksa"
            ),
            FilePlanProblemKind::UnknownEntry => {
                f.write_str("nomenklatūrā nav ieraksta ar šo indeksu")
            }
            FilePlanProblemKind::RowColumns { expected, found } => write!(
                f,
                "rindā ir {}, gaidītas {expected}",
                count(noun::COLUMNS, *found)
            ),
            FilePlanProblemKind::Header { found } => {
                write!(f, "galvene {found:?} nav lietu nomenklatūras galvene")
            }
            FilePlanProblemKind::Csv => f.write_str("CSV teksts ir bojāts"),
            FilePlanProblemKind::Empty => f.write_str("nomenklatūrā nav neviena ieraksta"),
        }
    }
}

impl LocalizedError for FilePlanError {
    fn code(&self) -> &'static str {
        FilePlanError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if english(self, language, f)? {
            return Ok(());
        }
        match self {
            FilePlanError::Invalid { problems } => {
                write!(
                    f,
                    "lietu nomenklatūrā ir {}",
                    count(noun::PROBLEMS, problems.len())
                )?;
                match problems.first() {
                    Some(first) => {
                        f.write_str(", pirmā: ")?;
                        first.fmt_in(language, f)
                    }
                    None => Ok(()),
                }
            }
            FilePlanError::YearOutOfRange { year } => write!(
                f,
                "lietu nomenklatūras gads {year} ir ārpus robežām no 1900 līdz 9999"
            ),
        }
    }
}

impl LocalizedError for CaseError {
    fn code(&self) -> &'static str {
        CaseError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if english(self, language, f)? {
            return Ok(());
        }
        match self {
            CaseError::UnknownEntry { year, index } => {
                write!(f, "{year}. gada lietu nomenklatūrā nav ieraksta {index}")
            }
            CaseError::NotACase { index } => write!(
                f,
                "nomenklatūras ieraksts {index} ir klasifikācijas līmenis, tajā lietu neatver"
            ),
            CaseError::OutsidePlanYear { index, year, date } => write!(
                f,
                "{year}. gada nomenklatūras lietu {index} nevar atvērt {date}"
            ),
            CaseError::AlreadyFiled { index, document } => {
                write!(f, "dokuments {document} jau ir iekļauts lietā {index}")
            }
            CaseError::ClosedBeforeOpened {
                index,
                opened_on,
                closed_on,
            } => write!(
                f,
                "lietu {index}, kas atvērta {opened_on}, nevar slēgt {closed_on}"
            ),
            CaseError::AlreadyTransferred { index, on } => {
                write!(f, "lieta {index} jau ir nodota arhīvā {on}")
            }
            CaseError::TransferBeforeClosing {
                index,
                closed_on,
                on,
            } => write!(
                f,
                "lietu {index}, kas slēgta {closed_on}, nevar nodot arhīvā {on}"
            ),
            CaseError::UnknownHold { index, id } => {
                write!(f, "lietai {index} nav iznīcināšanas aizlieguma {id}")
            }
            CaseError::Retention(error) => error.fmt_in(language, f),
        }
    }
}

impl LocalizedError for RegisterError {
    fn code(&self) -> &'static str {
        RegisterError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if english(self, language, f)? {
            return Ok(());
        }
        match self {
            RegisterError::Pattern { template, problem } => write!(
                f,
                "reģistrācijas veidne {template:?}: {}",
                pattern_problem(problem)
            ),
            RegisterError::AlreadyRegistered { id, number } => {
                write!(f, "dokuments {id} jau ir reģistrēts ar numuru {number}")
            }
            RegisterError::KindNotAccepted {
                register: kind_of_register,
                kind,
            } => write!(
                f,
                "{} nepieņem dokumenta veidu {kind} ({})",
                register(*kind_of_register, false),
                kind.latvian_name()
            ),
            RegisterError::UnknownDocument { id } => {
                write!(f, "dokuments {id} nav reģistrēts")
            }
            RegisterError::KindChanged { from, to } => {
                write!(f, "labojums nevar mainīt dokumenta veidu no {from} uz {to}")
            }
            RegisterError::InvalidReason { problem } => {
                f.write_str("labojuma iemesls: ")?;
                text_problem(problem, f)
            }
            RegisterError::CorrectionBeforeRegistration {
                number,
                registered_on,
                on,
            } => write!(
                f,
                "dokumentu {number}, kas reģistrēts {registered_on}, nevar labot {on}"
            ),
            RegisterError::DateBeforeCurrentYear {
                register: kind,
                date,
                current_year,
            } => write!(
                f,
                "{} numurē {current_year}. gadu, tajā nevar reģistrēt {date}",
                register(*kind, false)
            ),
            RegisterError::SequenceExhausted {
                register: kind,
                year,
                max,
            } => write!(
                f,
                "{} {year}. gadā pēc numura {max} vairs nav brīvu numuru",
                register(*kind, true)
            ),
            RegisterError::Archived { id, before } => write!(
                f,
                "dokumenta {id} reģistrā nav: reģistrs ir arhivējis dokumentus, kas reģistrēti pirms {before}"
            ),
        }
    }
}

impl LocalizedError for AccessError {
    fn code(&self) -> &'static str {
        AccessError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if english(self, language, f)? {
            return Ok(());
        }
        match self {
            AccessError::Denied {
                reader,
                clearance,
                document,
                level,
            } => write!(
                f,
                "lasītājs {reader} ar pielaidi \"{}\" nedrīkst lasīt {document} ({})",
                access_level(*clearance),
                access_level(*level)
            ),
            AccessError::InvalidReader { found } => write!(
                f,
                "lasītāja identifikatoram jābūt 1–100 rakstzīmes garam vienā rindā, norādīts {found:?}"
            ),
        }
    }
}

impl LocalizedError for FlowError {
    fn code(&self) -> &'static str {
        FlowError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if english(self, language, f)? {
            return Ok(());
        }
        match self {
            FlowError::NotAllowed { action, state } => write!(
                f,
                "darbība \"{}\" nav atļauta, kad dokuments ir {}",
                flow_action(action),
                flow_state(*state)
            ),
            FlowError::OutOfOrder { at, last } => {
                write!(f, "notikums {at} ir agrāks par pēdējo notikumu {last}")
            }
            FlowError::Text { field, problem } => text_field(field, problem, f),
        }
    }
}

impl LocalizedError for SubmissionError {
    fn code(&self) -> &'static str {
        SubmissionError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let SubmissionError::Calendar(error) = self {
            return error.fmt_in(language, f);
        }
        if english(self, language, f)? {
            return Ok(());
        }
        match self {
            SubmissionError::UnknownRegime { found } => write!(
                f,
                "termiņa režīms {found:?} nav consumer, submission vai company:<periods>"
            ),
            SubmissionError::NoRule {
                regime,
                received_on,
            } => write!(
                f,
                "neviens režīma {regime} atbildes noteikums neaptver saņemšanu {received_on}"
            ),
            SubmissionError::Text { field, problem } => text_field(field, problem, f),
            SubmissionError::AnsweredBeforeReceived {
                number,
                received_on,
                answered_on,
            } => write!(
                f,
                "uz iesniegumu {number}, kas saņemts {received_on}, nevar atbildēt {answered_on}"
            ),
            SubmissionError::NoForwardingRule { received_on } => write!(
                f,
                "neviens iesnieguma pārsūtīšanas noteikums neaptver saņemšanu {received_on}"
            ),
            SubmissionError::NotForwardable { number, regime } => write!(
                f,
                "iesniegumu {number} režīmā {regime} nepārsūta citai iestādei"
            ),
            SubmissionError::ForwardedBeforeReceived {
                number,
                received_on,
                forwarded_on,
            } => write!(
                f,
                "iesniegumu {number}, kas saņemts {received_on}, nevar pārsūtīt {forwarded_on}"
            ),
            SubmissionError::MustForward { number } => write!(
                f,
                "spēkā esošais noteikums prasa iesniegumu {number} pārsūtīt, nevis tikai informēt iesniedzēju"
            ),
            SubmissionError::Calendar(error) => error.fmt_in(language, f),
        }
    }
}

impl LocalizedError for ContractError {
    fn code(&self) -> &'static str {
        ContractError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if english(self, language, f)? {
            return Ok(());
        }
        match self {
            ContractError::TooFewParties { found } => write!(
                f,
                "līgumā jābūt vismaz divām pusēm, bet ir {}",
                count(noun::PARTIES, *found)
            ),
            ContractError::Text { field, problem } => text_field(field, problem, f),
            ContractError::NegativePrice { price } => {
                write!(f, "līguma cena {price} ir negatīva")
            }
            ContractError::EndsBeforeStart { from, until } => {
                write!(f, "līguma termiņš beidzas {until}, pirms tas sākas {from}")
            }
            ContractError::MissingSignatory { party } => {
                write!(f, "{party}. pusei nav parakstītāja")
            }
            ContractError::UnknownParty {
                name,
                party,
                parties,
            } => write!(
                f,
                "parakstītājs {name} paraksta par {party}. pusi, bet līgumā ir {}",
                count(noun::PARTIES, *parties)
            ),
            ContractError::InvalidRenewal => f.write_str(
                "automātiskai pagarināšanai vajadzīgs noteikts termiņš un vismaz viens mēnesis",
            ),
        }
    }
}

impl LocalizedError for MinutesError {
    fn code(&self) -> &'static str {
        MinutesError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let MinutesError::NumberSeries(error) = self {
            return error.fmt_in(language, f);
        }
        if english(self, language, f)? {
            return Ok(());
        }
        match self {
            MinutesError::Text { field, problem } => text_field(field, problem, f),
            MinutesError::Empty { what } => {
                let what = match *what {
                    "attendee" => "dalībniekam",
                    "agenda item" => "darba kārtības punktam",
                    other => other,
                };
                write!(f, "protokolā jābūt vismaz vienam {what}")
            }
            MinutesError::UnknownAgendaItem { item, items } => write!(
                f,
                "lēmums par darba kārtības {item}. punktu, bet darba kārtībā ir {}",
                count(noun::ITEMS, *items)
            ),
            MinutesError::NumberSeries(error) => error.fmt_in(language, f),
            MinutesError::Internal { code } => write!(f, "iekšēja kļūda {code}"),
        }
    }
}

impl LocalizedError for ArchiveError {
    fn code(&self) -> &'static str {
        ArchiveError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if english(self, language, f)? {
            return Ok(());
        }
        match self {
            ArchiveError::Text { field, problem } => text_field(field, problem, f),
            ArchiveError::NothingDue { date } => {
                write!(f, "uz {date} nav nevienas lietas, kas jāiznīcina")
            }
            ArchiveError::NoCommission => {
                f.write_str("iznīcināšanas aktam vajadzīgs vismaz viens komisijas loceklis")
            }
        }
    }
}

impl Error for RequisiteProblem {}

impl LocalizedError for RequisiteProblem {
    fn code(&self) -> &'static str {
        RequisiteProblem::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if english(self, language, f)? {
            return Ok(());
        }
        let name = self.requisite().latvian_name();
        match self.kind() {
            RequisiteProblemKind::Missing => write!(f, "rekvizīts \"{name}\" nav norādīts"),
            RequisiteProblemKind::NotAllowed => {
                write!(f, "rekvizīts \"{name}\" nav šī dokumenta veida rekvizīts")
            }
            RequisiteProblemKind::AssignedOnRegistration => write!(
                f,
                "rekvizītu \"{name}\" piešķir reģistrs, to neraksta dokumenta projektā"
            ),
            RequisiteProblemKind::Text(problem) => {
                write!(f, "rekvizīts \"{name}\": ")?;
                text_problem(problem, f)
            }
            RequisiteProblemKind::MalformedDate => {
                write!(f, "rekvizīts \"{name}\" nav datums formā GGGG-MM-DD")
            }
        }
    }
}

impl LocalizedError for RequisiteError {
    fn code(&self) -> &'static str {
        RequisiteError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if english(self, language, f)? {
            return Ok(());
        }
        write!(
            f,
            "dokumenta projekta ({}) rekvizītos ir {}",
            self.document_kind().latvian_name(),
            count(noun::MISTAKES, self.problems().len())
        )?;
        match self.problems().first() {
            Some(first) => {
                f.write_str(", pirmā: ")?;
                first.fmt_in(language, f)
            }
            None => Ok(()),
        }
    }
}

impl LocalizedError for DocumentsError {
    fn code(&self) -> &'static str {
        DocumentsError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocumentsError::Requisite(error) => error.fmt_in(language, f),
            DocumentsError::ParseCaseIndex(error) => error.fmt_in(language, f),
            DocumentsError::ParseRetention(error) => error.fmt_in(language, f),
            DocumentsError::ParseMedium(error) => error.fmt_in(language, f),
            DocumentsError::Retention(error) => error.fmt_in(language, f),
            DocumentsError::FilePlan(error) => error.fmt_in(language, f),
            DocumentsError::Case(error) => error.fmt_in(language, f),
            DocumentsError::Register(error) => error.fmt_in(language, f),
            DocumentsError::Access(error) => error.fmt_in(language, f),
            DocumentsError::Flow(error) => error.fmt_in(language, f),
            DocumentsError::Submission(error) => error.fmt_in(language, f),
            DocumentsError::Contract(error) => error.fmt_in(language, f),
            DocumentsError::Minutes(error) => error.fmt_in(language, f),
            DocumentsError::Archive(error) => error.fmt_in(language, f),
            DocumentsError::Calendar(error) => error.fmt_in(language, f),
            DocumentsError::Restore(error) => error.fmt_in(language, f),
        }
    }
}

/// Recognises every error type of `apkalpe-documents` behind a `&dyn Error`: the
/// [`ErrorDowncast`](apkalpe_core::ErrorDowncast) of this crate, for
/// [`find_localized`](apkalpe_core::find_localized).
///
/// # Examples
///
/// ```
/// use std::error::Error;
///
/// use apkalpe_core::{find_localized, Language};
/// use apkalpe_documents::{downcast_error, CaseIndex};
///
/// let boxed: Box<dyn Error> = Box::new("1..2".parse::<CaseIndex>().unwrap_err());
/// let found = find_localized(&*boxed, &[apkalpe_core::downcast_error, downcast_error])
///     .ok_or("not an Apkalpe error")?;
/// assert_eq!(found.code(), "case_index.segment");
/// assert_eq!(
///     found.message_in(Language::Latvian),
///     "lietas indeksa 2. daļai (\"\") jābūt 1–10 ASCII burtiem vai cipariem"
/// );
/// # Ok::<(), Box<dyn Error>>(())
/// ```
pub fn downcast_error<'a>(error: &'a (dyn Error + 'static)) -> Option<&'a dyn LocalizedError> {
    apkalpe_core::downcast_localized!(
        error,
        DocumentsError,
        RequisiteError,
        RequisiteProblem,
        ParseCaseIndexError,
        ParseRetentionError,
        ParseMediumError,
        RetentionError,
        FilePlanError,
        FilePlanProblem,
        CaseError,
        RegisterError,
        AccessError,
        FlowError,
        SubmissionError,
        ContractError,
        MinutesError,
        ArchiveError,
    )
}
