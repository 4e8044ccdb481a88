//! `--format html`: one self-contained page for a trainer to hand to a team lead. A summary
//! (files, findings by severity and by rule, the scripts with the most problems), then every
//! script with its findings highlighted in place (message, why and better wording on hover and
//! listed beside), and a courtesy scorecard of the required courtesies. No network assets; every
//! string taken from a file or a rule is escaped.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use super::{Report, plural};
use crate::diagnostic::Diagnostic;
use crate::rules::{Kind, Rule, RuleSet};
use crate::text::LineIndex;

const STYLE: &str = r#"
:root { --error: #b3261e; --warning: #8a5a00; --info: #1f5fa8; --ok: #1e6b34; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; color: #1b1b1b; }
h1 { margin-bottom: 0; } h2 { border-bottom: 1px solid #ddd; padding-bottom: .2rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { text-align: left; padding: .25rem .6rem; border-bottom: 1px solid #eee; vertical-align: top; }
.error { color: var(--error); } .warning { color: var(--warning); } .info { color: var(--info); }
.met { color: var(--ok); } .missing { color: var(--error); }
pre.text { white-space: pre-wrap; overflow-wrap: anywhere; background: #fafafa; border: 1px solid #ddd; padding: .75rem; font: 15px/1.5 ui-monospace, monospace; }
mark { background: none; border-bottom: 3px solid currentColor; padding: 0 1px; }
mark.error { background: #fde7e6; } mark.warning { background: #fff4d6; } mark.info { background: #e6effa; }
.gap { font-weight: bold; }
ol.findings li { margin-bottom: .6rem; } .why { color: #444; } .try { font-style: italic; }
@media print { mark { border-bottom-style: solid; } a { color: inherit; text-decoration: none; } section.file { break-inside: avoid-page; } }
@media (max-width: 40rem) { body { padding: .5rem; } th, td { padding: .2rem .3rem; } }
"#;

/// Escapes text for HTML content and attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Writes the page.
pub fn write(report: &Report, rules: &RuleSet, out: &mut dyn Write) -> io::Result<()> {
    let mut by_path: BTreeMap<&str, Vec<&Diagnostic>> = BTreeMap::new();
    for d in &report.diagnostics {
        by_path.entry(d.path.as_str()).or_default().push(d);
    }
    let mut page = String::new();
    let s = report.summary();
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>scriptlint report</title><style>{STYLE}</style></head><body>\n\
         <header><h1>scriptlint report</h1><p>{} checked · \
         <span class=\"error\">{}</span> · <span class=\"warning\">{}</span> · \
         <span class=\"info\">{} info</span></p></header>\n",
        plural(report.files_checked(), "file"),
        plural(s.errors, "error"),
        plural(s.warnings, "warning"),
        s.infos
    );
    summary(&mut page, report, rules, &by_path);
    let courtesies: Vec<&Rule> = rules
        .rules()
        .iter()
        .filter(|r| r.kind == Kind::Require)
        .collect();
    for (index, (path, text)) in report.sources.iter().enumerate() {
        let found = by_path.get(path.as_str()).map_or(&[][..], Vec::as_slice);
        file(&mut page, index, path, text, found, rules, &courtesies);
    }
    page.push_str("</body></html>\n");
    out.write_all(page.as_bytes())
}

fn summary(
    page: &mut String,
    report: &Report,
    rules: &RuleSet,
    by_path: &BTreeMap<&str, Vec<&Diagnostic>>,
) {
    page.push_str("<section id=\"summary\"><h2>Summary</h2>");
    let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
    for d in &report.diagnostics {
        *by_rule.entry(d.rule.as_str()).or_default() += 1;
    }
    let mut by_rule: Vec<(&str, usize)> = by_rule.into_iter().collect();
    by_rule.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    if by_rule.is_empty() {
        page.push_str("<p class=\"met\">No problems found.</p>");
    } else {
        page.push_str("<table><thead><tr><th>Rule</th><th>Severity</th><th>Findings</th><th>What it means</th></tr></thead><tbody>");
        for (id, count) in by_rule {
            let rule = rules.get(id);
            let severity = rule.map_or("warning", |r| r.severity.as_str());
            let message = rule.and_then(|r| r.message.as_deref()).unwrap_or_default();
            let _ = write!(
                page,
                "<tr><td><code>{}</code></td><td class=\"{severity}\">{severity}</td><td>{count}</td><td>{}</td></tr>",
                esc(id),
                esc(message)
            );
        }
        page.push_str("</tbody></table>");
    }
    let mut worst: Vec<(&str, usize)> = by_path.iter().map(|(p, d)| (*p, d.len())).collect();
    worst.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    if !worst.is_empty() {
        page.push_str("<h3>Scripts with the most problems</h3><ol>");
        for (path, count) in worst.iter().take(10) {
            let index = report
                .sources
                .iter()
                .position(|(p, _)| p == path)
                .unwrap_or(0);
            let _ = write!(
                page,
                "<li><a href=\"#file-{index}\">{}</a>: {count}</li>",
                esc(path)
            );
        }
        page.push_str("</ol>");
    }
    page.push_str("</section>\n");
}

fn file(
    page: &mut String,
    index: usize,
    path: &str,
    text: &str,
    found: &[&Diagnostic],
    rules: &RuleSet,
    courtesies: &[&Rule],
) {
    let _ = write!(
        page,
        "<section class=\"file\" id=\"file-{index}\"><h2>{}</h2>",
        esc(path)
    );
    if !courtesies.is_empty() {
        page.push_str("<table class=\"scorecard\"><caption>Courtesy scorecard</caption><tbody>");
        for rule in courtesies {
            let missing = found.iter().any(|d| d.rule == rule.id);
            let (class, mark) = if missing {
                ("missing", "✗ missing")
            } else {
                ("met", "✓ met or not needed")
            };
            let label = rule.message.as_deref().unwrap_or(&rule.id);
            let _ = write!(
                page,
                "<tr><td><code>{}</code></td><td>{}</td><td class=\"{class}\">{mark}</td></tr>",
                esc(&rule.id),
                esc(label)
            );
        }
        page.push_str("</tbody></table>");
    }
    page.push_str("<pre class=\"text\">");
    highlighted(page, index, text, found, rules);
    page.push_str("</pre>");
    if !found.is_empty() {
        page.push_str("<ol class=\"findings\">");
        for (k, d) in found.iter().enumerate() {
            let rule = rules.get(&d.rule);
            let _ = write!(
                page,
                "<li id=\"f-{index}-{k}\" class=\"{sev}\"><b>{}:{}</b> <code>{}</code> {}",
                d.line,
                d.column,
                esc(&d.rule),
                esc(&d.message),
                sev = d.severity.as_str()
            );
            if let Some(why) = rule.and_then(|r| r.why.as_deref()) {
                let _ = write!(page, "<br><span class=\"why\">{}</span>", esc(why));
            }
            if let Some(better) = d.suggestions.first() {
                let _ = write!(page, "<br><span class=\"try\">Try: {}</span>", esc(better));
            }
            page.push_str("</li>");
        }
        page.push_str("</ol>");
    }
    page.push_str("</section>\n");
}

/// The text with each finding wrapped in a `<mark>` carrying its message, why and suggestion as
/// a tooltip. Positions come from line and column, which are counted in the decoded text the
/// page shows whatever the file's encoding. A finding overlapping an earlier one is listed but
/// not marked again.
fn highlighted(
    page: &mut String,
    index: usize,
    text: &str,
    found: &[&Diagnostic],
    rules: &RuleSet,
) {
    let lines = LineIndex::new(text);
    let offset = |line: usize, column: usize| {
        let start = lines.line_range(text, line.saturating_sub(1)).start;
        text[start..]
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(text.len(), |(i, _)| start + i)
    };
    let mut at = 0;
    for (k, d) in found.iter().enumerate() {
        let start = offset(d.line, d.column);
        let end = offset(d.end_line, d.end_column).max(start);
        if start < at {
            continue;
        }
        page.push_str(&esc(&text[at..start]));
        let why = rules
            .get(&d.rule)
            .and_then(|r| r.why.as_deref())
            .unwrap_or_default();
        let better = d
            .suggestions
            .first()
            .map(|s| format!(" Try: {s}"))
            .unwrap_or_default();
        let title = esc(&format!("{}: {} {why}{better}", d.rule, d.message));
        let sev = d.severity.as_str();
        if start == end {
            let _ = write!(
                page,
                "<a href=\"#f-{index}-{k}\" class=\"gap {sev}\" title=\"{title}\">⟂</a>"
            );
        } else {
            let _ = write!(
                page,
                "<mark class=\"{sev}\" title=\"{title}\"><a href=\"#f-{index}-{k}\">{}</a></mark>",
                esc(&text[start..end])
            );
        }
        at = end;
    }
    page.push_str(&esc(&text[at..]));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everything_from_files_is_escaped() {
        assert_eq!(
            esc("<script>\"a\" & 'b'</script>"),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"
        );
    }
}
