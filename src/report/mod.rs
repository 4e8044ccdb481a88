//! Output formats, one file each. Printing sits here, at the edge: every format gets the same
//! [`Report`] and writes it to any `Write`.

pub mod catalog;
mod concise;
mod github;
mod gitlab;
mod html;
mod json;
mod junit;
mod pretty;
mod sarif;

use std::io::{self, Write};

use crate::diagnostic::{Diagnostic, Summary};
use crate::rules::RuleSet;

/// The outcome of a run, as every format sees it.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Every file read and checked, as reported.
    pub paths: Vec<String>,
    /// Every finding, sorted by path then position.
    pub diagnostics: Vec<Diagnostic>,
    /// How many findings `--fix` fixed (they are not in `diagnostics`).
    pub fixed: usize,
    /// Each checked file's decoded text, by path; kept only for formats that show whole files
    /// (see [`OutputFormat::shows_files`]).
    pub sources: Vec<(String, String)>,
}

impl Report {
    /// How many files were read and checked.
    pub fn files_checked(&self) -> usize {
        self.paths.len()
    }

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
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions workflow commands: annotations on the diff.
    Github,
    /// JUnit XML, one test case per file, for GitLab and Jenkins.
    Junit,
    /// GitLab code quality JSON.
    Gitlab,
    /// One self-contained HTML page: a summary, then each script with its findings in place.
    Html,
}

impl OutputFormat {
    /// Whether the format shows each file's whole text, so the run must keep it.
    pub fn shows_files(self) -> bool {
        self == OutputFormat::Html
    }
}

/// Writes the report in `format`; `rules` describe the rules for formats that carry them.
pub fn write(
    format: OutputFormat,
    report: &Report,
    rules: &RuleSet,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        OutputFormat::Pretty => pretty::write(report, out),
        OutputFormat::Concise => concise::write(report, out),
        OutputFormat::Json => json::write(report, out),
        OutputFormat::Sarif => sarif::write(report, rules, out),
        OutputFormat::Github => github::write(report, out),
        OutputFormat::Junit => junit::write(report, out),
        OutputFormat::Gitlab => gitlab::write(report, out),
        OutputFormat::Html => html::write(report, rules, out),
    }
}

/// The closing line shared by the human formats.
fn summary_line(report: &Report) -> String {
    let s = report.summary();
    let files = plural(report.files_checked(), "file");
    let fixed = match report.fixed {
        0 => String::new(),
        n => format!(" Fixed {}.", plural(n, "problem")),
    };
    if s.total() == 0 {
        return format!("No problems found in {files}.{fixed}");
    }
    format!(
        "Found {} ({}, {}, {} info) in {files}.{fixed}",
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
