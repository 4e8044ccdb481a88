//! One file from bytes to diagnostics: decode, read, check, place, suppress. No I/O: the caller
//! reads the bytes, so the same path serves walked files, stdin and the language server.

use std::ops::Range;

use crate::check::check;
use crate::diagnostic::Diagnostic;
use crate::document::source::{Decoded, decode};
use crate::document::speakers::Speakers;
use crate::document::suppress::Suppressions;
use crate::document::{Document, Format};
use crate::fix::{Fix, follow_case};
use crate::rules::{Channel, Kind, RuleSet, Severity};
use crate::text::{Cursor, LineIndex};

/// Everything needed to lint a file, compiled once per run.
#[derive(Debug, Clone, Copy)]
pub struct Linter<'a> {
    /// The rules after config.
    pub rules: &'a RuleSet,
    /// The speaker labels after config.
    pub speakers: &'a Speakers,
}

/// The id reported for a suppression comment that names no rule of any loaded pack.
pub const UNKNOWN_SUPPRESSION: &str = "unknown-suppression";

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
            let mut place = Placer::new(path, &decoded, &lines);
            for finding in check(self.rules, &doc) {
                let rule = &self.rules.rules()[finding.rule];
                let in_decoded = doc.map.source_range(finding.span.clone());
                if suppressions.covers(&rule.id, lines.line_of(in_decoded.start)) {
                    continue;
                }
                let matched = finding.matched.then(|| &doc.text[finding.span]);
                let fix = match (rule.fix(), matched) {
                    (Some(suggestion), Some(matched)) => safe_fix(
                        format,
                        &decoded.text[in_decoded.clone()],
                        matched,
                        suggestion,
                    ),
                    _ => None,
                };
                let mut d = place.diagnostic(in_decoded, &rule.id, rule.kind, rule.severity);
                d.message = finding.message;
                d.matched = matched.map(str::to_string);
                d.suggestions = rule.suggest.clone();
                d.fix = fix.map(|replacement| Fix {
                    byte_start: d.byte_start,
                    byte_end: d.byte_end,
                    replacement,
                });
                out.push(d);
            }
        }
        let mut place = Placer::new(path, &decoded, &lines);
        for (range, id) in suppressions.named_ids() {
            if self.rules.defines(id) {
                continue;
            }
            let hint = self
                .rules
                .closest_id(id)
                .map(|best| format!(" (did you mean `{best}`?)"))
                .unwrap_or_default();
            let mut d = place.diagnostic(
                range.clone(),
                UNKNOWN_SUPPRESSION,
                Kind::Ban,
                Severity::Warning,
            );
            d.message = format!("The suppression names `{id}`, which is not a loaded rule{hint}.");
            d.matched = Some(id.clone());
            out.push(d);
        }
        out.sort_by_key(|d| (d.byte_start, d.byte_end, d.rule.clone()));
        out
    }
}

/// The replacement for a fixable match, when replacing its bytes is safe: the file holds exactly
/// the words that matched (no markup, entity or escape inside them, which a replacement would
/// destroy), and in HTML, YAML or JSON the replacement has no character that means something
/// there.
fn safe_fix(format: Format, source: &str, matched: &str, suggestion: &str) -> Option<String> {
    let markup = matches!(format, Format::Html | Format::Structured);
    let special = |c: char| matches!(c, '<' | '>' | '&' | '"' | '\'' | '\\');
    if source != matched || (markup && suggestion.contains(special)) {
        return None;
    }
    Some(follow_case(matched, suggestion))
}

/// Places findings of one file: line and column (with cursors, so a long line is counted once),
/// file bytes and the context line.
struct Placer<'a> {
    path: &'a str,
    decoded: &'a Decoded,
    lines: &'a LineIndex,
    starts: Cursor<'a>,
    ends: Cursor<'a>,
}

impl<'a> Placer<'a> {
    fn new(path: &'a str, decoded: &'a Decoded, lines: &'a LineIndex) -> Self {
        Placer {
            path,
            decoded,
            lines,
            starts: Cursor::new(lines, &decoded.text),
            ends: Cursor::new(lines, &decoded.text),
        }
    }

    /// A diagnostic at `range` of the decoded text, with no message, match or suggestion yet.
    fn diagnostic(
        &mut self,
        range: Range<usize>,
        rule: &str,
        kind: Kind,
        severity: Severity,
    ) -> Diagnostic {
        let text = &self.decoded.text;
        let (line, column) = self.starts.line_col(range.start);
        let (end_line, end_column) = self.ends.line_col(range.end);
        let line_range = self.lines.line_range(text, line - 1);
        let (context, context_column) = context(text, line_range, range.start, column);
        let bytes = self.decoded.map.source_range(range);
        Diagnostic {
            path: self.path.to_string(),
            rule: rule.to_string(),
            kind,
            severity,
            message: String::new(),
            line,
            column,
            end_line,
            end_column,
            byte_start: bytes.start,
            byte_end: bytes.end,
            matched: None,
            suggestions: Vec::new(),
            fix: None,
            context,
            context_column,
        }
    }
}

/// How many characters of a long line formats show on each side of a finding's start.
const CONTEXT_CHARS: usize = 120;

/// The part of `line` that formats show around the finding at `at` (character column `column`):
/// the whole line, or for a very long line (a one-line JSON export) a window of it, so that a
/// thousand findings on one megabyte-long line do not copy it a thousand times. Returns the text
/// and the 1-based column where it starts.
fn context(text: &str, line: Range<usize>, at: usize, column: usize) -> (String, usize) {
    // A finding may start on the line break itself (a missing courtesy at an empty scope).
    let at = at.clamp(line.start, line.end);
    let start = text[line.start..at]
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS - 1)
        .map_or(line.start, |(i, _)| line.start + i);
    let end = text[at..line.end]
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(line.end, |(i, _)| at + i);
    let shown_before = text[start..at].chars().count();
    (text[start..end].to_string(), column - shown_before)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::PackSource;

    #[test]
    fn a_long_single_line_gets_true_columns_and_a_bounded_context() {
        let rules = RuleSet::load(&[PackSource {
            origin: "t.toml".into(),
            text: "[pack]\nname = \"t\"\n[[rule]]\nid = \"hold\"\nkind = \"ban\"\nphrases = [\"hold on\"]\n"
                .into(),
        }])
        .unwrap();
        let speakers = Speakers::default();
        let linter = Linter {
            rules: &rules,
            speakers: &speakers,
        };
        let unit = "we’ll check, hold on. ";
        let text = unit.repeat(20_000);
        let found = linter.lint("x.txt", text.as_bytes(), Format::Text, None);
        assert_eq!(found.len(), 20_000);
        let last = &found[found.len() - 1];
        let chars_per_unit = unit.chars().count();
        assert_eq!(last.column, 19_999 * chars_per_unit + 14);
        assert_eq!(&text[last.byte_start..last.byte_end], "hold on");
        assert!(
            found
                .iter()
                .all(|d| d.context.chars().count() <= 2 * CONTEXT_CHARS)
        );
        let shown: String = last
            .context
            .chars()
            .skip(last.column - last.context_column)
            .take(7)
            .collect();
        assert_eq!(shown, "hold on");
    }
}
