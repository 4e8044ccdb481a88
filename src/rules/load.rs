//! Turning pack texts into compiled rules, with an error that names the pack, line, column and
//! rule for every mistake a trainer can make.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::ops::Range;

use toml::Spanned;

use super::matcher::Matcher;
use super::phrase;
use super::schema::{Kind, RawPack, RawRule, Within};
use super::{PackInfo, Rule};
use crate::text::line_col;

/// The text of one rule pack and the name to show for it in messages.
#[derive(Debug, Clone)]
pub struct PackSource {
    /// A path, or `builtin:NAME` for the packs inside the binary.
    pub origin: String,
    /// The TOML.
    pub text: String,
}

/// A pack that cannot be loaded: where, which rule, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct LoadError {
    /// The pack's path or `builtin:NAME`.
    pub origin: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The rule at fault, when the fault is inside one.
    pub rule: Option<String>,
    /// What is wrong, in plain words.
    pub problem: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: ", self.origin, self.line, self.column)?;
        if let Some(rule) = &self.rule {
            write!(f, "rule `{rule}`: ")?;
        }
        f.write_str(&self.problem)
    }
}

/// A parsed pack and its source, kept together for error positions.
struct Parsed<'a> {
    source: &'a PackSource,
    pack: RawPack,
}

impl Parsed<'_> {
    fn error(&self, span: Range<usize>, rule: Option<&str>, problem: String) -> LoadError {
        let (line, column) = line_col(&self.source.text, span.start);
        LoadError {
            origin: self.source.origin.clone(),
            line,
            column,
            rule: rule.map(str::to_string),
            problem,
        }
    }
}

/// Parses every pack, gathers the lists of all of them, then compiles the rules.
pub(super) fn load(sources: &[PackSource]) -> Result<(Vec<PackInfo>, Vec<Rule>), LoadError> {
    let parsed = sources.iter().map(parse).collect::<Result<Vec<_>, _>>()?;
    let lists = gather_lists(&parsed)?;
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut rules = Vec::new();
    let mut packs = Vec::new();
    for p in &parsed {
        for raw in &p.pack.rules {
            let id = raw.id.get_ref();
            if let Some(first) = seen.get(id) {
                return Err(p.error(
                    raw.id.span(),
                    Some(id),
                    format!("duplicate rule id; it is already defined in {first}"),
                ));
            }
            seen.insert(id.clone(), p.source.origin.clone());
            rules.push(compile_rule(p, raw, &lists)?);
        }
        packs.push(PackInfo {
            name: p.pack.pack.name.clone(),
            description: p.pack.pack.description.clone(),
            origin: p.source.origin.clone(),
        });
    }
    Ok((packs, rules))
}

fn parse(source: &PackSource) -> Result<Parsed<'_>, LoadError> {
    match toml::from_str::<RawPack>(&source.text) {
        Ok(pack) => Ok(Parsed { source, pack }),
        Err(e) => {
            let offset = e.span().map_or(0, |s| s.start);
            let (line, column) = line_col(&source.text, offset);
            Err(LoadError {
                origin: source.origin.clone(),
                line,
                column,
                rule: None,
                problem: crate::hint::explain_unknown_key(e.message().trim_end()),
            })
        }
    }
}

fn gather_lists<'a>(parsed: &'a [Parsed<'a>]) -> Result<HashMap<&'a str, &'a [String]>, LoadError> {
    let mut lists: HashMap<&str, (&[String], &str)> = HashMap::new();
    for p in parsed {
        for (name, items) in &p.pack.lists {
            if let Some((_, first)) = lists.get(name.as_str()) {
                return Err(p.error(
                    items.span(),
                    None,
                    format!("list `{name}` is already defined in {first}"),
                ));
            }
            lists.insert(name, (items.get_ref(), &p.source.origin));
        }
    }
    Ok(lists.into_iter().map(|(k, (v, _))| (k, v)).collect())
}

