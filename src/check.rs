//! The engine: compiled rules against one document, giving findings in read-text offsets. It does
//! no I/O and knows nothing of files, lines or output formats.

use std::ops::Range;

use crate::document::Document;
use crate::rules::matcher::Matcher;
use crate::rules::{Kind, Rule, RuleSet};

/// One violation, before it is placed in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Index of the rule in the [`RuleSet`].
    pub rule: usize,
    /// The matched words in read-text offsets; empty (at the scope's start) for a missing
    /// courtesy or too few occurrences.
    pub span: Range<usize>,
    /// Whether `span` covers matched words (false for a missing courtesy).
    pub matched: bool,
    /// The message to show.
    pub message: String,
}

/// Runs every rule that applies to the document's channel.
pub fn check(rules: &RuleSet, doc: &Document) -> Vec<Finding> {
    let mut findings = Vec::new();
    let candidates = rules.candidates(&doc.text);
    rules.warm(&candidates);
    for (index, rule) in rules.rules().iter().enumerate() {
        if rule.applies_to(doc.channel) {
            check_rule(index, rule, doc, candidates[index], &mut findings);
        }
    }
    findings.sort_by_key(|f| (f.span.start, f.span.end, f.rule));
    findings
}

/// Checks one rule; `may_match` is false when the prefilter found none of its anchors, so its
/// matches are known to be none without running its regex.
fn check_rule(index: usize, rule: &Rule, doc: &Document, may_match: bool, out: &mut Vec<Finding>) {
    let regions = doc.regions(rule.speaker);
    if regions.is_empty() && rule.kind != Kind::Require {
        return;
    }
    let searched: &[Range<usize>] = if may_match { &regions } else { &[] };
    let found = |f: Finding| Finding { rule: index, ..f };
    match rule.kind {
        Kind::Ban | Kind::Prefer => {
            for span in matches(rule, doc, searched) {
                let message = rule
                    .message
                    .clone()
                    .unwrap_or_else(|| match rule.suggest.first() {
                        Some(better) if rule.kind == Kind::Prefer => {
                            format!("Prefer “{better}” to “{}”.", &doc.text[span.clone()])
                        }
                        _ => format!("Avoid “{}”.", &doc.text[span.clone()]),
                    });
                out.push(found(hit(span, message)));
            }
        }
        Kind::Require if doc.fragment => {}
        Kind::Require => {
            let applies = |w: &Matcher| w.find_all(&doc.text).next().is_some();
            if rule.when.as_ref().is_some_and(|w| !applies(w)) {
                return;
            }
            let Some(scope) = doc.scope(rule.within) else {
                return;
            };
            let in_scope: Vec<Range<usize>> = searched
                .iter()
                .filter_map(|r| intersect(r, &scope))
                .collect();
            if matches(rule, doc, &in_scope).is_empty() {
                let message = rule.message.clone().unwrap_or_else(|| {
                    format!(
                        "Missing courtesy in the {}: expected one of {}.",
                        rule.within.as_str(),
                        quoted_list(&rule.phrases)
                    )
                });
                out.push(found(missing(scope.start, message)));
            }
        }
        Kind::Limit => {
            let spans = matches(rule, doc, searched);
            let count = spans.len();
            let default = |bound: &str, n: usize| {
                format!(
                    "{} used {count} time{}; {bound} {n}.",
                    quoted_list(&rule.phrases),
                    if count == 1 { "" } else { "s" }
                )
            };
            if let Some(max) = rule.max.filter(|&max| count > max) {
                let message = rule
                    .message
                    .clone()
                    .unwrap_or_else(|| default("at most", max));
                out.push(found(hit(spans[max].clone(), message)));
            }
            if let Some(min) = rule.min.filter(|&min| count < min) {
                let message = rule
                    .message
                    .clone()
                    .unwrap_or_else(|| default("at least", min));
                let start = regions.first().map_or(0, |r| r.start);
                out.push(found(missing(start, message)));
            }
        }
    }
}

fn hit(span: Range<usize>, message: String) -> Finding {
    Finding {
        rule: 0,
        span,
        matched: true,
        message,
    }
}

fn missing(at: usize, message: String) -> Finding {
    Finding {
        rule: 0,
        span: at..at,
        matched: false,
        message,
    }
}

