//! Suppression comments: `scriptlint-disable-next-line [ID ...]`, `scriptlint-disable [ID ...]`
//! ... `scriptlint-enable [ID ...]`, and `scriptlint-disable-file [ID ...]`. They are found in
//! the decoded source by their distinctive keyword, so they work inside any comment syntax
//! (`<!-- -->`, `{# #}`, `#`, `//`) without each reader knowing about them.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::text::LineIndex;

static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"scriptlint-(disable-next-line|disable-file|disable|enable)\b([ \t]+[a-z0-9][a-z0-9 \t,-]*)?")
        .unwrap_or_else(|e| unreachable!("directive pattern: {e}"))
});

/// A rule id in a directive's list (a run of `--` closes an HTML comment instead).
static ID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[a-z0-9]+(?:-[a-z0-9]+)*").unwrap_or_else(|e| unreachable!("id pattern: {e}"))
});

/// Which rules a directive names; empty means all.
type Ids = Vec<String>;

/// The suppressions of one file, by 0-based source line.
#[derive(Debug, Clone, Default)]
pub struct Suppressions {
    file: Vec<Ids>,
    next_line: Vec<(usize, Ids)>,
    /// Disabled regions: first line, last line (inclusive; `usize::MAX` when never enabled).
    regions: Vec<(usize, usize, Ids)>,
    /// Every rule id a directive names, with its byte range, so unknown ids can be reported.
    named: Vec<(Range<usize>, String)>,
}

impl Suppressions {
    /// Finds every directive in `text`.
    pub fn parse(text: &str, lines: &LineIndex) -> Self {
        let mut s = Suppressions::default();
        let mut open: Vec<(usize, Ids)> = Vec::new();
        for caps in DIRECTIVE.captures_iter(text) {
            let line = lines.line_of(caps.get(0).map_or(0, |m| m.start()));
            let mut ids: Ids = Vec::new();
            if let Some(list) = caps.get(2) {
                for id in ID.find_iter(list.as_str()) {
                    let at = list.start() + id.start()..list.start() + id.end();
                    s.named.push((at, id.as_str().to_string()));
                    ids.push(id.as_str().to_string());
                }
            }
            match &caps[1] {
                "disable-next-line" => s.next_line.push((line + 1, ids)),
                "disable-file" => s.file.push(ids),
                "disable" => open.push((line, ids)),
                _ => {
                    // `enable` closes the regions it names (all of them when it names none).
                    let (closed, still_open): (Vec<_>, Vec<_>) = open
                        .into_iter()
                        .partition(|(_, o)| ids.is_empty() || o.iter().any(|id| ids.contains(id)));
                    s.regions
                        .extend(closed.into_iter().map(|(first, o)| (first, line, o)));
                    open = still_open;
                }
            }
        }
        s.regions
            .extend(open.into_iter().map(|(first, o)| (first, usize::MAX, o)));
        s
    }

    /// Whether a finding of `rule` on 0-based `line` is suppressed.
    pub fn covers(&self, rule: &str, line: usize) -> bool {
        let names = |ids: &Ids| ids.is_empty() || ids.iter().any(|id| id == rule);
        self.file.iter().any(names)
            || self
                .next_line
                .iter()
                .any(|(l, ids)| *l == line && names(ids))
            || self
                .regions
                .iter()
                .any(|(first, last, ids)| (*first..=*last).contains(&line) && names(ids))
    }

    /// Every rule id named by a directive, with its byte range in the text.
    pub fn named_ids(&self) -> &[(Range<usize>, String)] {
        &self.named
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Suppressions {
        Suppressions::parse(text, &LineIndex::new(text))
    }

    #[test]
    fn next_line_suppresses_only_the_next_line_and_named_rules() {
        let s = parse("<!-- scriptlint-disable-next-line hold-on -->\nhold on\nhold on");
        assert!(s.covers("hold-on", 1));
        assert!(!s.covers("calm-down", 1));
        assert!(!s.covers("hold-on", 2));
    }

    #[test]
    fn disable_enable_regions_and_whole_file() {
        let s = parse("# scriptlint-disable\na\n# scriptlint-enable\nb");
        assert!(s.covers("any", 1));
        assert!(!s.covers("any", 3));
        let s = parse("{# scriptlint-disable-file calm-down #}\n");
        assert!(s.covers("calm-down", 40));
        assert!(!s.covers("hold-on", 40));
        assert_eq!(s.named_ids(), [(27..36, "calm-down".to_string())]);
    }
}
