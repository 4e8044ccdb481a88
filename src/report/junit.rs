//! `--format junit`: JUnit XML with one test case per checked file, failing with its findings,
//! for GitLab test reports and Jenkins.

use std::collections::BTreeMap;
use std::io::{self, Write};

use quick_junit::{NonSuccessKind, TestCase, TestCaseStatus, TestSuite};

use super::Report;
use crate::diagnostic::Diagnostic;

/// Writes the XML report.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut by_path: BTreeMap<&str, Vec<&Diagnostic>> = report
        .paths
        .iter()
        .map(|p| (p.as_str(), Vec::new()))
        .collect();
    for d in &report.diagnostics {
        by_path.entry(d.path.as_str()).or_default().push(d);
    }
    let mut suite = TestSuite::new("scriptlint");
    for (path, found) in by_path {
        let status = if found.is_empty() {
            TestCaseStatus::success()
        } else {
            let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
            let lines: Vec<String> = found
                .iter()
                .map(|d| {
                    format!(
                        "{}:{}:{}: {}[{}] {}",
                        d.path,
                        d.line,
                        d.column,
                        d.severity.as_str(),
                        d.rule,
                        d.message
                    )
                })
                .collect();
            status
                .set_message(format!("{} problem(s)", found.len()))
                .set_type("scriptlint")
                .set_description(lines.join("\n"));
            status
        };
        let mut case = TestCase::new(path, status);
        case.set_classname("scriptlint");
        suite.add_test_case(case);
    }
    let mut junit = quick_junit::Report::new("scriptlint");
    junit.add_test_suite(suite);
    junit.serialize(&mut *out).map_err(io::Error::other)?;
    writeln!(out)
}
