//! One pass per document to find which rules can match at all.
//!
//! Every phrase has an *anchor*: a word that appears, spelt the same, in every way the phrase can
//! match ("policy" in "that's our policy"). All anchors of all rules go into one Aho-Corasick
//! automaton; a single scan of the document tells which rules' anchors occur, and only those
//! rules run their regexes. Most support texts contain few banned phrases, so most rules are ruled
//! out by that one scan. A rule with a phrase that has no anchor (only contracted words, `*`,
//! non-ASCII letters) or with raw `patterns` always runs.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// Which rules may match a text.
#[derive(Debug, Clone)]
pub struct Prefilter {
    automaton: Option<AhoCorasick>,
    /// For each automaton pattern, the rules it anchors.
    rules_of: Vec<Vec<usize>>,
    /// Rules that always run.
    always: Vec<usize>,
    rule_count: usize,
}

impl Prefilter {
    /// Builds the prefilter; `anchors[i]` is `Some(words)` when every alternative of rule `i`
    /// has an anchor, `None` when the rule must always run.
    pub fn new(anchors: &[Option<Vec<String>>]) -> Self {
        let mut words: Vec<String> = Vec::new();
        let mut rules_of: Vec<Vec<usize>> = Vec::new();
        let mut always = Vec::new();
        for (rule, anchors) in anchors.iter().enumerate() {
            let Some(anchors) = anchors else {
                always.push(rule);
                continue;
            };
            for word in anchors {
                match words.iter().position(|w| w == word) {
                    Some(i) => rules_of[i].push(rule),
                    None => {
                        words.push(word.clone());
                        rules_of.push(vec![rule]);
                    }
                }
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&words)
            .ok();
        if automaton.is_none() {
            // Anchors are short ASCII words, so building cannot fail; if it ever did, every rule
            // simply runs, which is slower but still right.
            always = (0..anchors.len()).collect();
        }
        Prefilter {
            automaton,
            rules_of,
            always,
            rule_count: anchors.len(),
        }
    }

    /// For each rule, whether it may match `text`. The scan stops as soon as every rule is known
    /// to be a candidate, which in a typical reply full of "you" and "please" is early.
    pub fn candidates(&self, text: &str) -> Vec<bool> {
        let mut may = vec![false; self.rule_count];
        for &rule in &self.always {
            may[rule] = true;
        }
        let mut unknown = may.iter().filter(|m| !**m).count();
        if let Some(automaton) = &self.automaton {
            for m in automaton.find_overlapping_iter(text) {
                if unknown == 0 {
                    break;
                }
                for &rule in &self.rules_of[m.pattern().as_usize()] {
                    if !may[rule] {
                        may[rule] = true;
                        unknown -= 1;
                    }
                }
            }
        }
        may
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_rules_whose_anchor_occurs_are_candidates() {
        let p = Prefilter::new(&[
            Some(vec!["policy".into()]),
            Some(vec!["department".into(), "job".into()]),
            None,
        ]);
        assert_eq!(p.candidates("That’s our POLICY."), [true, false, true]);
        assert_eq!(p.candidates("not my job"), [false, true, true]);
        assert_eq!(p.candidates(""), [false, false, true]);
    }
}
