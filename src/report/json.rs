//! `--format json`: the machine-readable report of DESIGN.md, version 1.

use std::io::{self, Write};

use serde::Serialize;

use super::Report;
use crate::diagnostic::{Diagnostic, Summary};

#[derive(Serialize)]
struct Json<'a> {
    version: u32,
    files_checked: usize,
    diagnostics: &'a [Diagnostic],
    summary: Summary,
}

/// Writes the report as pretty-printed JSON followed by a newline.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let json = Json {
        version: 1,
        files_checked: report.files_checked(),
        diagnostics: &report.diagnostics,
        summary: report.summary(),
    };
    serde_json::to_writer_pretty(&mut *out, &json)?;
    writeln!(out)
}
