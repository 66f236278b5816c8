//! The commercial register (*komercreģistrs*, S30, knowledge 3.1): look-ups by registration
//! number, the Register of Enterprises' open-data file, and the check of a client against it.

use std::collections::HashMap;
use std::fmt;
use std::io::Read;

use apkalpe_core::{RegistrationNumber, RestoreError};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::client::{Client, ClientId, Identity};
use crate::error::{RegisterError, RegisterRowError, RegisterRowProblem};
use crate::text::name_tokens;

/// A commercial register that answers look-ups by registration number: the open-data file
/// ([`RegisterFile`]) or an integrator's adapter (Lursoft, the Register of Enterprises' API, a
/// database).
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{CompanyRegister, RegisterError, RegisterRecord};
/// use apkalpe_core::RegistrationNumber;
///
/// /// A register that knows one company.
/// struct OneCompany(RegisterRecord);
///
/// impl CompanyRegister for OneCompany {
///     fn look_up(&self, number: &RegistrationNumber) -> Result<Option<RegisterRecord>, RegisterError> {
///         Ok((self.0.registration_number() == number).then(|| self.0.clone()))
///     }
/// }
///
/// let number = RegistrationNumber::try_new("40003521600")?;
/// let register = OneCompany(RegisterRecord::new(number, "SIA \"Ziemeļu Rati\""));
/// assert!(register.look_up(&number)?.is_some());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait CompanyRegister {
    /// Returns the record with this registration number, or `None` if the register has none.
    ///
    /// # Errors
    ///
    /// [`RegisterError::Unavailable`] (or another variant) when the register cannot answer.
    fn look_up(&self, number: &RegistrationNumber)
    -> Result<Option<RegisterRecord>, RegisterError>;
}

/// The state of an entity in the register. Saved with a `state` tag; deserialised field by
/// field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum EntityStatus {
    /// Registered and not closed.
    Active,
    /// In liquidation: the name carries the word *likvidācijā* (Commercial Law art. 317 has a
    /// company in liquidation use its name with that addition; not in the facts file,
    /// confidence L).
    InLiquidation,
    /// Excluded from the register: a `terminated` date or a `closed` code is set.
    Terminated {
        /// The `terminated` date.
        #[serde(skip_serializing_if = "Option::is_none")]
        on: Option<NaiveDate>,
        /// The `closed` code as the file writes it.
        #[serde(skip_serializing_if = "Option::is_none")]
        closed: Option<String>,
    },
}

impl fmt::Display for EntityStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EntityStatus::Active => f.write_str("active"),
            EntityStatus::InLiquidation => f.write_str("in liquidation"),
            EntityStatus::Terminated { on, closed } => {
                f.write_str("terminated")?;
                if let Some(on) = on {
                    write!(f, " on {on}")?;
                }
                if let Some(code) = closed {
                    write!(f, " (closed: {code})")?;
                }
                Ok(())
            }
        }
    }
}

/// One entity of the commercial register: the columns of the Register of Enterprises'
/// `register.csv` that a check needs (facts §12 \[X3\]\[X4\]).
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{EntityStatus, RegisterRecord};
/// use apkalpe_core::RegistrationNumber;
/// use chrono::NaiveDate;
///
/// let record = RegisterRecord::new(RegistrationNumber::try_new("40003521600")?, "SIA \"Ziemeļu Rati\"")
///     .with_legal_form("SIA", "Sabiedrība ar ierobežotu atbildību")
///     .with_terminated(NaiveDate::from_ymd_opt(2024, 3, 1));
/// assert_eq!(record.status(), EntityStatus::Terminated { on: NaiveDate::from_ymd_opt(2024, 3, 1), closed: None });
/// # Ok::<(), apkalpe_core::ParseRegistrationNumberError>(())
/// ```
///
/// Deserialised as the builders make it: texts trimmed, a blank optional text left out
/// (a saved `""` or `"  "` is refused with `restore.inconsistent`, since the builders never
/// keep one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RegisterRecordSaved")]
pub struct RegisterRecord {
    registration_number: RegistrationNumber,
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    name_in_quotes: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    legal_form: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    legal_form_text: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    registered: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    terminated: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    closed: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    address: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    postal_index: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sepa_creditor_id: Option<String>,
}

/// The saved form of a [`RegisterRecord`], before its checks.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RegisterRecordSaved {
    registration_number: RegistrationNumber,
    name: String,
    #[serde(default)]
    name_in_quotes: Option<String>,
    #[serde(default)]
    legal_form: Option<String>,
    #[serde(default)]
    legal_form_text: Option<String>,
    #[serde(default)]
    registered: Option<NaiveDate>,
    #[serde(default)]
    terminated: Option<NaiveDate>,
    #[serde(default)]
    closed: Option<String>,
    #[serde(default)]
    address: Option<String>,
    #[serde(default)]
    postal_index: Option<String>,
    #[serde(default)]
    sepa_creditor_id: Option<String>,
}

