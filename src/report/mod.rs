//! Output formats, one file each. Printing sits here, at the edge: every format gets the same
//! [`Report`] and writes it to any `Write`.

pub mod catalog;
mod concise;
mod json;
mod pretty;

use std::io::{self, Write};

use crate::diagnostic::{Diagnostic, Summary};

/// The outcome of a run, as every format sees it.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// How many files were read and checked.
    pub files_checked: usize,
    /// Every finding, sorted by path then position.
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// Counts by severity.
    pub fn summary(&self) -> Summary {
        Summary::of(&self.diagnostics)
    }
}

/// The output formats of `scriptlint check --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum OutputFormat {
    /// Each finding with its line, underlined, and the suggestion; a summary at the end.
    #[default]
    Pretty,
    /// One line per finding: `path:line:col: severity[rule] message`.
    Concise,
    /// The JSON report, version 1.
    Json,
}

/// Writes the report in `format`.
pub fn write(format: OutputFormat, report: &Report, out: &mut dyn Write) -> io::Result<()> {
    match format {
        OutputFormat::Pretty => pretty::write(report, out),
        OutputFormat::Concise => concise::write(report, out),
        OutputFormat::Json => json::write(report, out),
    }
}

/// The closing line shared by the human formats.
fn summary_line(report: &Report) -> String {
    let s = report.summary();
    let files = plural(report.files_checked, "file");
    if s.total() == 0 {
        return format!("No problems found in {files}.");
    }
    format!(
        "Found {} ({}, {}, {} info) in {files}.",
        plural(s.total(), "problem"),
        plural(s.errors, "error"),
        plural(s.warnings, "warning"),
        s.infos
    )
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}
