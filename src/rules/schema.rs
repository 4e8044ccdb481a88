//! The rule-pack file format, exactly as trainers write it: a serde model of the TOML with no
//! logic. Unknown keys are rejected so that a misspelt `phrase = [...]` is an error, not a rule
//! that silently matches nothing.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use toml::Spanned;

/// One rule-pack file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPack {
    /// Name and description of the pack.
    pub pack: PackMeta,
    /// Named phrase lists, usable as `@name` in every loaded pack.
    #[serde(default)]
    pub lists: BTreeMap<String, Spanned<Vec<String>>>,
    /// The rules, in the order written.
    #[serde(default, rename = "rule")]
    pub rules: Vec<RawRule>,
}

/// The `[pack]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackMeta {
    /// Kebab-case name, shown by `scriptlint rules`.
    pub name: String,
    /// One sentence on what the pack catches.
    #[serde(default)]
    pub description: Option<String>,
}

/// One `[[rule]]` table, before lists are expanded and phrases compiled.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    /// Kebab-case, unique across all loaded packs; spanned so errors can point at the rule.
    pub id: Spanned<String>,
    /// What the rule checks.
    pub kind: Kind,
    /// Default depends on the kind (see [`Kind::default_severity`]).
    #[serde(default)]
    pub severity: Option<Severity>,
    /// Phrases in the phrase language, or `@list` references.
    #[serde(default)]
    pub phrases: Vec<Spanned<String>>,
    /// Raw regular expressions, for power users.
    #[serde(default)]
    pub patterns: Vec<Spanned<String>>,
    /// Phrases inside which a match is not reported.
    #[serde(default)]
    pub exceptions: Vec<Spanned<String>>,
    /// Better wordings; exactly one makes a `ban` fixable.
    #[serde(default)]
    pub suggest: Vec<String>,
    /// One line shown on every finding.
    #[serde(default)]
    pub message: Option<String>,
    /// Why the phrase hurts, for `explain` and reports.
    #[serde(default)]
    pub why: Option<String>,
    /// Whose turns the rule judges in a call script.
    #[serde(default)]
    pub speaker: Speaker,
    /// Channels the rule applies to; empty means all.
    #[serde(default)]
    pub channels: Vec<Channel>,
    /// Where a `require` rule looks.
    #[serde(default)]
    pub within: Option<Within>,
    /// Phrases that make a `require` rule apply; empty means always.
    #[serde(default)]
    pub when: Vec<Spanned<String>>,
    /// Fewest occurrences a `limit` rule accepts.
    #[serde(default)]
    pub min: Option<usize>,
    /// Most occurrences a `limit` rule accepts.
    #[serde(default)]
    pub max: Option<usize>,
    /// Texts the rule must and must not flag; run by `scriptlint test-rules`.
    #[serde(default)]
    pub examples: Examples,
}

/// What a rule checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Every match is a finding.
    Ban,
    /// One of the phrases must occur in the scope.
    Require,
    /// The phrases may occur between `min` and `max` times.
    Limit,
    /// A word choice with a better alternative, always fixable.
    Prefer,
}

impl Kind {
    /// A banned phrase costs a customer; the other kinds are matters of tone.
    pub fn default_severity(self) -> Severity {
        match self {
            Kind::Ban => Severity::Error,
            Kind::Require | Kind::Limit => Severity::Warning,
            Kind::Prefer => Severity::Info,
        }
    }

    /// The name used in TOML and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Ban => "ban",
            Kind::Require => "require",
            Kind::Limit => "limit",
            Kind::Prefer => "prefer",
        }
    }
}

/// How much a finding matters; ordered so that `Error` is the greatest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// Worth knowing; never fails a run.
    Info,
    /// Fails a run only past `--max-warnings`.
    Warning,
    /// Fails the run.
    Error,
}

impl Severity {
    /// The name used in TOML and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Whose words a rule judges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Speaker {
    /// The agent (and any text without speaker labels, such as an email).
    #[default]
    Agent,
    /// Only customer turns of a call script.
    Customer,
    /// Everyone.
    Any,
}

/// Where a conversation happens; some phrases only matter in one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Channel {
    /// A phone call script.
    Call,
    /// An email or canned reply.
    Email,
    /// A chat macro.
    Chat,
}

/// The part of a document a `require` rule searches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Within {
    /// Anywhere.
    #[default]
    Document,
    /// The first agent turn, or an email's first paragraph.
    Opening,
    /// The last agent turn, or an email's last paragraph before the signature.
    Closing,
}

impl Within {
    /// The name used in TOML and messages.
    pub fn as_str(self) -> &'static str {
        match self {
            Within::Document => "document",
            Within::Opening => "opening",
            Within::Closing => "closing",
        }
    }
}

/// A rule's own test cases.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Examples {
    /// Texts that must produce a finding of the rule.
    #[serde(default)]
    pub bad: Vec<String>,
    /// Texts that must produce none.
    #[serde(default)]
    pub good: Vec<String>,
}