impl TryFrom<RegisterRecordSaved> for RegisterRecord {
    type Error = RestoreError;

    fn try_from(saved: RegisterRecordSaved) -> Result<Self, Self::Error> {
        let optional = |field: &'static str, text: Option<String>| match text {
            Some(text) if text.trim().is_empty() => Err(RestoreError::inconsistent(
                "RegisterRecord",
                field,
                "a blank text is left out, not kept",
            )
            .with_latvian_reason("tukšu tekstu nesaglabā, to izlaiž")),
            Some(text) => Ok(Some(text.trim().to_owned())),
            None => Ok(None),
        };
        Ok(RegisterRecord {
            registration_number: saved.registration_number,
            name: saved.name.trim().to_owned(),
            name_in_quotes: optional("name_in_quotes", saved.name_in_quotes)?,
            legal_form: optional("legal_form", saved.legal_form)?,
            legal_form_text: optional("legal_form_text", saved.legal_form_text)?,
            registered: saved.registered,
            terminated: saved.terminated,
            closed: optional("closed", saved.closed)?,
            address: optional("address", saved.address)?,
            postal_index: optional("postal_index", saved.postal_index)?,
            sepa_creditor_id: optional("sepa_creditor_id", saved.sepa_creditor_id)?,
        })
    }
}

/// Turns a blank text into `None`.
fn non_blank(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

impl RegisterRecord {
    /// Creates a record with a number and the full name (`SIA "Ziemeļu Rati"`).
    pub fn new(registration_number: RegistrationNumber, name: &str) -> Self {
        RegisterRecord {
            registration_number,
            name: name.trim().to_owned(),
            name_in_quotes: None,
            legal_form: None,
            legal_form_text: None,
            registered: None,
            terminated: None,
            closed: None,
            address: None,
            postal_index: None,
            sepa_creditor_id: None,
        }
    }

    /// Sets the name inside the quotes (`Ziemeļu Rati`).
    #[must_use]
    pub fn with_name_in_quotes(mut self, name: &str) -> Self {
        self.name_in_quotes = non_blank(name);
        self
    }

    /// Sets the legal form code (`SIA`) and its text.
    #[must_use]
    pub fn with_legal_form(mut self, code: &str, text: &str) -> Self {
        self.legal_form = non_blank(code);
        self.legal_form_text = non_blank(text);
        self
    }

    /// Sets the registration date.
    #[must_use]
    pub fn with_registered(mut self, date: Option<NaiveDate>) -> Self {
        self.registered = date;
        self
    }

    /// Sets the date the entity was excluded from the register.
    #[must_use]
    pub fn with_terminated(mut self, date: Option<NaiveDate>) -> Self {
        self.terminated = date;
        self
    }

    /// Sets the `closed` code (blank for an active entity).
    #[must_use]
    pub fn with_closed(mut self, code: &str) -> Self {
        self.closed = non_blank(code);
        self
    }

    /// Sets the legal address and postal index.
    #[must_use]
    pub fn with_address(mut self, address: &str, postal_index: &str) -> Self {
        self.address = non_blank(address);
        self.postal_index = non_blank(postal_index);
        self
    }

    /// Sets the SEPA creditor identifier.
    #[must_use]
    pub fn with_sepa_creditor_id(mut self, id: &str) -> Self {
        self.sepa_creditor_id = non_blank(id);
        self
    }

    /// Returns the registration number.
    pub fn registration_number(&self) -> &RegistrationNumber {
        &self.registration_number
    }

    /// Returns the full name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Returns the name inside the quotes.
    pub fn name_in_quotes(&self) -> Option<&str> {
        self.name_in_quotes.as_deref()
    }

    /// Returns the legal form code (`SIA`).
    pub fn legal_form(&self) -> Option<&str> {
        self.legal_form.as_deref()
    }

    /// Returns the legal form text.
    pub fn legal_form_text(&self) -> Option<&str> {
        self.legal_form_text.as_deref()
    }

    /// Returns the registration date.
    pub fn registered(&self) -> Option<NaiveDate> {
        self.registered
    }

    /// Returns the termination date.
    pub fn terminated(&self) -> Option<NaiveDate> {
        self.terminated
    }

    /// Returns the `closed` code.
    pub fn closed(&self) -> Option<&str> {
        self.closed.as_deref()
    }

    /// Returns the legal address.
    pub fn address(&self) -> Option<&str> {
        self.address.as_deref()
    }

    /// Returns the postal index.
    pub fn postal_index(&self) -> Option<&str> {
        self.postal_index.as_deref()
    }

    /// Returns the SEPA creditor identifier.
    pub fn sepa_creditor_id(&self) -> Option<&str> {
        self.sepa_creditor_id.as_deref()
    }

    /// Returns the entity's state: terminated when a `terminated` date or `closed` code is
    /// set, in liquidation when the name carries *likvidācijā*, otherwise active.
    pub fn status(&self) -> EntityStatus {
        if self.terminated.is_some() || self.closed.is_some() {
            return EntityStatus::Terminated {
                on: self.terminated,
                closed: self.closed.clone(),
            };
        }
        if name_tokens(&self.name)
            .iter()
            .any(|token| token == "likvidacija")
        {
            return EntityStatus::InLiquidation;
        }
        EntityStatus::Active
    }
}

impl fmt::Display for RegisterRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "registration number  {}", self.registration_number)?;
        writeln!(f, "name                 {}", self.name)?;
        if let Some(form) = &self.legal_form {
            match &self.legal_form_text {
                Some(text) => writeln!(f, "legal form           {form} ({text})")?,
                None => writeln!(f, "legal form           {form}")?,
            }
        }
        if let Some(date) = self.registered {
            writeln!(f, "registered           {date}")?;
        }
        if let Some(address) = &self.address {
            match &self.postal_index {
                Some(index) => writeln!(f, "address              {address}, {index}")?,
                None => writeln!(f, "address              {address}")?,
            }
        }
        write!(f, "status               {}", self.status())
    }
}

