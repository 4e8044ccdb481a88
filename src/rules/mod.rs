//! Rules: the pack format, the phrase compiler, the built-in packs, and the compiled
//! [`RuleSet`] the engine runs. Packs are given as text (the caller reads files), so loading does
//! no I/O and every error can name the pack, line and column.

pub mod builtin;
mod load;
pub mod matcher;
pub mod phrase;
mod prefilter;
pub mod schema;

use std::collections::HashMap;

use matcher::Matcher;
use prefilter::Prefilter;

pub use load::{LoadError, PackSource};
pub use schema::{Channel, Examples, Kind, Severity, Speaker, Within};

/// A rule ready to run: phrases expanded and compiled, defaults filled in.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Unique kebab-case id.
    pub id: String,
    /// Name of the pack it came from.
    pub pack: String,
    /// What it checks.
    pub kind: Kind,
    /// Severity after config overrides.
    pub severity: Severity,
    /// The message shown on every finding, if the author wrote one.
    pub message: Option<String>,
    /// Why the phrase hurts, for trainers.
    pub why: Option<String>,
    /// Better wordings, best first.
    pub suggest: Vec<String>,
    /// Whose turns it judges.
    pub speaker: Speaker,
    /// Channels it applies to; empty means all.
    pub channels: Vec<Channel>,
    /// Where a `require` rule looks.
    pub within: Within,
    /// Fewest occurrences a `limit` accepts.
    pub min: Option<usize>,
    /// Most occurrences a `limit` accepts.
    pub max: Option<usize>,
    /// The phrases as written, lists expanded, for `explain` and `rules`.
    pub phrases: Vec<String>,
    /// Raw patterns as written.
    pub patterns: Vec<String>,
    /// The rule's own test cases.
    pub examples: Examples,
    /// The phrases, compiled together.
    pub(crate) phrase_matcher: Option<Matcher>,
    /// The raw patterns, compiled together.
    pub(crate) pattern_matcher: Option<Matcher>,
    /// A word of each phrase every match contains, for the prefilter; `None`: always run.
    pub(crate) anchors: Option<Vec<String>>,
    /// Exception phrases; a match inside one is not reported.
    pub(crate) exceptions: Option<Matcher>,
    /// Phrases that make a `require` rule apply.
    pub(crate) when: Option<Matcher>,
}

impl Rule {
    /// A `ban` with exactly one suggestion, or any `prefer`, can be fixed without a human
    /// choosing between wordings.
    pub fn fix(&self) -> Option<&str> {
        match (self.kind, self.suggest.as_slice()) {
            (Kind::Ban, [only]) => Some(only),
            (Kind::Prefer, [first, ..]) => Some(first),
            _ => None,
        }
    }

    /// Whether the rule judges documents of `channel` (`None`: the channel is unknown, so every
    /// rule applies).
    pub fn applies_to(&self, channel: Option<Channel>) -> bool {
        match channel {
            Some(c) => self.channels.is_empty() || self.channels.contains(&c),
            None => true,
        }
    }
}

/// A pack's name and where it came from, for `scriptlint rules`.
#[derive(Debug, Clone)]
pub struct PackInfo {
    /// The `[pack] name`.
    pub name: String,
    /// The `[pack] description`.
    pub description: Option<String>,
    /// The file it was read from, or `builtin:NAME`.
    pub origin: String,
}

/// Every loaded rule, in pack order, with an index by id.
#[derive(Debug, Clone)]
pub struct RuleSet {
    rules: Vec<Rule>,
    packs: Vec<PackInfo>,
    by_id: HashMap<String, usize>,
    prefilter: Prefilter,
    /// Every id the packs define, including rules config or `--ignore` turned off, so that a
    /// suppression naming one of those is not reported as unknown.
    defined: Vec<String>,
}

impl RuleSet {
    /// Loads and compiles packs; lists defined in any pack are visible to all of them.
    pub fn load(sources: &[PackSource]) -> Result<RuleSet, LoadError> {
        let (packs, rules) = load::load(sources)?;
        let defined = rules.iter().map(|r| r.id.clone()).collect();
        Ok(RuleSet::from_parts(packs, rules, defined))
    }

    fn from_parts(packs: Vec<PackInfo>, rules: Vec<Rule>, defined: Vec<String>) -> RuleSet {
        let by_id = rules
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.clone(), i))
            .collect();
        let anchors: Vec<_> = rules.iter().map(|r| r.anchors.clone()).collect();
        RuleSet {
            rules,
            packs,
            by_id,
            prefilter: Prefilter::new(&anchors),
            defined,
        }
    }

    /// Whether any loaded pack defines `id`, whether or not the rule is on.
    pub fn defines(&self, id: &str) -> bool {
        self.defined.iter().any(|d| d == id)
    }

    /// The id closest to a misspelt one, among every rule the packs define.
    pub fn closest_id(&self, typo: &str) -> Option<&str> {
        crate::hint::closest(typo, self.defined.iter().map(String::as_str))
    }

    /// Compiles, on all cores, the matchers of the rules marked in `candidates` that are not
    /// compiled yet. Matchers compile on first use; doing the first uses in parallel keeps the
    /// time to check one small file low. Exceptions are left to compile if a match needs them.
    pub fn warm(&self, candidates: &[bool]) {
        use rayon::prelude::*;
        let cold: Vec<&Matcher> = self
            .rules
            .iter()
            .zip(candidates)
            .filter(|(_, may)| **may)
            .flat_map(|(r, _)| [&r.phrase_matcher, &r.pattern_matcher, &r.when])
            .flatten()
            .filter(|m| m.is_cold())
            .collect();
        if cold.len() > 1 {
            cold.par_iter().for_each(|m| m.warm());
        }
    }

    /// For each rule, whether it can match `text` at all: one scan of the text for every rule's
    /// anchor words, so that only the rules that can match run their regexes.
    pub fn candidates(&self, text: &str) -> Vec<bool> {
        self.prefilter.candidates(text)
    }

    /// The rules, in the order their packs were given.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The packs the rules came from.
    pub fn packs(&self) -> &[PackInfo] {
        &self.packs
    }

    /// The rule with this id.
    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.by_id.get(id).map(|&i| &self.rules[i])
    }

    /// Keeps the rules for which `keep` returns a severity (possibly changed), drops the rest.
    /// Config severity overrides, `off`, `--select` and `--ignore` all go through here.
    pub fn retain_with_severity(self, mut keep: impl FnMut(&Rule) -> Option<Severity>) -> Self {
        let rules = self
            .rules
            .into_iter()
            .filter_map(|mut rule| {
                rule.severity = keep(&rule)?;
                Some(rule)
            })
            .collect();
        RuleSet::from_parts(self.packs, rules, self.defined)
    }
}
