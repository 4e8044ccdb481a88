//! Template placeholders are opaque words: `Hi {{ticket.requester.first_name}},` is a greeting,
//! and nothing inside a placeholder is linted. Covered syntaxes: Liquid/Handlebars/Jinja
//! `{{ }}` `{% %}` `{# #}`, Salesforce `{!...}`, Help Scout `{%...%}`, osTicket `%{...}` and
//! Zammad `#{...}`.
//!
//! Placeholders are masked in the decoded source before any reader runs, byte for byte, so no
//! offset moves: the mask is one SUBSTITUTE control character per byte, which is neither a word
//! character nor whitespace nor markup in any format, so no phrase matches into or across it.
//! An unclosed `{{` is left alone, for the draft-marker rule to report.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

/// The byte that stands in for each byte of a placeholder.
pub const MASK: char = '\u{1A}';

static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\{\{[^\n]*?\}\}|\{%[^\n]*?%\}|\{#[^\n]*?#\}|\{![^}\n]*\}|%\{[^}\n]*\}|#\{[^}\n]*\}",
    )
    .unwrap_or_else(|e| unreachable!("placeholder pattern: {e}"))
});

/// The source with every complete placeholder masked; borrowed when there is none.
pub fn mask(src: &str) -> Cow<'_, str> {
    if !PLACEHOLDER.is_match(src) {
        return Cow::Borrowed(src);
    }
    let mut out = String::with_capacity(src.len());
    let mut at = 0;
    for m in PLACEHOLDER.find_iter(src) {
        out.push_str(&src[at..m.start()]);
        out.extend(std::iter::repeat_n(MASK, m.len()));
        at = m.end();
    }
    out.push_str(&src[at..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_syntax_is_masked_to_the_same_length() {
        for src in [
            "Hi {{ticket.requester.first_name}},",
            "Hi {% customer.firstName %},",
            "Hi {!Contact.FirstName},",
            "Hi %{ticket.name},",
            "Hi #{ticket.customer.firstname},",
            "Hi {# calm down #},",
        ] {
            let masked = mask(src);
            assert_eq!(masked.len(), src.len(), "{src}");
            assert!(
                masked.starts_with("Hi \u{1A}") && masked.ends_with("\u{1A},"),
                "{src}"
            );
        }
    }

    #[test]
    fn an_unclosed_placeholder_is_left_for_the_draft_rule() {
        assert_eq!(mask("Hi {{ name,\nthanks"), "Hi {{ name,\nthanks");
    }
}
