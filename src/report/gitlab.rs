//! `--format gitlab`: GitLab code quality JSON, shown in merge request widgets.

use std::io::{self, Write};

use serde::Serialize;

use super::Report;
use crate::baseline::fingerprints;
use crate::rules::Severity;

#[derive(Serialize)]
struct Issue<'a> {
    description: &'a str,
    check_name: &'a str,
    fingerprint: String,
    severity: &'static str,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
    end: usize,
}

/// Writes the findings as a code quality report. Fingerprints follow the baseline's (rule, path,
/// words, occurrence), so GitLab tracks a finding across commits even when lines move.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let prints = fingerprints(&report.diagnostics);
    let issues: Vec<Issue> = report
        .diagnostics
        .iter()
        .zip(prints)
        .map(|(d, p)| Issue {
            description: &d.message,
            check_name: &d.rule,
            fingerprint: format!("{:016x}", fnv1a(&format!("{p:?}"))),
            severity: match d.severity {
                Severity::Error => "major",
                Severity::Warning => "minor",
                Severity::Info => "info",
            },
            location: Location {
                path: &d.path,
                lines: Lines {
                    begin: d.line,
                    end: d.end_line,
                },
            },
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &issues)?;
    writeln!(out)
}

/// FNV-1a: a tiny hash that is the same on every machine and Rust version.
fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}
