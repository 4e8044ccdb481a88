//! The built-in rule packs, embedded in the binary from `rules/` so that `scriptlint check`
//! works with no config at all.

use super::PackSource;

/// (file name, TOML) of every built-in pack, in load order.
const PACKS: &[(&str, &str)] = &[
    ("refusals.toml", include_str!("../../rules/refusals.toml")),
    ("blame.toml", include_str!("../../rules/blame.toml")),
    (
        "form-letters.toml",
        include_str!("../../rules/form-letters.toml"),
    ),
    ("courtesy.toml", include_str!("../../rules/courtesy.toml")),
    ("drafts.toml", include_str!("../../rules/drafts.toml")),
];

/// The built-in packs as sources, named `builtin:FILE` in messages.
pub fn sources() -> Vec<PackSource> {
    PACKS
        .iter()
        .map(|(name, text)| PackSource {
            origin: format!("builtin:{name}"),
            text: (*text).to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::speakers::Speakers;
    use crate::rules::RuleSet;

    #[test]
    fn every_builtin_rule_passes_its_own_examples() {
        let rules = RuleSet::load(&sources()).unwrap();
        let (ran, failures) = crate::selftest::run(&rules, &Speakers::default());
        assert!(ran > 0);
        assert_eq!(failures, []);
    }

    #[test]
    fn every_builtin_rule_explains_itself_and_shows_examples() {
        let rules = RuleSet::load(&sources()).unwrap();
        for rule in rules.rules() {
            assert!(
                rule.why.as_deref().is_some_and(|w| !w.is_empty()),
                "{} has no why",
                rule.id
            );
            assert!(rule.message.is_some(), "{} has no message", rule.id);
            assert!(
                rule.examples.bad.len() >= 2,
                "{} needs bad examples",
                rule.id
            );
            assert!(
                rule.examples.good.len() >= 2,
                "{} needs good examples",
                rule.id
            );
        }
    }
}
