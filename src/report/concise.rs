//! `--format concise`: one line per finding, for grep and editors' quickfix lists.

use std::io::{self, Write};

use colored::Colorize;

use super::{Report, summary_line};
use crate::diagnostic::Diagnostic;
use crate::rules::Severity;

/// Writes one line per finding, then the summary.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for d in &report.diagnostics {
        writeln!(out, "{}", headline(d))?;
    }
    writeln!(out, "{}", summary_line(report))
}

/// `path:line:col: severity[rule] message`, coloured by severity.
pub(super) fn headline(d: &Diagnostic) -> String {
    let label = format!("{}[{}]", d.severity.as_str(), d.rule);
    let label = match d.severity {
        Severity::Error => label.red().bold(),
        Severity::Warning => label.yellow().bold(),
        Severity::Info => label.cyan().bold(),
    };
    format!(
        "{}: {label} {}",
        format!("{}:{}:{}", d.path, d.line, d.column).bold(),
        d.message
    )
}
