//! A file plan as CSV: the `;`-separated table with the MK 282 columns that
//! [`FilePlan::from_csv`] reads and [`FilePlan::to_csv`] writes.

use super::*;

impl FilePlan {
    /// Reads a plan from CSV: `;`-separated, the header row first (Latvian or English
    /// headers, see [`FilePlanColumn`]), nine columns per row, blank rows skipped.
    ///
    /// # Errors
    ///
    /// [`FilePlanError::Invalid`] listing every problem of every row (with its line), then
    /// the plan-wide ones; [`FilePlanError::YearOutOfRange`].
    ///
    /// # Examples
    ///
    /// See [`FilePlan`].
    pub fn from_csv(year: i32, text: &str) -> Result<Self, FilePlanError> {
        let mut reader = ::csv::ReaderBuilder::new()
            .delimiter(b';')
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut problems = Vec::new();
        let mut entries = Vec::new();
        let mut lines = Vec::new();
        let mut header_seen = false;
        for record in reader.records() {
            let record = match record {
                Ok(record) => record,
                Err(error) => {
                    let line = error.position().map(::csv::Position::line);
                    problems.push(FilePlanProblem::new(
                        line,
                        None,
                        None,
                        FilePlanProblemKind::Csv,
                    ));
                    break;
                }
            };
            let line = record.position().map(::csv::Position::line);
            if record.iter().all(|field| field.trim().is_empty()) {
                continue;
            }
            if !header_seen {
                header_seen = true;
                let lower: Vec<String> = record
                    .iter()
                    .map(|field| field.trim().trim_start_matches('\u{feff}').to_lowercase())
                    .collect();
                let latvian = FilePlanColumn::ALL
                    .iter()
                    .map(|c| c.header().to_lowercase());
                let english = FilePlanColumn::ALL
                    .iter()
                    .map(|c| c.english_header().to_owned());
                if !lower.iter().cloned().eq(latvian) && !lower.iter().cloned().eq(english) {
                    problems.push(FilePlanProblem::new(
                        line,
                        None,
                        None,
                        FilePlanProblemKind::Header {
                            found: echo(&lower.join(";")),
                        },
                    ));
                    break;
                }
                continue;
            }
            let fields: Vec<&str> = record.iter().collect();
            let [
                index,
                level_name,
                title,
                retention,
                legal_basis,
                responsible,
                medium,
                information_system,
                other,
            ] = fields.as_slice()
            else {
                problems.push(FilePlanProblem::new(
                    line,
                    record.get(0).map(str::trim).filter(|t| !t.is_empty()),
                    None,
                    FilePlanProblemKind::RowColumns {
                        expected: FilePlanColumn::ALL.len(),
                        found: record.len(),
                    },
                ));
                continue;
            };
            let input = FilePlanEntryInput {
                index: (*index).to_owned(),
                level_name: (*level_name).to_owned(),
                title: (*title).to_owned(),
                retention: (*retention).to_owned(),
                legal_basis: (*legal_basis).to_owned(),
                responsible: (*responsible).to_owned(),
                medium: (*medium).to_owned(),
                information_system: (*information_system).to_owned(),
                other: (*other).to_owned(),
            };
            match FilePlanEntry::check(&input, line) {
                Ok(entry) => {
                    entries.push(entry);
                    lines.push(line);
                }
                Err(mut found) => problems.append(&mut found),
            }
        }
        if !header_seen && problems.is_empty() {
            problems.push(FilePlanProblem::new(
                None,
                None,
                None,
                FilePlanProblemKind::Empty,
            ));
        }
        FilePlan::build(year, entries, &lines, problems)
    }

    /// Writes the plan as CSV in the form [`FilePlan::from_csv`] reads: Latvian header,
    /// `;`-separated, values quoted where needed, `\n` line ends.
    pub fn to_csv(&self) -> String {
        let mut text = String::new();
        let header: Vec<&str> = FilePlanColumn::ALL.iter().map(|c| c.header()).collect();
        push_row(&mut text, &header);
        for entry in &self.entries {
            let input = FilePlanEntryInput::from(entry.clone());
            let values = input.values();
            let row: Vec<&str> = values.iter().map(|(_, value)| *value).collect();
            push_row(&mut text, &row);
        }
        text
    }
}

/// Appends a `;`-separated row, quoting fields that need it.
fn push_row(text: &mut String, fields: &[&str]) {
    for (position, field) in fields.iter().enumerate() {
        if position > 0 {
            text.push(';');
        }
        if field.contains([';', '"', '\n', '\r']) {
            text.push('"');
            text.push_str(&field.replace('"', "\"\""));
            text.push('"');
        } else {
            text.push_str(field);
        }
    }
    text.push('\n');
}