/// The text columns kept from the file, in arena order.
const NAME: usize = 0;
const NAME_IN_QUOTES: usize = 1;
const ADDRESS: usize = 2;
const INDEX: usize = 3;
const SEPA: usize = 4;
const ARENA_FIELDS: usize = 5;

/// Low-cardinality columns, interned.
const TYPE: usize = 0;
const TYPE_TEXT: usize = 1;
const CLOSED: usize = 2;
const INTERNED_FIELDS: usize = 3;

/// One row, packed: text lives in the file's arena, repeated codes in its intern table.
#[derive(Debug, Clone)]
struct Entry {
    number: RegistrationNumber,
    start: u32,
    lengths: [u16; ARENA_FIELDS],
    interned: [u16; INTERNED_FIELDS],
    registered: Option<NaiveDate>,
    terminated: Option<NaiveDate>,
    line: u32,
}

/// The Register of Enterprises' open-data file `register.csv` (*Uzņēmumu reģistra atvērtie
/// dati*), loaded into memory for look-ups (facts §12 \[X3\]\[X4\]).
///
/// The file is semicolon-separated with a header row; columns are found by name, so their
/// order does not matter and extra columns are ignored. Needed: `regcode`, `name`, `type`,
/// `terminated`, `closed`; used when present: `name_in_quotes`, `type_text`, `registered`,
/// `address`, `index`, `sepa`. Dates are `YYYY-MM-DD` (a time after them is ignored).
///
/// Loading streams the rows from any reader; rows that fail (wrong field count, invalid
/// `regcode`, bad date, not UTF-8, a repeated number) are skipped and listed with their line
/// in [`RegisterLoad::row_errors`]. The text is packed into one buffer with repeated codes
/// interned, and look-ups are a binary search, so the real file (about 500 000 rows) loads in
/// about a second and takes well under its own size in memory.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{CompanyRegister, RegisterFile};
/// use apkalpe_core::RegistrationNumber;
///
/// let csv = "regcode;sepa;name;name_in_quotes;type;type_text;registered;terminated;closed;address;index\n\
///            40003521600;;\"SIA \"\"Ziemeļu Rati\"\"\";Ziemeļu Rati;SIA;Sabiedrība ar ierobežotu atbildību;2004-05-12;;;Rīga, Brīvības iela 1;LV-1010\n";
/// let loaded = RegisterFile::from_reader(csv.as_bytes())?;
/// let record = loaded.register().look_up(&RegistrationNumber::try_new("40003521600")?)?.unwrap();
/// assert_eq!(record.name(), "SIA \"Ziemeļu Rati\"");
/// assert_eq!(record.legal_form(), Some("SIA"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct RegisterFile {
    arena: String,
    interned: Vec<String>,
    entries: Vec<Entry>,
}

/// The result of loading a register file: the register and the rows that were skipped.
#[derive(Debug, Clone)]
pub struct RegisterLoad {
    register: RegisterFile,
    row_errors: Vec<RegisterRowError>,
    rows: u64,
}

impl RegisterLoad {
    /// Returns the register.
    pub fn register(&self) -> &RegisterFile {
        &self.register
    }

    /// Returns the register, dropping the row errors.
    pub fn into_register(self) -> RegisterFile {
        self.register
    }

    /// Returns the rows skipped, in line order.
    pub fn row_errors(&self) -> &[RegisterRowError] {
        &self.row_errors
    }

    /// Returns the number of data rows read (loaded and skipped).
    pub fn rows(&self) -> u64 {
        self.rows
    }
}

