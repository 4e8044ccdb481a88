//! `--format github`: GitHub Actions workflow commands, which the runner turns into annotations
//! on the pull request's diff.

use std::io::{self, Write};

use super::Report;
use crate::rules::Severity;

/// Writes one `::error file=…,line=…::message` command per finding.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for d in &report.diagnostics {
        let level = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "notice",
        };
        writeln!(
            out,
            "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            property(&d.path),
            d.line,
            d.column,
            d.end_line,
            d.end_column,
            property(&format!("scriptlint ({})", d.rule)),
            data(&d.message)
        )?;
    }
    Ok(())
}

/// Escapes a command's message, as the runner's toolkit does.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command property, which also may not hold `:` or `,`.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_the_actions_toolkit() {
        assert_eq!(data("100% sure\nnext"), "100%25 sure%0Anext");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