/// The rule's matches that lie inside one of `regions` and outside every exception, in order.
/// With no region to search (the prefilter ruled the rule out, or the speaker has no turn), no
/// regex runs.
fn matches(rule: &Rule, doc: &Document, regions: &[Range<usize>]) -> Vec<Range<usize>> {
    if regions.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<Range<usize>> = rule
        .phrase_matcher
        .iter()
        .chain(&rule.pattern_matcher)
        .flat_map(|m| m.find_in(&doc.text, regions.iter().cloned()))
        .collect();
    if rule.phrase_matcher.is_some() && rule.pattern_matcher.is_some() {
        // A phrase and a pattern of one rule may match the same words: report them once.
        found.sort_by_key(|m| (m.start, m.end));
        let mut end = 0;
        found.retain(|m| {
            let keep = m.start >= end;
            end = end.max(m.end);
            keep
        });
    }
    if let (Some(exceptions), false) = (&rule.exceptions, found.is_empty()) {
        let exceptions: Vec<Range<usize>> = exceptions.find_all(&doc.text).collect();
        found.retain(|m| !within(&exceptions, m));
    }
    found
}

/// Whether `m` lies inside one of `spans`, which are sorted and do not overlap.
fn within(spans: &[Range<usize>], m: &Range<usize>) -> bool {
    let i = spans.partition_point(|s| s.start <= m.start);
    i > 0 && spans[i - 1].end >= m.end
}

fn intersect(a: &Range<usize>, b: &Range<usize>) -> Option<Range<usize>> {
    let r = a.start.max(b.start)..a.end.min(b.end);
    (!r.is_empty()).then_some(r)
}

fn quoted_list(phrases: &[String]) -> String {
    let shown: Vec<String> = phrases.iter().take(4).map(|p| format!("“{p}”")).collect();
    let more = if phrases.len() > 4 { ", …" } else { "" };
    format!("{}{more}", shown.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::offsets::OffsetMap;
    use crate::document::speakers::Speakers;
    use crate::rules::PackSource;

    fn rules(body: &str) -> RuleSet {
        RuleSet::load(&[PackSource {
            origin: "test.toml".into(),
            text: format!("[pack]\nname = \"t\"\n{body}"),
        }])
        .unwrap()
    }

    fn run(rules: &RuleSet, text: &str) -> Vec<(String, String)> {
        let doc = Document::new(
            text.to_string(),
            OffsetMap::identity(text.len()),
            &Speakers::default(),
            None,
        );
        check(rules, &doc)
            .into_iter()
            .map(|f| (rules.rules()[f.rule].id.clone(), text[f.span].to_string()))
            .collect()
    }

    #[test]
    fn agent_rules_never_fire_on_customer_turns() {
        let r =
            rules("[[rule]]\nid = \"policy\"\nkind = \"ban\"\nphrases = [\"that's our policy\"]\n");
        let found = run(
            &r,
            "Customer: So “that’s our policy” is all you say?\nAgent: Yes, that is our\npolicy.\n",
        );
        assert_eq!(found, [("policy".into(), "that is our\npolicy".into())]);
    }

    #[test]
    fn exceptions_hide_matches_inside_them() {
        let r = rules(
            "[[rule]]\nid = \"hold\"\nkind = \"ban\"\nphrases = [\"hold on\"]\nexceptions = [\"hold on to\"]\n",
        );
        assert_eq!(run(&r, "Hold on to your receipt.").len(), 0);
        assert_eq!(run(&r, "Hold on.").len(), 1);
    }

    #[test]
    fn require_reports_a_missing_courtesy_at_its_scope_only_when_it_applies() {
        let r = rules(
            "[[rule]]\nid = \"sorry\"\nkind = \"require\"\nphrases = [\"sorry\"]\nwhen = [\"delay\"]\n[[rule]]\nid = \"hi\"\nkind = \"require\"\nwithin = \"opening\"\nphrases = [\"hello\"]\n",
        );
        assert_eq!(run(&r, "Hello,\n\nYour parcel is here."), []);
        assert_eq!(
            run(&r, "Hello,\n\nThere is a delay."),
            [("sorry".into(), String::new())]
        );
        assert_eq!(
            run(&r, "Dear Sam,\n\nHello again."),
            [("hi".into(), String::new())]
        );
    }

    #[test]
    fn limit_reports_the_first_occurrence_past_max() {
        let r = rules(
            "[[rule]]\nid = \"unf\"\nkind = \"limit\"\nmax = 1\nphrases = [\"unfortunately\"]\n",
        );
        let text = "Unfortunately a. unfortunately b. Unfortunately c.";
        let found = run(&r, text);
        assert_eq!(found, [("unf".into(), "unfortunately".into())]);
    }

    #[test]
    fn channel_rules_skip_other_channels() {
        let r = rules(
            "[[rule]]\nid = \"noreply\"\nkind = \"ban\"\nchannels = [\"email\"]\nphrases = [\"do not reply\"]\n",
        );
        assert_eq!(run(&r, "Agent: do not reply to this").len(), 0);
        assert_eq!(run(&r, "Please do not reply to this").len(), 1);
    }
}