/// Column positions found in the header.
#[derive(Debug)]
struct Columns {
    count: usize,
    regcode: usize,
    text: [Option<usize>; ARENA_FIELDS],
    interned: [Option<usize>; INTERNED_FIELDS],
    registered: Option<usize>,
    terminated: usize,
}

impl Columns {
    fn find(header: &csv::ByteRecord) -> Result<Columns, RegisterError> {
        let position = |name: &str| {
            header
                .iter()
                .position(|field| trim_bom(field) == name.as_bytes())
        };
        let required = |name: &'static str| {
            position(name).ok_or(RegisterError::MissingColumn { column: name })
        };
        let regcode = required("regcode")?;
        let name = required("name")?;
        let legal_form = required("type")?;
        let terminated = required("terminated")?;
        let closed = required("closed")?;
        Ok(Columns {
            count: header.len(),
            regcode,
            text: [
                Some(name),
                position("name_in_quotes"),
                position("address"),
                position("index"),
                position("sepa"),
            ],
            interned: [Some(legal_form), position("type_text"), Some(closed)],
            registered: position("registered"),
            terminated,
        })
    }
}

/// Drops a UTF-8 byte-order mark from the first header field.
fn trim_bom(field: &[u8]) -> &[u8] {
    field.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(field)
}

/// Parses `YYYY-MM-DD`, optionally followed by a time; blank is `None`.
fn parse_date(field: &[u8]) -> Result<Option<NaiveDate>, ()> {
    let field = field.trim_ascii();
    if field.is_empty() {
        return Ok(None);
    }
    let digits = |range: std::ops::Range<usize>| -> Result<u32, ()> {
        let part = field.get(range).ok_or(())?;
        part.iter().try_fold(0_u32, |value, byte| {
            if byte.is_ascii_digit() {
                Ok(value * 10 + u32::from(byte - b'0'))
            } else {
                Err(())
            }
        })
    };
    if field.get(4) != Some(&b'-') || field.get(7) != Some(&b'-') {
        return Err(());
    }
    if let Some(next) = field.get(10)
        && !matches!(next, b' ' | b'T')
    {
        return Err(());
    }
    let year = i32::try_from(digits(0..4)?).map_err(|_| ())?;
    NaiveDate::from_ymd_opt(year, digits(5..7)?, digits(8..10)?)
        .map(Some)
        .ok_or(())
}

/// Reads a field as trimmed UTF-8 text; a missing column is empty.
fn field_text(record: &csv::ByteRecord, column: Option<usize>) -> Result<&str, ()> {
    match column.and_then(|column| record.get(column)) {
        Some(bytes) => std::str::from_utf8(bytes).map(str::trim).map_err(|_| ()),
        None => Ok(""),
    }
}

impl RegisterFile {
    /// Loads a register file from any reader, streaming.
    ///
    /// # Errors
    ///
    /// - [`RegisterError::MissingColumn`] when the header lacks `regcode`, `name`, `type`,
    ///   `terminated` or `closed` (an empty input has no header);
    /// - [`RegisterError::Io`] when the reader fails;
    /// - [`RegisterError::TooLarge`] when the kept text passes 4 GiB.
    ///
    /// Problems of single rows are not errors: see [`RegisterLoad::row_errors`].
    pub fn from_reader<R: Read>(reader: R) -> Result<RegisterLoad, RegisterError> {
        let mut csv = csv::ReaderBuilder::new()
            .delimiter(b';')
            .flexible(true)
            .has_headers(true)
            .from_reader(reader);
        let header = csv.byte_headers().map_err(csv_fatal)?.clone();
        let columns = Columns::find(&header)?;
        let mut register = RegisterFile::default();
        let mut intern_table: HashMap<String, u16> = HashMap::new();
        let mut row_errors = Vec::new();
        let mut rows: u64 = 0;
        let mut record = csv::ByteRecord::new();
        while csv.read_byte_record(&mut record).map_err(csv_fatal)? {
            rows = rows.saturating_add(1);
            let line = record
                .position()
                .map_or(rows.saturating_add(1), |p| p.line());
            match register.push_row(&record, &columns, &mut intern_table, line) {
                Ok(()) => {}
                Err(RowOutcome::Skip(problem)) => {
                    row_errors.push(RegisterRowError { line, problem })
                }
                Err(RowOutcome::Fatal(error)) => return Err(error),
            }
        }
        register.finish(&mut row_errors);
        Ok(RegisterLoad {
            register,
            row_errors,
            rows,
        })
    }

