//! `scriptlint test-rules`: every rule carries its own good and bad examples, and this runs them,
//! so a trainer's new rule is tested the moment it is written (the way harper tests its rules).

use crate::check::check;
use crate::document::Document;
use crate::document::offsets::OffsetMap;
use crate::document::speakers::Speakers;
use crate::rules::RuleSet;

/// An example that did not behave as its rule says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExampleFailure {
    /// The rule.
    pub rule: String,
    /// Whether the example was a `bad` one (which must be flagged) or a `good` one.
    pub bad: bool,
    /// The example text.
    pub text: String,
}

/// Runs every example of every rule in `rules` as a plain-text document, returning the ones that
/// fail and how many ran.
pub fn run(rules: &RuleSet, speakers: &Speakers) -> (usize, Vec<ExampleFailure>) {
    let mut ran = 0;
    let mut failures = Vec::new();
    for (index, rule) in rules.rules().iter().enumerate() {
        let cases = rule
            .examples
            .bad
            .iter()
            .map(|t| (true, t))
            .chain(rule.examples.good.iter().map(|t| (false, t)));
        for (bad, text) in cases {
            ran += 1;
            let doc = Document::new(
                text.clone(),
                OffsetMap::identity(text.len()),
                speakers,
                None,
            );
            let flagged = check(rules, &doc).iter().any(|f| f.rule == index);
            if flagged != bad {
                failures.push(ExampleFailure {
                    rule: rule.id.clone(),
                    bad,
                    text: text.clone(),
                });
            }
        }
    }
    (ran, failures)
}
