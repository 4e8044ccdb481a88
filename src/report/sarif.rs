//! `--format sarif`: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers. Rules go in
//! `tool.driver.rules` with their `why` as help text; safe fixes go in `fixes`.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::Report;
use crate::diagnostic::Diagnostic;
use crate::rules::{RuleSet, Severity};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Writes the SARIF log.
pub fn write(report: &Report, rules: &RuleSet, out: &mut dyn Write) -> io::Result<()> {
    let driver_rules: Vec<Value> = rules
        .rules()
        .iter()
        .map(|r| {
            let mut rule = json!({
                "id": r.id,
                "name": r.id,
                "shortDescription": {"text": r.message.as_deref().unwrap_or(&r.id)},
                "defaultConfiguration": {"level": level(r.severity)},
                "properties": {"pack": r.pack, "kind": r.kind.as_str()},
            });
            if let Some(why) = &r.why {
                rule["fullDescription"] = json!({"text": why});
                rule["help"] = json!({"text": why});
            }
            rule
        })
        .collect();
    let results: Vec<Value> = report.diagnostics.iter().map(result).collect();
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "scriptlint",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": driver_rules,
            }},
            "results": results,
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn result(d: &Diagnostic) -> Value {
    let location = json!({"artifactLocation": {"uri": d.path}});
    let region = json!({
        "startLine": d.line,
        "startColumn": d.column,
        "endLine": d.end_line,
        "endColumn": d.end_column,
        "byteOffset": d.byte_start,
        "byteLength": d.byte_end - d.byte_start,
    });
    let mut result = json!({
        "ruleId": d.rule,
        "level": level(d.severity),
        "message": {"text": d.message},
        "locations": [{"physicalLocation": {"artifactLocation": location["artifactLocation"], "region": region}}],
    });
    if let Some(fix) = &d.fix {
        result["fixes"] = json!([{
            "description": {"text": format!("Replace with “{}”", fix.replacement)},
            "artifactChanges": [{
                "artifactLocation": location["artifactLocation"],
                "replacements": [{
                    "deletedRegion": {"byteOffset": fix.byte_start, "byteLength": fix.byte_end - fix.byte_start},
                    "insertedContent": {"text": fix.replacement},
                }],
            }],
        }]);
    }
    result
}