    fn push_row(
        &mut self,
        record: &csv::ByteRecord,
        columns: &Columns,
        intern_table: &mut HashMap<String, u16>,
        line: u64,
    ) -> Result<(), RowOutcome> {
        let found = record.len();
        if found != columns.count {
            return Err(RowOutcome::Skip(RegisterRowProblem::Columns {
                expected: columns.count as u64,
                found: found as u64,
            }));
        }
        let encoding = |_| RowOutcome::Skip(RegisterRowProblem::Encoding);
        let regcode = field_text(record, Some(columns.regcode)).map_err(encoding)?;
        let number = RegistrationNumber::try_new(regcode).map_err(|source| {
            RowOutcome::Skip(RegisterRowProblem::RegistrationNumber { source })
        })?;
        let date = |column: Option<usize>, name: &'static str| {
            parse_date(
                column
                    .and_then(|column| record.get(column))
                    .unwrap_or_default(),
            )
            .map_err(|()| RowOutcome::Skip(RegisterRowProblem::Date { column: name }))
        };
        let registered = date(columns.registered, "registered")?;
        let terminated = date(Some(columns.terminated), "terminated")?;
        let mut texts = [""; ARENA_FIELDS];
        for (slot, column) in texts.iter_mut().zip(columns.text) {
            *slot = field_text(record, column).map_err(encoding)?;
        }
        let mut interned = [0_u16; INTERNED_FIELDS];
        for (slot, column) in interned.iter_mut().zip(columns.interned) {
            let text = field_text(record, column).map_err(encoding)?;
            *slot = self.intern(intern_table, text);
        }
        let start = u32::try_from(self.arena.len())
            .map_err(|_| RowOutcome::Fatal(RegisterError::TooLarge))?;
        let mut lengths = [0_u16; ARENA_FIELDS];
        for (length, text) in lengths.iter_mut().zip(texts) {
            // A field longer than 65 535 bytes is cut at a character boundary.
            let mut end = text.len().min(usize::from(u16::MAX));
            while !text.is_char_boundary(end) {
                end = end.saturating_sub(1);
            }
            let kept = text.get(..end).unwrap_or_default();
            self.arena.push_str(kept);
            *length = u16::try_from(kept.len()).unwrap_or(u16::MAX);
        }
        if u32::try_from(self.arena.len()).is_err() {
            return Err(RowOutcome::Fatal(RegisterError::TooLarge));
        }
        self.entries.push(Entry {
            number,
            start,
            lengths,
            interned,
            registered,
            terminated,
            line: u32::try_from(line).unwrap_or(u32::MAX),
        });
        Ok(())
    }

    /// Interns a code; index 0 is the empty text. Past 65 535 distinct codes new ones are
    /// stored as empty (a register has a few dozen).
    fn intern(&mut self, table: &mut HashMap<String, u16>, text: &str) -> u16 {
        if text.is_empty() {
            return 0;
        }
        if let Some(index) = table.get(text) {
            return *index;
        }
        if self.interned.is_empty() {
            self.interned.push(String::new());
        }
        let Ok(index) = u16::try_from(self.interned.len()) else {
            return 0;
        };
        self.interned.push(text.to_owned());
        table.insert(text.to_owned(), index);
        index
    }

    /// Sorts the entries by number and drops repeated numbers, keeping the first row.
    fn finish(&mut self, row_errors: &mut Vec<RegisterRowError>) {
        self.entries.sort_by(|a, b| {
            a.number
                .as_str()
                .cmp(b.number.as_str())
                .then(a.line.cmp(&b.line))
        });
        let mut kept: Vec<Entry> = Vec::with_capacity(self.entries.len());
        for entry in std::mem::take(&mut self.entries) {
            match kept.last() {
                Some(previous) if previous.number == entry.number => {
                    row_errors.push(RegisterRowError {
                        line: u64::from(entry.line),
                        problem: RegisterRowProblem::Duplicate {
                            first_line: u64::from(previous.line),
                        },
                    });
                }
                _ => kept.push(entry),
            }
        }
        self.entries = kept;
        row_errors.sort_by_key(RegisterRowError::line);
    }

    /// Returns the number of entities loaded.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Tells whether no entity was loaded.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Returns the record with this registration number.
    pub fn get(&self, number: &RegistrationNumber) -> Option<RegisterRecord> {
        let index = self
            .entries
            .binary_search_by(|entry| entry.number.as_str().cmp(number.as_str()))
            .ok()?;
        let entry = self.entries.get(index)?;
        Some(self.record(entry))
    }

    fn record(&self, entry: &Entry) -> RegisterRecord {
        let mut texts = [""; ARENA_FIELDS];
        let mut position = usize::try_from(entry.start).unwrap_or_default();
        for (text, length) in texts.iter_mut().zip(entry.lengths) {
            let end = position.saturating_add(usize::from(length));
            *text = self.arena.get(position..end).unwrap_or_default();
            position = end;
        }
        let interned = |field: usize| {
            entry
                .interned
                .get(field)
                .and_then(|index| self.interned.get(usize::from(*index)))
                .map_or("", String::as_str)
        };
        let pick = |field: usize| texts.get(field).copied().unwrap_or_default();
        RegisterRecord::new(entry.number, pick(NAME))
            .with_name_in_quotes(pick(NAME_IN_QUOTES))
            .with_legal_form(interned(TYPE), interned(TYPE_TEXT))
            .with_registered(entry.registered)
            .with_terminated(entry.terminated)
            .with_closed(interned(CLOSED))
            .with_address(pick(ADDRESS), pick(INDEX))
            .with_sepa_creditor_id(pick(SEPA))
    }
}

