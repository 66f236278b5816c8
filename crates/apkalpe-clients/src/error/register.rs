//! The errors of the commercial register: a row of its file, the file, a look-up.

use apkalpe_core::ParseRegistrationNumberError;

/// A problem with one row of a commercial register file; loading goes on with the next row.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::RegisterFile;
///
/// let csv = "regcode;name;type;terminated;closed\n40003521600;SIA \"A\";SIA;;\n123;SIA \"B\";SIA;;\n";
/// let loaded = RegisterFile::from_reader(csv.as_bytes())?;
/// assert_eq!(loaded.register().len(), 1);
/// let row = &loaded.row_errors()[0];
/// assert_eq!((row.line(), row.code()), (3, "register.row_registration_number"));
/// # Ok::<(), apkalpe_clients::RegisterError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {problem}")]
pub struct RegisterRowError {
    pub(crate) line: u64,
    pub(crate) problem: RegisterRowProblem,
}

impl RegisterRowError {
    /// Returns the 1-based line of the row (the header is line 1).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::RegisterFile;
    ///
    /// let csv = "regcode;name;type;terminated;closed\n123;SIA \"B\";SIA;;\n";
    /// let loaded = RegisterFile::from_reader(csv.as_bytes())?;
    /// let row = &loaded.row_errors()[0];
    /// assert_eq!(row.line(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn line(&self) -> u64 {
        self.line
    }

    /// Returns what is wrong with the row.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::RegisterFile;
    ///
    /// let csv = "regcode;name;type;terminated;closed\n123;SIA \"B\";SIA;;\n";
    /// let loaded = RegisterFile::from_reader(csv.as_bytes())?;
    /// let row = &loaded.row_errors()[0];
    /// assert!(matches!(row.problem(), apkalpe_clients::RegisterRowProblem::RegistrationNumber { .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn problem(&self) -> &RegisterRowProblem {
        &self.problem
    }

    /// Returns the stable code, such as `register.row_columns`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::RegisterFile;
    ///
    /// let csv = "regcode;name;type;terminated;closed\n123;SIA \"B\";SIA;;\n";
    /// let loaded = RegisterFile::from_reader(csv.as_bytes())?;
    /// let row = &loaded.row_errors()[0];
    /// assert_eq!(row.code(), "register.row_registration_number");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn code(&self) -> &'static str {
        self.problem.code()
    }
}

/// What is wrong with one register row.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{RegisterFile, RegisterRowProblem};
///
/// let csv = "regcode;name;type;terminated;closed\n40003521600;SIA A;SIA\n";
/// let loaded = RegisterFile::from_reader(csv.as_bytes())?;
/// assert_eq!(loaded.row_errors()[0].problem(), &RegisterRowProblem::Columns { expected: 5, found: 3 });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RegisterRowProblem {
    /// Not as many fields as the header has columns.
    #[error("row has {found} fields, the header has {expected}")]
    Columns {
        /// Columns in the header.
        expected: u64,
        /// Fields in the row.
        found: u64,
    },
    /// The `regcode` is not a valid registration number.
    #[error("invalid regcode: {source}")]
    RegistrationNumber {
        /// Why the number was refused.
        source: ParseRegistrationNumberError,
    },
    /// A `registered` or `terminated` value that is not a date `YYYY-MM-DD`.
    #[error("column {column} is not a date YYYY-MM-DD")]
    Date {
        /// The column.
        column: &'static str,
    },
    /// A field that is not UTF-8.
    #[error("row is not valid UTF-8")]
    Encoding,
    /// The same registration number on an earlier row; the earlier row is kept.
    #[error("regcode already seen on line {first_line}")]
    Duplicate {
        /// The line of the row that is kept.
        first_line: u64,
    },
}

impl RegisterRowProblem {
    /// Returns the stable code, such as `register.row_date`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::RegisterFile;
    ///
    /// let csv = "regcode;name;type;terminated;closed\n123;SIA \"B\";SIA;;\n";
    /// let loaded = RegisterFile::from_reader(csv.as_bytes())?;
    /// let row = &loaded.row_errors()[0];
    /// assert_eq!(row.problem().code(), "register.row_registration_number");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            RegisterRowProblem::Columns { .. } => "register.row_columns",
            RegisterRowProblem::RegistrationNumber { .. } => "register.row_registration_number",
            RegisterRowProblem::Date { .. } => "register.row_date",
            RegisterRowProblem::Encoding => "register.row_encoding",
            RegisterRowProblem::Duplicate { .. } => "register.row_duplicate",
        }
    }
}

/// A commercial register file that cannot be loaded at all, or a look-up that failed.
///
/// **Name clash.** `apkalpe-documents` (the records register) and `apkalpe-payments` (the
/// cash register) have a `RegisterError` too. A program that uses several of them imports
/// this one from [`crate::prelude`] as
/// [`CommercialRegisterError`](crate::prelude::CommercialRegisterError), or names it by path
/// (`apkalpe_clients::RegisterError`).
///
/// # Examples
///
/// ```
/// use apkalpe_clients::RegisterFile;
///
/// let error = RegisterFile::from_reader("regcode;name\n".as_bytes()).unwrap_err();
/// assert_eq!(error.code(), "register.missing_column");
/// assert_eq!(error.to_string(), "register file has no column type");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RegisterError {
    /// The header lacks a column the loader needs.
    #[error("register file has no column {column}")]
    MissingColumn {
        /// The column name.
        column: &'static str,
    },
    /// The reader failed.
    #[error("reading the register file failed: {kind}")]
    Io {
        /// The I/O error kind.
        kind: std::io::ErrorKind,
    },
    /// The text of the file exceeds the loader's 4 GiB index.
    #[error("register file text exceeds 4 GiB")]
    TooLarge,
    /// An integrator's register could not answer.
    #[error("the commercial register {register} could not be reached")]
    Unavailable {
        /// The register's name, as the adapter calls it.
        register: String,
    },
}

impl RegisterError {
    /// Returns the stable code, such as `register.missing_column`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::RegisterFile;
    ///
    /// let error = RegisterFile::from_reader("regcode;name\n".as_bytes()).unwrap_err();
    /// assert_eq!(error.code(), "register.missing_column");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            RegisterError::MissingColumn { .. } => "register.missing_column",
            RegisterError::Io { .. } => "register.io",
            RegisterError::TooLarge => "register.too_large",
            RegisterError::Unavailable { .. } => "register.unavailable",
        }
    }
}