fn compile_rule(
    p: &Parsed<'_>,
    raw: &RawRule,
    lists: &HashMap<&str, &[String]>,
) -> Result<Rule, LoadError> {
    let id = raw.id.get_ref();
    let fail = |span: Range<usize>, problem: String| p.error(span, Some(id), problem);
    if !is_kebab_case(id) {
        return Err(fail(
            raw.id.span(),
            "rule ids are kebab-case: lower-case letters, digits and single hyphens, like `policy-excuse`".into(),
        ));
    }
    check_kind_fields(raw).map_err(|problem| fail(raw.id.span(), problem))?;

    let expand = |items: &[Spanned<String>]| -> Result<Vec<(String, Range<usize>)>, LoadError> {
        let mut out = Vec::new();
        for item in items {
            match item.get_ref().strip_prefix('@') {
                Some(name) => {
                    let list = lists.get(name).ok_or_else(|| {
                        let hint = crate::hint::closest(name, lists.keys().copied())
                            .map(|best| format!(" (did you mean `@{best}`?)"))
                            .unwrap_or_default();
                        fail(
                            item.span(),
                            format!("there is no list named `{name}`{hint}"),
                        )
                    })?;
                    out.extend(list.iter().map(|s| (s.clone(), item.span())));
                }
                None => out.push((item.get_ref().clone(), item.span())),
            }
        }
        Ok(out)
    };
    // Each phrase is compiled on its own first, so an error can point at its line.
    let compile_phrases = |items: &[(String, Range<usize>)]| -> Result<Option<Matcher>, LoadError> {
        let mut seen = HashSet::new();
        let mut sources = Vec::new();
        for (text, span) in items {
            if seen.insert(text) {
                let source = phrase::compile(text)
                    .map_err(|e| fail(span.clone(), format!("in phrase `{text}`: {e}")))?;
                sources.push(source);
            }
        }
        Ok(Matcher::phrases(&sources))
    };
    let phrases = expand(&raw.phrases)?;
    let phrase_matcher = compile_phrases(&phrases)?;
    for pattern in &raw.patterns {
        Matcher::check_pattern(pattern.get_ref()).map_err(|e| {
            fail(
                pattern.span(),
                format!("invalid pattern `{}`: {e}", pattern.get_ref()),
            )
        })?;
    }
    let patterns: Vec<String> = raw.patterns.iter().map(|p| p.get_ref().clone()).collect();
    let pattern_matcher = Matcher::patterns(&patterns);
    let anchors = if patterns.is_empty() {
        phrases.iter().map(|(p, _)| phrase::anchor(p)).collect()
    } else {
        None
    };
    let exceptions = compile_phrases(&expand(&raw.exceptions)?)?;
    let when = compile_phrases(&expand(&raw.when)?)?;

    Ok(Rule {
        id: id.clone(),
        pack: p.pack.pack.name.clone(),
        kind: raw.kind,
        severity: raw.severity.unwrap_or(raw.kind.default_severity()),
        message: raw.message.clone(),
        why: raw.why.clone(),
        suggest: raw.suggest.clone(),
        speaker: raw.speaker,
        channels: raw.channels.clone(),
        within: raw.within.unwrap_or_default(),
        min: raw.min,
        max: raw.max,
        phrases: phrases.into_iter().map(|(t, _)| t).collect(),
        patterns,
        examples: raw.examples.clone(),
        phrase_matcher,
        pattern_matcher,
        anchors,
        exceptions,
        when,
    })
}

