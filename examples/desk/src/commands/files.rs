//! Reading the files a command names. `desk` is the one place with I/O.

use std::path::Path;

use crate::Report;

/// Reads a UTF-8 text file, or reports why not (`file.read`) and returns `None`.
pub(crate) fn read_text(path: &Path, report: &mut Report<'_>) -> Option<String> {
    match std::fs::read_to_string(path) {
        Ok(text) => Some(text),
        Err(error) => {
            report.invalid_in(
                "file.read",
                &format!("cannot read {}: {}", path.display(), error.kind()),
                &format!("nevar nolasīt {}: {}", path.display(), error.kind()),
            );
            None
        }
    }
}

/// Writes a file, or reports why not (`file.write`); returns whether it was written.
pub(crate) fn write_file(path: &Path, contents: &[u8], report: &mut Report<'_>) -> bool {
    match std::fs::write(path, contents) {
        Ok(()) => true,
        Err(error) => {
            report.invalid_in(
                "file.write",
                &format!("cannot write {}: {}", path.display(), error.kind()),
                &format!("nevar ierakstīt {}: {}", path.display(), error.kind()),
            );
            false
        }
    }
}
