//! The Register of Enterprises' open-data file (`register.csv`), loaded into a
//! [`CompanyRegister`](super::CompanyRegister) held in memory.

use std::collections::HashMap;
use std::io::Read;

use apkalpe_core::RegistrationNumber;
use chrono::NaiveDate;

use super::{CompanyRegister, RegisterRecord};
use crate::error::{RegisterError, RegisterRowError, RegisterRowProblem};

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
/// dati*), loaded into memory for look-ups (sources §12 \[X3\]\[X4\]).
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
///
/// # Examples
///
/// ```
/// use apkalpe_clients::RegisterFile;
///
/// let csv = "regcode;name;type;terminated;closed\n40003521600;SIA A;SIA;;\n";
/// let loaded = RegisterFile::from_reader(csv.as_bytes())?;
/// assert_eq!((loaded.rows(), loaded.register().len()), (1, 1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct RegisterLoad {
    register: RegisterFile,
    row_errors: Vec<RegisterRowError>,
    rows: u64,
}

impl RegisterLoad {
    /// Returns the register.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::RegisterFile;
    ///
    /// let csv = "regcode;name;type;terminated;closed\n\
    ///     40003521600;SIA \"Ziemeļu Rati\";SIA;;\n\
    ///     123;SIA \"B\";SIA;;\n";
    /// let loaded = RegisterFile::from_reader(csv.as_bytes())?;
    /// assert_eq!(loaded.register().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn register(&self) -> &RegisterFile {
        &self.register
    }

    /// Returns the register, dropping the row errors.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::RegisterFile;
    ///
    /// let csv = "regcode;name;type;terminated;closed\n\
    ///     40003521600;SIA \"Ziemeļu Rati\";SIA;;\n\
    ///     123;SIA \"B\";SIA;;\n";
    /// let loaded = RegisterFile::from_reader(csv.as_bytes())?;
    /// let register = loaded.into_register();
    /// assert!(register.get(&"40003521600".parse()?).is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn into_register(self) -> RegisterFile {
        self.register
    }

    /// Returns the rows skipped, in line order.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::RegisterFile;
    ///
    /// let csv = "regcode;name;type;terminated;closed\n\
    ///     40003521600;SIA \"Ziemeļu Rati\";SIA;;\n\
    ///     123;SIA \"B\";SIA;;\n";
    /// let loaded = RegisterFile::from_reader(csv.as_bytes())?;
    /// assert_eq!(loaded.row_errors()[0].line(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn row_errors(&self) -> &[RegisterRowError] {
        &self.row_errors
    }

    /// Returns the number of data rows read (loaded and skipped).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::RegisterFile;
    ///
    /// let csv = "regcode;name;type;terminated;closed\n\
    ///     40003521600;SIA \"Ziemeļu Rati\";SIA;;\n\
    ///     123;SIA \"B\";SIA;;\n";
    /// let loaded = RegisterFile::from_reader(csv.as_bytes())?;
    /// assert_eq!(loaded.rows(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::RegisterFile;
    ///
    /// let csv = "regcode;name;type;terminated;closed\n\
    ///     40003521600;SIA \"Ziemeļu Rati\";SIA;;\n\
    ///     123;SIA \"B\";SIA;;\n";
    /// let loaded = RegisterFile::from_reader(csv.as_bytes())?;
    /// assert_eq!((loaded.register().len(), loaded.row_errors().len()), (1, 1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::RegisterFile;
    ///
    /// let csv = "regcode;name;type;terminated;closed\n\
    ///     40003521600;SIA \"Ziemeļu Rati\";SIA;;\n\
    ///     123;SIA \"B\";SIA;;\n";
    /// let loaded = RegisterFile::from_reader(csv.as_bytes())?;
    /// assert_eq!(loaded.register().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Tells whether no entity was loaded.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::RegisterFile;
    ///
    /// let csv = "regcode;name;type;terminated;closed\n\
    ///     40003521600;SIA \"Ziemeļu Rati\";SIA;;\n\
    ///     123;SIA \"B\";SIA;;\n";
    /// let loaded = RegisterFile::from_reader(csv.as_bytes())?;
    /// assert!(!loaded.register().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Returns the record with this registration number.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::RegisterFile;
    ///
    /// let csv = "regcode;name;type;terminated;closed\n\
    ///     40003521600;SIA \"Ziemeļu Rati\";SIA;;\n\
    ///     123;SIA \"B\";SIA;;\n";
    /// let loaded = RegisterFile::from_reader(csv.as_bytes())?;
    /// let record = loaded.register().get(&"40003521600".parse()?).ok_or("not found")?;
    /// assert_eq!(record.legal_form(), Some("SIA"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::EntityStatus;

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