/// The fields each kind needs, and the ones that mean nothing for it.
fn check_kind_fields(raw: &RawRule) -> Result<(), String> {
    let kind = raw.kind.as_str();
    if raw.phrases.is_empty() && raw.patterns.is_empty() {
        return Err(format!("a `{kind}` rule needs `phrases` (or `patterns`)"));
    }
    if raw.kind == Kind::Prefer && raw.suggest.is_empty() {
        return Err("a `prefer` rule needs `suggest`: the word to use instead".into());
    }
    if raw.kind != Kind::Require && (raw.within.is_some() || !raw.when.is_empty()) {
        return Err(format!(
            "`within` and `when` belong to `require` rules, not `{kind}`"
        ));
    }
    if raw.kind == Kind::Limit {
        match (raw.min, raw.max) {
            (None, None) => return Err("a `limit` rule needs `min`, `max` or both".into()),
            (Some(min), Some(max)) if min > max => {
                return Err(format!("`min` ({min}) is greater than `max` ({max})"));
            }
            _ => {}
        }
    } else if raw.min.is_some() || raw.max.is_some() {
        return Err(format!(
            "`min` and `max` belong to `limit` rules, not `{kind}`"
        ));
    }
    if raw.within.is_some_and(|w| w != Within::Document) && raw.speaker != super::Speaker::Agent {
        return Err("`within` opening/closing is judged on agent turns; drop `speaker`".into());
    }
    Ok(())
}

fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_one(text: &str) -> Result<Vec<Rule>, LoadError> {
        let source = PackSource {
            origin: "acme.toml".into(),
            text: text.into(),
        };
        load(&[source]).map(|(_, rules)| rules)
    }

    const HEAD: &str = "[pack]\nname = \"acme\"\n";

    #[test]
    fn loads_a_rule_and_expands_lists() {
        let rules = load_one(&format!(
            "{HEAD}[lists]\nsorry = [\"sorry\", \"apologies\"]\n[[rule]]\nid = \"over-sorry\"\nkind = \"limit\"\nmax = 1\nphrases = [\"@sorry\"]\n"
        ))
        .unwrap();
        assert_eq!(rules[0].phrases, ["sorry", "apologies"]);
        assert_eq!(rules[0].severity, super::super::Severity::Warning);
    }

    #[test]
    fn unknown_key_names_line_and_key() {
        let err = load_one(&format!(
            "{HEAD}[[rule]]\nid = \"x\"\nkind = \"ban\"\nphrase = [\"a\"]\n"
        ))
        .unwrap_err();
        assert_eq!((err.line, err.column), (6, 1));
        assert_eq!(
            err.problem,
            "unknown key `phrase` (did you mean `phrases`?)"
        );
    }

    #[test]
    fn invalid_pattern_names_rule_and_line() {
        let err = load_one(&format!(
            "{HEAD}[[rule]]\nid = \"bad-re\"\nkind = \"ban\"\npatterns = [\"(unclosed\"]\n"
        ))
        .unwrap_err();
        assert_eq!(err.rule.as_deref(), Some("bad-re"));
        assert_eq!(err.line, 6);
        assert!(
            err.to_string()
                .starts_with("acme.toml:6:13: rule `bad-re`: invalid pattern")
        );
    }

    #[test]
    fn duplicate_id_and_missing_list_are_errors() {
        let rule = "[[rule]]\nid = \"dup\"\nkind = \"ban\"\nphrases = [\"x\"]\n";
        let err = load_one(&format!("{HEAD}{rule}{rule}")).unwrap_err();
        assert!(err.problem.starts_with("duplicate rule id"), "{err}");
        assert_eq!(err.line, 8);

        let err = load_one(&format!(
            "{HEAD}[[rule]]\nid = \"x\"\nkind = \"ban\"\nphrases = [\"@nope\"]\n"
        ))
        .unwrap_err();
        assert_eq!(err.problem, "there is no list named `nope`");
    }

    #[test]
    fn kind_specific_fields_are_checked() {
        let err = load_one(&format!(
            "{HEAD}[[rule]]\nid = \"p\"\nkind = \"prefer\"\nphrases = [\"e-mail\"]\n"
        ))
        .unwrap_err();
        assert!(err.problem.contains("needs `suggest`"), "{err}");
        let err = load_one(&format!(
            "{HEAD}[[rule]]\nid = \"Bad_Id\"\nkind = \"ban\"\nphrases = [\"x\"]\n"
        ))
        .unwrap_err();
        assert!(err.problem.contains("kebab-case"), "{err}");
    }
}
