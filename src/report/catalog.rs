//! What `scriptlint rules`, `explain` and `test-rules` print: views of the rules themselves
//! rather than of findings.

use std::io::{self, Write};

use colored::Colorize;
use serde::Serialize;

use crate::rules::{Rule, RuleSet};
use crate::selftest::ExampleFailure;

#[derive(Serialize)]
struct RuleJson<'a> {
    id: &'a str,
    pack: &'a str,
    kind: &'a str,
    severity: &'a str,
    fixable: bool,
    message: Option<&'a str>,
    why: Option<&'a str>,
    phrases: &'a [String],
    patterns: &'a [String],
    suggestions: &'a [String],
}

/// Lists the rules as a table.
pub fn rules_text(rules: &RuleSet, out: &mut dyn Write) -> io::Result<()> {
    let width = rules.rules().iter().map(|r| r.id.len()).max().unwrap_or(0);
    for r in rules.rules() {
        let fix = if r.fix().is_some() { "fix" } else { "" };
        writeln!(
            out,
            "{:<width$}  {:<7}  {:<7}  {:<3}  {:<14}  {}",
            r.id,
            r.kind.as_str(),
            r.severity.as_str(),
            fix,
            r.pack,
            r.message.as_deref().unwrap_or_default()
        )?;
    }
    writeln!(
        out,
        "{} rules from {} packs",
        rules.rules().len(),
        rules.packs().len()
    )
}

/// Lists the rules as a JSON array.
pub fn rules_json(rules: &RuleSet, out: &mut dyn Write) -> io::Result<()> {
    let list: Vec<RuleJson> = rules
        .rules()
        .iter()
        .map(|r| RuleJson {
            id: &r.id,
            pack: &r.pack,
            kind: r.kind.as_str(),
            severity: r.severity.as_str(),
            fixable: r.fix().is_some(),
            message: r.message.as_deref(),
            why: r.why.as_deref(),
            phrases: &r.phrases,
            patterns: &r.patterns,
            suggestions: &r.suggest,
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &list)?;
    writeln!(out)
}

/// Explains one rule: what it flags, why, how to fix it, and its examples.
pub fn explain(rule: &Rule, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "{} ({} rule, {}, pack {})",
        rule.id.bold(),
        rule.kind.as_str(),
        rule.severity.as_str(),
        rule.pack
    )?;
    if let Some(message) = &rule.message {
        writeln!(out, "\n{message}")?;
    }
    if let Some(why) = &rule.why {
        writeln!(out, "\n{}\n{why}", "Why".bold())?;
    }
    let list = |items: &[String]| {
        items
            .iter()
            .map(|p| format!("  - {p}\n"))
            .collect::<String>()
    };
    if !rule.phrases.is_empty() {
        writeln!(
            out,
            "\n{}\n{}",
            "Phrases".bold(),
            list(&rule.phrases).trim_end()
        )?;
    }
    if !rule.patterns.is_empty() {
        writeln!(
            out,
            "\n{}\n{}",
            "Patterns".bold(),
            list(&rule.patterns).trim_end()
        )?;
    }
    if !rule.suggest.is_empty() {
        let fixable = if rule.fix().is_some() {
            " (fixable)"
        } else {
            ""
        };
        writeln!(
            out,
            "\n{}{fixable}\n{}",
            "Instead".bold(),
            list(&rule.suggest).trim_end()
        )?;
    }
    let examples = |items: &[String]| {
        items
            .iter()
            .map(|e| format!("  {}\n", e.replace('\n', "\n  ")))
            .collect::<String>()
    };
    if !rule.examples.bad.is_empty() {
        writeln!(
            out,
            "\n{}\n{}",
            "Flagged".bold(),
            examples(&rule.examples.bad).trim_end()
        )?;
    }
    if !rule.examples.good.is_empty() {
        writeln!(
            out,
            "\n{}\n{}",
            "Fine".bold(),
            examples(&rule.examples.good).trim_end()
        )?;
    }
    Ok(())
}

/// Reports the examples that failed, then a count.
pub fn example_results(
    ran: usize,
    failures: &[ExampleFailure],
    out: &mut dyn Write,
) -> io::Result<()> {
    for f in failures {
        let expected = if f.bad {
            "bad example was not flagged"
        } else {
            "good example was flagged"
        };
        writeln!(
            out,
            "{} {}: {expected}:\n    {}",
            "FAIL".red().bold(),
            f.rule,
            f.text.replace('\n', "\n    ")
        )?;
    }
    let passed = ran - failures.len();
    writeln!(out, "{passed} passed, {} failed", failures.len())
}
