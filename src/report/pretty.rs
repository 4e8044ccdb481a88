//! `--format pretty`, the default: each finding with its line, the match underlined, and the
//! better wording, the way compilers show errors.

use std::io::{self, Write};

use colored::Colorize;
use unicode_width::UnicodeWidthStr;

use super::concise::headline;
use super::{Report, summary_line};
use crate::diagnostic::Diagnostic;

/// Writes every finding with its context, then the summary.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    for d in &report.diagnostics {
        writeln!(out, "{}", headline(d))?;
        snippet(d, out)?;
        writeln!(out)?;
    }
    writeln!(out, "{}", summary_line(report).bold())
}

fn snippet(d: &Diagnostic, out: &mut dyn Write) -> io::Result<()> {
    let number = d.line.to_string();
    let pad = " ".repeat(number.len());
    let bar = "|".blue().bold();
    let line = d.context.replace('\t', " ");
    writeln!(out, "{pad} {bar}")?;
    writeln!(out, "{} {bar} {line}", number.blue().bold())?;
    let skip = d.column - d.context_column;
    let before: String = line.chars().take(skip).collect();
    let width = if d.matched.is_none() {
        1
    } else if d.end_line == d.line {
        let matched: String = line
            .chars()
            .skip(skip)
            .take(d.end_column.saturating_sub(d.column))
            .collect();
        matched.width().max(1)
    } else {
        // A match that runs onto later lines is underlined to the end of its first line.
        line.width().saturating_sub(before.width()).max(1)
    };
    let marker = if d.matched.is_none() {
        " missing here"
    } else {
        ""
    };
    let underline = format!("{}{marker}", "^".repeat(width));
    writeln!(
        out,
        "{pad} {bar} {}{}",
        " ".repeat(before.width()),
        underline.red().bold()
    )?;
    for s in &d.suggestions {
        writeln!(out, "{pad} {} try: {s}", "=".blue().bold())?;
    }
    Ok(())
}
