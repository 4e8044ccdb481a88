//! Call scripts: a line that starts with a speaker label opens a turn, unlabelled lines continue
//! it. Labels are configurable; `Agent:`, `**Agent:**`, `[Agent]`, `AGENT:` and a leading
//! timestamp such as `[00:01:02] Agent:` are all recognised.

use std::ops::Range;

use regex::{Regex, RegexBuilder};

/// Who is speaking in a turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Staff: the agent, rep, advisor.
    Agent,
    /// The customer, caller, client.
    Customer,
}

/// One speaker turn: its role and the range of its words in the read text (label excluded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Turn {
    /// Who speaks.
    pub role: Role,
    /// The words spoken, in read-text offsets.
    pub range: Range<usize>,
}

/// Speaker labels compiled once per run.
#[derive(Debug, Clone)]
pub struct Speakers {
    label: Regex,
    agent: Vec<String>,
}

/// The labels used when config names none.
pub const DEFAULT_AGENT: &[&str] = &["Agent", "Rep", "CSR", "Advisor"];
/// The labels used when config names none.
pub const DEFAULT_CUSTOMER: &[&str] = &["Customer", "Caller", "Client"];

impl Default for Speakers {
    fn default() -> Self {
        Speakers::new(None, None)
    }
}

impl Speakers {
    /// Compiles the label pattern for these names (matched case-insensitively); `None` takes
    /// the defaults.
    pub fn new(agent: Option<&[String]>, customer: Option<&[String]>) -> Self {
        let or_default = |given: Option<&[String]>, default: &[&str]| -> Vec<String> {
            given.map_or_else(
                || default.iter().map(|s| s.to_string()).collect(),
                <[String]>::to_vec,
            )
        };
        let agent = or_default(agent, DEFAULT_AGENT);
        let customer = or_default(customer, DEFAULT_CUSTOMER);
        let names = agent
            .iter()
            .chain(&customer)
            .map(|n| regex::escape(n.trim()))
            .filter(|n| !n.is_empty())
            .collect::<Vec<_>>()
            .join("|");
        let names = if names.is_empty() {
            "(?!)".to_string()
        } else {
            names
        };
        let source = format!(
            r"(?m)^[ \t]*(?:\[\d{{1,2}}:\d{{2}}(?::\d{{2}})?\][ \t]*)?(?:\*\*|__)?(?:\[(?P<bracketed>{names})\]:?|(?P<plain>{names})(?:\*\*|__)?[ \t]*:)(?:\*\*|__)?[ \t]*"
        );
        // Names are escaped, so the pattern is always valid.
        let label = RegexBuilder::new(&source)
            .case_insensitive(true)
            .build()
            .unwrap_or_else(|e| unreachable!("speaker label pattern: {e}"));
        Speakers {
            label,
            agent: agent.iter().map(|n| n.trim().to_lowercase()).collect(),
        }
    }

    /// The turns of a text; empty when no line has a speaker label (not a call script).
    pub fn turns(&self, text: &str) -> Vec<Turn> {
        let mut turns: Vec<Turn> = Vec::new();
        for caps in self.label.captures_iter(text) {
            let (Some(whole), Some(name)) = (
                caps.get(0),
                caps.name("bracketed").or_else(|| caps.name("plain")),
            ) else {
                continue;
            };
            if let Some(last) = turns.last_mut() {
                last.range.end = whole.start();
            }
            let role = if self.agent.contains(&name.as_str().to_lowercase()) {
                Role::Agent
            } else {
                Role::Customer
            };
            turns.push(Turn {
                role,
                range: whole.end()..text.len(),
            });
        }
        turns
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(text: &str) -> Vec<(Role, String)> {
        Speakers::default()
            .turns(text)
            .into_iter()
            .map(|t| (t.role, text[t.range].trim().to_string()))
            .collect()
    }

    #[test]
    fn label_styles_open_turns_and_plain_lines_continue_them() {
        let text = "Agent: Hello\nthere.\nCUSTOMER: Hi\n**Rep:** ok\n[Caller] yes\n[00:01:02] Advisor: bye";
        assert_eq!(
            roles(text),
            [
                (Role::Agent, "Hello\nthere.".into()),
                (Role::Customer, "Hi".into()),
                (Role::Agent, "ok".into()),
                (Role::Customer, "yes".into()),
                (Role::Agent, "bye".into()),
            ]
        );
    }

    #[test]
    fn a_text_without_labels_has_no_turns() {
        assert!(roles("Dear customer,\nThe agent: will call.").is_empty());
    }
}