/// What to do with a row that failed.
#[derive(Debug)]
enum RowOutcome {
    Skip(RegisterRowProblem),
    Fatal(RegisterError),
}

/// Maps a csv error that stops reading.
fn csv_fatal(error: csv::Error) -> RegisterError {
    match error.kind() {
        csv::ErrorKind::Io(io) => RegisterError::Io { kind: io.kind() },
        _ => RegisterError::Io {
            kind: std::io::ErrorKind::InvalidData,
        },
    }
}

impl CompanyRegister for RegisterFile {
    fn look_up(
        &self,
        number: &RegistrationNumber,
    ) -> Result<Option<RegisterRecord>, RegisterError> {
        Ok(self.get(number))
    }
}

/// One way a client's data and the register disagree. Saved with a `kind` tag; deserialised
/// field by field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Discrepancy {
    /// The client is a natural person; the commercial register holds organisations.
    NotAnOrganisation,
    /// The client has no registration number to look up.
    NoRegistrationNumber,
    /// The register has no entity with the number.
    NotFound,
    /// The names differ (compared without case, diacritics, quotes and punctuation).
    NameDiffers {
        /// The client's name.
        client: String,
        /// The register's name.
        register: String,
    },
    /// The entity was excluded from the register.
    Terminated {
        /// The termination date.
        #[serde(skip_serializing_if = "Option::is_none")]
        on: Option<NaiveDate>,
        /// The `closed` code.
        #[serde(skip_serializing_if = "Option::is_none")]
        closed: Option<String>,
    },
    /// The entity is in liquidation.
    InLiquidation,
    /// The legal forms differ.
    LegalFormDiffers {
        /// The client's legal form.
        client: String,
        /// The register's legal form.
        register: String,
    },
    /// The VAT number is not `LV` + the registration number (facts §7 \[ID1\]\[ID7\]).
    VatNumberMismatch {
        /// The client's VAT number.
        vat_number: String,
        /// The registration number.
        registration_number: String,
    },
}

impl fmt::Display for Discrepancy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Discrepancy::NotAnOrganisation => f.write_str("the client is a natural person"),
            Discrepancy::NoRegistrationNumber => {
                f.write_str("the client has no registration number")
            }
            Discrepancy::NotFound => f.write_str("not found in the register"),
            Discrepancy::NameDiffers { client, register } => {
                write!(f, "name differs: client {client}, register {register}")
            }
            Discrepancy::Terminated { .. } => f.write_str("the entity is terminated"),
            Discrepancy::InLiquidation => f.write_str("the entity is in liquidation"),
            Discrepancy::LegalFormDiffers { client, register } => {
                write!(
                    f,
                    "legal form differs: client {client}, register {register}"
                )
            }
            Discrepancy::VatNumberMismatch {
                vat_number,
                registration_number,
            } => write!(
                f,
                "vat number {vat_number} does not belong to registration number {registration_number}"
            ),
        }
    }
}

/// The result of checking a client or a number against the commercial register (S30).
///
/// # Saved form
///
/// `{"client", "registration_number", "record", "discrepancies"}`, absent parts left out.
/// Deserialising checks what [`verify`] and [`check_number`] guarantee: a record found is the
/// record of the number looked up; `not_found` is listed exactly when a number was looked up
/// and no record came back; the record's state is listed as it reads (`terminated`,
/// `in_liquidation`); the discrepancies are not empty without a record
/// (`restore.inconsistent`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "VerificationRecord")]
pub struct Verification {
    #[serde(skip_serializing_if = "Option::is_none")]
    client: Option<ClientId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    registration_number: Option<RegistrationNumber>,
    #[serde(skip_serializing_if = "Option::is_none")]
    record: Option<RegisterRecord>,
    discrepancies: Vec<Discrepancy>,
}

/// The saved form of a [`Verification`], before its checks.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct VerificationRecord {
    #[serde(default)]
    client: Option<ClientId>,
    #[serde(default)]
    registration_number: Option<RegistrationNumber>,
    #[serde(default)]
    record: Option<RegisterRecord>,
    discrepancies: Vec<Discrepancy>,
}

impl TryFrom<VerificationRecord> for Verification {
    type Error = RestoreError;

