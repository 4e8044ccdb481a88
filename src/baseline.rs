//! Baselines, for adopting scriptlint on an old repository: record today's findings, then report
//! only new ones. A finding is remembered by its rule, its file, the words it matched (whitespace
//! folded) and which occurrence of those words in that file it is, not by its line, so findings
//! survive lines moving above them.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;

/// The baseline file format.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: u32,
    findings: Vec<Fingerprint>,
}

/// What identifies a finding across edits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fingerprint {
    /// The file, as reported.
    pub path: String,
    /// The rule id.
    pub rule: String,
    /// The matched words, whitespace folded; `None` for a missing courtesy.
    pub matched: Option<String>,
    /// 0-based index among findings of the same path, rule and words, in file order.
    pub occurrence: usize,
}

/// A baseline file that cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("not a scriptlint baseline (version 1): {0}")]
pub struct BaselineError(String);

/// The fingerprints of `diagnostics` (sorted by path, then position), in the same order.
pub fn fingerprints(diagnostics: &[Diagnostic]) -> Vec<Fingerprint> {
    let mut seen: BTreeMap<(String, String, Option<String>), usize> = BTreeMap::new();
    diagnostics
        .iter()
        .map(|d| {
            let matched = d
                .matched
                .as_deref()
                .map(|m| m.split_whitespace().collect::<Vec<_>>().join(" "));
            let key = (d.path.clone(), d.rule.clone(), matched.clone());
            let count = seen.entry(key).or_insert(0);
            let occurrence = *count;
            *count += 1;
            Fingerprint {
                path: d.path.clone(),
                rule: d.rule.clone(),
                matched,
                occurrence,
            }
        })
        .collect()
}

/// The baseline JSON for `diagnostics`: versioned, sorted and stable, so it diffs well.
pub fn to_json(diagnostics: &[Diagnostic]) -> String {
    let mut findings = fingerprints(diagnostics);
    findings.sort();
    let file = File {
        version: 1,
        findings,
    };
    let mut json = serde_json::to_string_pretty(&file).unwrap_or_default();
    json.push('\n');
    json
}

/// Recorded findings.
#[derive(Debug, Default)]
pub struct Baseline(HashSet<Fingerprint>);

impl Baseline {
    /// Parses a baseline file.
    pub fn from_json(text: &str) -> Result<Self, BaselineError> {
        let file: File = serde_json::from_str(text).map_err(|e| BaselineError(e.to_string()))?;
        if file.version != 1 {
            return Err(BaselineError(format!("version {}", file.version)));
        }
        Ok(Baseline(file.findings.into_iter().collect()))
    }

    /// Keeps only the findings the baseline does not hold.
    pub fn new_findings(&self, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
        let prints = fingerprints(&diagnostics);
        diagnostics
            .into_iter()
            .zip(prints)
            .filter(|(_, p)| !self.0.contains(p))
            .map(|(d, _)| d)
            .collect()
    }
}
