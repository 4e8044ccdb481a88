//! One file from bytes to diagnostics: decode, read, check, place, suppress. No I/O: the caller
//! reads the bytes, so the same path serves walked files, stdin and the language server.

use crate::check::check;
use crate::diagnostic::Diagnostic;
use crate::document::source::decode;
use crate::document::speakers::Speakers;
use crate::document::suppress::Suppressions;
use crate::document::{Document, Format};
use crate::rules::{Channel, RuleSet};
use crate::text::LineIndex;

/// Everything needed to lint a file, compiled once per run.
#[derive(Debug, Clone, Copy)]
pub struct Linter<'a> {
    /// The rules after config.
    pub rules: &'a RuleSet,
    /// The speaker labels after config.
    pub speakers: &'a Speakers,
}

impl Linter<'_> {
    /// Lints one file's bytes; `path` is only used to label the diagnostics.
    pub fn lint(
        &self,
        path: &str,
        bytes: &[u8],
        format: Format,
        channel: Option<Channel>,
    ) -> Vec<Diagnostic> {
        let decoded = decode(bytes);
        let lines = LineIndex::new(&decoded.text);
        let suppressions = Suppressions::parse(&decoded.text, &lines);
        let mut out = Vec::new();
        for doc in Document::read_all(format, &decoded.text, self.speakers, channel) {
            for finding in check(self.rules, &doc) {
                let rule = &self.rules.rules()[finding.rule];
                let in_decoded = doc.map.source_range(finding.span.clone());
                let (line, column) = lines.line_col(&decoded.text, in_decoded.start);
                if suppressions.covers(&rule.id, line - 1) {
                    continue;
                }
                let (end_line, end_column) = lines.line_col(&decoded.text, in_decoded.end);
                let bytes = decoded.map.source_range(in_decoded);
                out.push(Diagnostic {
                    path: path.to_string(),
                    rule: rule.id.clone(),
                    kind: rule.kind,
                    severity: rule.severity,
                    message: finding.message,
                    line,
                    column,
                    end_line,
                    end_column,
                    byte_start: bytes.start,
                    byte_end: bytes.end,
                    matched: finding.matched.then(|| doc.text[finding.span].to_string()),
                    suggestions: rule.suggest.clone(),
                    context: decoded.text[lines.line_range(&decoded.text, line - 1)].to_string(),
                });
            }
        }
        out.sort_by_key(|d| (d.byte_start, d.byte_end, d.rule.clone()));
        out
    }
}