    fn try_from(saved: VerificationRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "Verification";
        let inconsistent =
            |field: &str, reason: &str| Err(RestoreError::inconsistent(WHAT, field, reason));
        let listed = |wanted: fn(&Discrepancy) -> bool| saved.discrepancies.iter().any(wanted);
        let not_found = listed(|found| matches!(found, Discrepancy::NotFound));
        match (&saved.record, &saved.registration_number) {
            (Some(record), Some(number)) => {
                if record.registration_number() != number {
                    return inconsistent(
                        "record.registration_number",
                        "the record is the one of the number looked up",
                    );
                }
                let (terminated, liquidation) = match record.status() {
                    EntityStatus::Active => (false, false),
                    EntityStatus::InLiquidation => (false, true),
                    EntityStatus::Terminated { .. } => (true, false),
                };
                if listed(|found| matches!(found, Discrepancy::Terminated { .. })) != terminated
                    || listed(|found| matches!(found, Discrepancy::InLiquidation)) != liquidation
                {
                    return inconsistent(
                        "discrepancies",
                        "the record's state is listed as it reads",
                    );
                }
                if not_found {
                    return inconsistent("discrepancies", "a record was found");
                }
            }
            (Some(_), None) => {
                return inconsistent(
                    "registration_number",
                    "a record comes from looking up a registration number",
                );
            }
            (None, Some(_)) => {
                if !not_found {
                    return inconsistent(
                        "discrepancies",
                        "a number without a record is listed as not found",
                    );
                }
            }
            (None, None) => {
                if not_found || saved.discrepancies.is_empty() {
                    return inconsistent(
                        "discrepancies",
                        "without a number the client is not an organisation or has no number",
                    );
                }
            }
        }
        Ok(Verification {
            client: saved.client,
            registration_number: saved.registration_number,
            record: saved.record,
            discrepancies: saved.discrepancies,
        })
    }
}

impl Verification {
    /// Returns the client checked, if a client was.
    pub fn client(&self) -> Option<ClientId> {
        self.client
    }

    /// Returns the number looked up.
    pub fn registration_number(&self) -> Option<&RegistrationNumber> {
        self.registration_number.as_ref()
    }

    /// Returns the register's record, if found.
    pub fn record(&self) -> Option<&RegisterRecord> {
        self.record.as_ref()
    }

    /// Returns the discrepancies, in a fixed order.
    pub fn discrepancies(&self) -> &[Discrepancy] {
        &self.discrepancies
    }

    /// Tells whether the register confirms the data: found, active, nothing differs.
    pub fn is_confirmed(&self) -> bool {
        self.discrepancies.is_empty()
    }
}

impl fmt::Display for Verification {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.record, &self.registration_number) {
            (Some(record), _) => writeln!(f, "{record}")?,
            (None, Some(number)) => writeln!(f, "registration number  {number}")?,
            (None, None) => {}
        }
        if self.discrepancies.is_empty() {
            return f.write_str("verdict              confirmed");
        }
        let count = self.discrepancies.len();
        write!(
            f,
            "verdict              {count} discrepanc{}",
            if count == 1 { "y" } else { "ies" }
        )?;
        for discrepancy in &self.discrepancies {
            write!(f, "\n  - {discrepancy}")?;
        }
        Ok(())
    }
}

/// Adds the status discrepancies of a record.
fn status_discrepancies(record: &RegisterRecord, discrepancies: &mut Vec<Discrepancy>) {
    match record.status() {
        EntityStatus::Active => {}
        EntityStatus::InLiquidation => discrepancies.push(Discrepancy::InLiquidation),
        EntityStatus::Terminated { on, closed } => {
            discrepancies.push(Discrepancy::Terminated { on, closed });
        }
    }
}

/// Looks a bare registration number up: the record and whether the entity is active (what
/// `desk company` prints).
///
/// # Errors
///
/// Whatever the register's [`CompanyRegister::look_up`] returns.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{check_number, RegisterFile};
/// use apkalpe_core::RegistrationNumber;
///
/// let register = RegisterFile::from_reader("regcode;name;type;terminated;closed\n".as_bytes())?.into_register();
/// let verdict = check_number(&RegistrationNumber::try_new("40003521600")?, &register)?;
/// assert_eq!(verdict.to_string(), "registration number  40003521600\nverdict              1 discrepancy\n  - not found in the register");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn check_number(
    number: &RegistrationNumber,
    register: &impl CompanyRegister,
) -> Result<Verification, RegisterError> {
    let record = register.look_up(number)?;
    let mut discrepancies = Vec::new();
    match &record {
        None => discrepancies.push(Discrepancy::NotFound),
        Some(record) => status_discrepancies(record, &mut discrepancies),
    }
    Ok(Verification {
        client: None,
        registration_number: Some(*number),
        record,
        discrepancies,
    })
}

