//! HTML email: the text a recipient sees. Tags are removed, `<style>`, `<script>`, `<head>` and
//! comments are skipped, every named and numeric entity is decoded, and block elements become
//! line or paragraph breaks so that paragraphs and speaker lines survive.
//!
//! html5gum (a WHATWG tokenizer) finds the tags with their byte spans; the text between them is
//! taken from the source and its entities decoded one by one with htmlize, so each entity maps
//! back to its own bytes.

use std::ops::Range;
use std::sync::LazyLock;

use html5gum::{DefaultEmitter, Token, Tokenizer};
use regex::Regex;

use crate::document::offsets::{OffsetMap, TextBuilder};

/// Elements whose content is never shown as text.
const HIDDEN: &[&str] = &["style", "script", "head", "title", "template", "noscript"];

/// Elements that end a line.
const LINE_BREAKS: &[&str] = &["br", "tr"];

/// Elements that stand apart as paragraphs.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "hr",
    "section",
    "article",
    "header",
    "footer",
    "pre",
    "dl",
    "dt",
    "dd",
    "td",
    "th",
    "body",
];

static ENTITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
        .unwrap_or_else(|e| unreachable!("entity pattern: {e}"))
});

/// A tag written in capitals with no attributes and no HTML meaning, such as `<NAME>`: a draft
/// placeholder, kept in the text so the draft-marker rule sees it.
pub(super) static DRAFT_TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^<[A-Z][A-Z_]*[A-Z]>$").unwrap_or_else(|e| unreachable!("draft tag: {e}"))
});

/// Reads HTML source into visible text and its offset map.
pub fn read(src: &str) -> (String, OffsetMap) {
    let mut b = TextBuilder::new();
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    // Script and style content is raw text to the tokenizer, as in a browser.
    emitter.naively_switch_states(true);
    let mut pos = 0;
    let mut hidden: Option<Vec<u8>> = None;
    for token in Tokenizer::new_with_emitter(src, emitter) {
        let Ok(token) = token;
        let (span, name, is_start) = match &token {
            Token::StartTag(t) => (t.span.start..t.span.end, t.name.to_vec(), true),
            Token::EndTag(t) => (t.span.start..t.span.end, t.name.to_vec(), false),
            Token::Comment(c) => (c.span.start..c.span.end, Vec::new(), false),
            Token::Doctype(d) => (d.span.start..d.span.end, Vec::new(), false),
            Token::String(_) | Token::Error(_) => continue,
        };
        let span = span.start.min(src.len())..span.end.min(src.len());
        if hidden.is_none() {
            push_text(&mut b, src, pos..span.start.max(pos));
        }
        pos = pos.max(span.end);
        let name = String::from_utf8_lossy(&name).to_ascii_lowercase();
        match &hidden {
            Some(h) if !is_start && h == name.as_bytes() => hidden = None,
            Some(_) => {}
            None if is_start && HIDDEN.contains(&name.as_str()) => hidden = Some(name.into_bytes()),
            None if is_start && DRAFT_TAG.is_match(&src[span.clone()]) => {
                b.verbatim(span.start, &src[span.clone()]);
            }
            None if LINE_BREAKS.contains(&name.as_str()) => b.inserted("\n"),
            None if BLOCKS.contains(&name.as_str()) => b.inserted("\n\n"),
            None => {}
        }
    }
    if hidden.is_none() {
        push_text(&mut b, src, pos..src.len());
    }
    b.finish()
}

/// Appends the text between two tags, each entity decoded and mapped to its own bytes.
fn push_text(b: &mut TextBuilder, src: &str, range: Range<usize>) {
    let text = &src[range.clone()];
    let mut at = 0;
    for m in ENTITY.find_iter(text) {
        b.verbatim(range.start + at, &text[at..m.start()]);
        let decoded = htmlize::unescape(m.as_str());
        let source = range.start + m.start()..range.start + m.end();
        if decoded == m.as_str() {
            b.verbatim(source.start, m.as_str());
        } else {
            b.replaced(source, &decoded);
        }
        at = m.end();
    }
    b.verbatim(range.start + at, &text[at..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_and_inline_tags_read_as_text_with_exact_spans() {
        let src = "<p>Sorry, that&#8217;s <b>our</b> policy.</p>";
        let (text, map) = read(src);
        assert_eq!(text.trim(), "Sorry, that’s our policy.");
        let start = text.find("that").unwrap();
        let end = text.find("policy").unwrap() + "policy".len();
        assert_eq!(
            &src[map.source_range(start..end)],
            "that&#8217;s <b>our</b> policy"
        );
        let apostrophe = text.find('’').unwrap();
        assert_eq!(
            &src[map.source_range(apostrophe..apostrophe + 3)],
            "&#8217;"
        );
    }

    #[test]
    fn style_script_head_and_comments_are_skipped() {
        let src = "<html><head><title>calm down</title><style>.hold-on{}</style></head>\
                   <body><!-- calm down --><script>if (a<b) { calm(); }</script><p>Hello</p></body></html>";
        let (text, _) = read(src);
        assert_eq!(text.trim(), "Hello");
    }

    #[test]
    fn blocks_and_breaks_keep_paragraphs_and_lines() {
        let (text, _) = read("<p>Hi Sam,</p><p>Agent: one<br>Customer: two</p>");
        let paragraphs: Vec<&str> = text
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        assert_eq!(paragraphs, ["Hi Sam,", "Agent: one\nCustomer: two"]);
    }

    #[test]
    fn capitalised_placeholder_tags_stay_visible() {
        let (text, _) = read("<p>Dear <NAME>, thanks &amp; <b>bye</b></p>");
        assert_eq!(text.trim(), "Dear <NAME>, thanks & bye");
    }

    #[test]
    fn named_entities_decode() {
        let (text, _) = read("a&nbsp;b &lsquo;c&rsquo; &copy; &unknown; &amp");
        assert_eq!(text, "a\u{a0}b ‘c’ © &unknown; &");
    }
}
