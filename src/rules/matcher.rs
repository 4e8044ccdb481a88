//! Compiled phrases or patterns, and the one way the engine searches with them: inside given
//! regions of a text, with the text around each region still visible to word boundaries.
//!
//! Phrases are compiled with ASCII word boundaries (`(?-u:\b)`), which keep the regex engine on
//! its fast DFA path even when the text holds curly quotes and accented letters; Unicode word
//! boundaries would push it onto a much slower engine there. Every match is then checked against
//! Unicode word boundaries, so "hold on" still does not match inside "éhold on". Raw patterns are
//! the trainer's own regexes and are searched exactly as written.

use std::ops::Range;
use std::sync::OnceLock;

use regex::{Regex, RegexBuilder};

/// One regex and whether its matches need the Unicode word-boundary check. The regex is compiled
/// on first use: the prefilter rules most rules out for most files, and compiling every rule of
/// every pack up front would dominate the time to check one small file.
#[derive(Debug, Clone)]
pub struct Matcher {
    source: String,
    regex: OnceLock<Regex>,
    verify_boundaries: bool,
}

/// An ASCII word boundary, for phrase edges made of ASCII word characters.
pub const ASCII_BOUNDARY: &str = r"(?-u:\b)";

/// Generous: rule packs are small, and a size error here would only surface on first use.
const SIZE_LIMIT: usize = 1 << 30;

fn builder(source: &str) -> RegexBuilder {
    let mut b = RegexBuilder::new(source);
    b.case_insensitive(true).size_limit(SIZE_LIMIT);
    b
}

/// Joins sources into one alternation, compiled when the matcher is first used. Every source is
/// valid on its own (phrase regexes by construction, which the fuzzers check; raw patterns by
/// [`Matcher::check_pattern`] at load), so their alternation is too.
fn prepare(sources: &[String], verify_boundaries: bool) -> Option<Matcher> {
    if sources.is_empty() {
        return None;
    }
    let source = sources
        .iter()
        .map(|s| format!("(?:{s})"))
        .collect::<Vec<_>>()
        .join("|");
    Some(Matcher {
        source,
        regex: OnceLock::new(),
        verify_boundaries,
    })
}

impl Matcher {
    /// Prepares phrase regexes (from [`super::phrase::compile`]); `None` when there are none.
    pub fn phrases(sources: &[String]) -> Option<Self> {
        prepare(sources, true)
    }

    /// Prepares raw patterns (each already checked), searched as written; `None` when there are
    /// none.
    pub fn patterns(sources: &[String]) -> Option<Self> {
        prepare(sources, false)
    }

    /// Whether the regex is not compiled yet.
    pub fn is_cold(&self) -> bool {
        self.regex.get().is_none()
    }

    /// Compiles the regex now, so several matchers can be compiled on several threads.
    pub fn warm(&self) {
        self.regex();
    }

    /// The compiled regex. Its syntax was checked when the matcher was made and the size limit
    /// is generous, so compiling cannot fail in practice; if it ever did, the matcher would
    /// match nothing rather than stop the run.
    fn regex(&self) -> &Regex {
        self.regex.get_or_init(|| {
            builder(&self.source)
                .build()
                .or_else(|_| Regex::new(r"[^\s\S]"))
                .unwrap_or_else(|e| unreachable!("the empty class compiles: {e}"))
        })
    }

    /// Checks one raw pattern on its own, so an error shows the pattern as the trainer wrote it.
    pub fn check_pattern(source: &str) -> Result<(), regex::Error> {
        builder(source).build().map(drop)
    }

    /// Every match in the whole of `text`, in order.
    pub fn find_all<'a>(&'a self, text: &'a str) -> impl Iterator<Item = Range<usize>> + 'a {
        self.find_in(text, std::iter::once(0..text.len()))
    }

    /// Every match that lies inside one of `regions` (sorted, not overlapping), in order.
    pub fn find_in<'a>(
        &'a self,
        text: &'a str,
        regions: impl IntoIterator<Item = Range<usize>> + 'a,
    ) -> impl Iterator<Item = Range<usize>> + 'a {
        regions.into_iter().flat_map(move |region| {
            // Searching a prefix ending at the region's end keeps matches inside it, while
            // `find_at` still sees the text before the region start for word boundaries.
            let haystack = &text[..region.end];
            let mut at = Some(region.start);
            std::iter::from_fn(move || {
                while let Some(start) = at {
                    let m = self.regex().find_at(haystack, start)?;
                    let range = m.range();
                    at = if range.is_empty() {
                        next_char(haystack, range.end)
                    } else {
                        Some(range.end)
                    };
                    if !self.verify_boundaries || on_word_boundaries(text, &range) {
                        return Some(range);
                    }
                    // Next to a non-ASCII letter: not a whole-word match. Look again one
                    // character later, so an overlapping real match is not skipped.
                    at = next_char(haystack, range.start);
                }
                None
            })
        })
    }
}

/// The offset after the character at `at`, or `None` at the end of `text`.
fn next_char(text: &str, at: usize) -> Option<usize> {
    text[at..].chars().next().map(|c| at + c.len_utf8())
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Whether a match that starts (ends) with a word character is not preceded (followed) by one,
/// in Unicode's sense of a word character.
fn on_word_boundaries(text: &str, range: &Range<usize>) -> bool {
    let matched = &text[range.clone()];
    let starts_word = matched.chars().next().is_some_and(is_word_char);
    let ends_word = matched.chars().next_back().is_some_and(is_word_char);
    let before = text[..range.start]
        .chars()
        .next_back()
        .is_some_and(is_word_char);
    let after = text[range.end..].chars().next().is_some_and(is_word_char);
    !(starts_word && before || ends_word && after)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::phrase;

    fn phrases(list: &[&str]) -> Matcher {
        let sources: Vec<String> = list.iter().map(|p| phrase::compile(p).unwrap()).collect();
        Matcher::phrases(&sources).unwrap()
    }

    fn found(m: &Matcher, text: &str) -> Vec<String> {
        m.find_all(text).map(|r| text[r].to_string()).collect()
    }

    #[test]
    fn unicode_letters_are_word_characters_at_the_edges() {
        let m = phrases(&["hold on"]);
        assert_eq!(found(&m, "éhold on"), Vec::<String>::new());
        assert_eq!(found(&m, "hold oné"), Vec::<String>::new());
        assert_eq!(found(&m, "“hold on” — hold on"), ["hold on", "hold on"]);
    }

    #[test]
    fn a_spurious_match_does_not_hide_an_overlapping_real_one() {
        let m = phrases(&["no no"]);
        // The first candidate "no no" follows "é" and is rejected; the real one starts inside it.
        assert_eq!(found(&m, "éno no no"), ["no no"]);
    }

    #[test]
    fn matches_stay_inside_regions_but_see_context() {
        let m = phrases(&["calm down"]);
        let text = "calm down. xcalm down calm down";
        let second = text.rfind("calm").unwrap();
        let mut in_regions = m.find_in(text, [0..4, 12..text.len()]);
        assert_eq!(in_regions.next(), Some(second..text.len()));
        assert_eq!(in_regions.next(), None);
    }

    #[test]
    fn raw_patterns_are_searched_as_written_and_empty_matches_end() {
        let m = Matcher::patterns(&["x*".to_string()]).unwrap();
        assert_eq!(m.find_all("axxb").count(), 4);
        let m = Matcher::patterns(&["TODO".to_string()]).unwrap();
        assert_eq!(found(&m, "éTODO"), ["TODO"]);
    }
}