/// Checks an organisation client against the commercial register (S30) and lists every
/// discrepancy: not a natural person's business, no number, not found, name differs,
/// terminated or in liquidation, legal form differs, VAT number not `LV` + the registration
/// number.
///
/// Names match when, folded (case, Latvian diacritics, quotes and punctuation ignored), the
/// client's name equals the register's name inside the quotes or its full name, or the
/// client's `FORM "name"` equals the full name.
///
/// # Errors
///
/// Whatever the register's [`CompanyRegister::look_up`] returns.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{verify, ClientDetails, ClientId, ClientRegistry, LegalForm, Organisation, RegisterFile};
/// use apkalpe_core::{RegistrationNumber, VatNumber};
/// use chrono::{TimeZone, Utc};
/// use uuid::Uuid;
///
/// let csv = "regcode;name;name_in_quotes;type;terminated;closed\n40003521600;\"SIA \"\"Ziemeļu Rati\"\"\";Ziemeļu Rati;SIA;;\n";
/// let register = RegisterFile::from_reader(csv.as_bytes())?.into_register();
/// let mut registry = ClientRegistry::new();
/// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
/// let id = registry.register(ClientId::new(Uuid::from_u128(1)), ClientDetails::organisation(
///     Organisation::try_new("Ziemelu rati")?.with_legal_form(LegalForm::try_new("SIA")?)
///         .with_registration_number(RegistrationNumber::try_new("40003521600")?)
///         .with_vat_number(VatNumber::try_new("LV40003584818")?)), at)?.id();
/// let report = verify(registry.get(id).unwrap(), &register)?;
/// assert_eq!(report.discrepancies().len(), 1);
/// assert!(report.to_string().ends_with("vat number LV40003584818 does not belong to registration number 40003521600"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn verify(
    client: &Client,
    register: &impl CompanyRegister,
) -> Result<Verification, RegisterError> {
    let Identity::Organisation(organisation) = client.identity() else {
        return Ok(Verification {
            client: Some(client.id()),
            registration_number: None,
            record: None,
            discrepancies: vec![Discrepancy::NotAnOrganisation],
        });
    };
    let Some(number) = organisation.registration_number() else {
        return Ok(Verification {
            client: Some(client.id()),
            registration_number: None,
            record: None,
            discrepancies: vec![Discrepancy::NoRegistrationNumber],
        });
    };
    let mut verification = check_number(number, register)?;
    verification.client = Some(client.id());
    let mut discrepancies = Vec::new();
    if let Some(record) = &verification.record {
        let folded = |text: &str| name_tokens(text).join(" ");
        let register_full = folded(record.name());
        let client_name = folded(organisation.name());
        let matches = client_name == register_full
            || record
                .name_in_quotes()
                .is_some_and(|quoted| folded(quoted) == client_name)
            || folded(&organisation.display_name()) == register_full;
        if !matches {
            discrepancies.push(Discrepancy::NameDiffers {
                client: organisation.display_name(),
                register: record.name().to_owned(),
            });
        }
    }
    discrepancies.append(&mut verification.discrepancies);
    if let (Some(record), Some(form)) = (&verification.record, organisation.legal_form())
        && let Some(register_form) = record.legal_form()
        && !form.as_str().eq_ignore_ascii_case(register_form)
    {
        discrepancies.push(Discrepancy::LegalFormDiffers {
            client: form.to_string(),
            register: register_form.to_owned(),
        });
    }
    if let Some(vat) = organisation.vat_number()
        && vat.to_registration_number().as_ref() != Some(number)
    {
        discrepancies.push(Discrepancy::VatNumberMismatch {
            vat_number: vat.to_string(),
            registration_number: number.to_string(),
        });
    }
    verification.discrepancies = discrepancies;
    Ok(verification)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_with_or_without_time() {
        assert_eq!(
            parse_date(b"2004-05-12"),
            Ok(NaiveDate::from_ymd_opt(2004, 5, 12))
        );
        assert_eq!(
            parse_date(b"2004-05-12 00:00:00.000"),
            Ok(NaiveDate::from_ymd_opt(2004, 5, 12))
        );
        assert_eq!(parse_date(b" "), Ok(None));
        assert_eq!(parse_date(b"2004-02-30"), Err(()));
        assert_eq!(parse_date(b"12.05.2004"), Err(()));
        assert_eq!(parse_date(b"2004-05-12x"), Err(()));
    }

    #[test]
    fn liquidation_is_read_from_the_name() {
        let number = RegistrationNumber::try_new("40003521600").unwrap();
        let record = RegisterRecord::new(number, "SIA \"Vecā Dzirnava\" likvidācijā");
        assert_eq!(record.status(), EntityStatus::InLiquidation);
        let closed = RegisterRecord::new(number, "SIA \"A\"").with_closed("K");
        assert_eq!(
            closed.status(),
            EntityStatus::Terminated {
                on: None,
                closed: Some("K".to_owned())
            }
        );
    }
}
