//! A finding placed in a file: what every output format prints.

use serde::Serialize;

use crate::fix::Fix;
use crate::rules::{Kind, Severity};

/// One finding with its file position, in the field order of the JSON report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The path as given or walked (`-` or `--stdin-filename` for stdin).
    pub path: String,
    /// The rule id.
    pub rule: String,
    /// The rule's kind.
    pub kind: Kind,
    /// Severity after config.
    pub severity: Severity,
    /// The message.
    pub message: String,
    /// 1-based line of the start.
    pub line: usize,
    /// 1-based column of the start, in characters.
    pub column: usize,
    /// 1-based line of the end.
    pub end_line: usize,
    /// 1-based column of the end (exclusive), in characters.
    pub end_column: usize,
    /// First byte in the file.
    pub byte_start: usize,
    /// One past the last byte in the file.
    pub byte_end: usize,
    /// The words as read (markup removed, entities decoded); `None` for a missing courtesy.
    pub matched: Option<String>,
    /// Better wordings.
    pub suggestions: Vec<String>,
    /// The safe edit `--fix` would make, if any.
    pub fix: Option<Fix>,
    /// The decoded text of the line where the finding starts (a window of it, for a very long
    /// line), for formats that show it.
    #[serde(skip)]
    pub context: String,
    /// The 1-based column where `context` starts on its line.
    #[serde(skip)]
    pub context_column: usize,
}

/// Counts by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Error-level findings.
    pub errors: usize,
    /// Warning-level findings.
    pub warnings: usize,
    /// Info-level findings.
    pub infos: usize,
}

impl Summary {
    /// Counts the diagnostics.
    pub fn of(diagnostics: &[Diagnostic]) -> Self {
        let mut s = Summary::default();
        for d in diagnostics {
            match d.severity {
                Severity::Error => s.errors += 1,
                Severity::Warning => s.warnings += 1,
                Severity::Info => s.infos += 1,
            }
        }
        s
    }

    /// All findings.
    pub fn total(&self) -> usize {
        self.errors + self.warnings + self.infos
    }
}
