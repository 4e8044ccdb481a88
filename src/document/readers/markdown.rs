//! Markdown: the text a reader of the rendered page sees. Code blocks, code spans, raw HTML and
//! front matter are skipped; emphasis, links and other inline markup are removed so that
//! `**not my** department` reads as one phrase.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::document::offsets::{OffsetMap, TextBuilder};

use super::html::DRAFT_TAG;
use super::{OPAQUE, push_text};

/// Reads Markdown source into plain text and its offset map.
pub fn read(src: &str) -> (String, OffsetMap) {
    let options = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES;
    let mut b = TextBuilder::new();
    let mut skipping = 0usize;
    for (event, range) in Parser::new_ext(src, options).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_) | Tag::MetadataBlock(_)) => skipping += 1,
            Event::End(TagEnd::CodeBlock | TagEnd::MetadataBlock(_)) => {
                skipping = skipping.saturating_sub(1);
                b.inserted("\n\n");
            }
            _ if skipping > 0 => {}
            Event::Text(text) => push_text(&mut b, src, range, &text),
            // A code span is not prose, but it is still something between the words around it.
            Event::Code(_) => b.replaced(range, OPAQUE),
            Event::SoftBreak | Event::HardBreak => b.replaced(range, "\n"),
            // `<NAME>` is a draft placeholder, not markup: keep it for the draft-marker rule.
            Event::InlineHtml(html) if DRAFT_TAG.is_match(&html) => {
                push_text(&mut b, src, range, &html);
            }
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::TableCell
                | TagEnd::TableRow
                | TagEnd::TableHead
                | TagEnd::FootnoteDefinition,
            )
            | Event::Rule => b.inserted("\n\n"),
            _ => {}
        }
    }
    b.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(src: &str) -> String {
        read(src).0
    }

    #[test]
    fn inline_markup_is_removed_so_phrases_join() {
        assert_eq!(
            text("that is **not my** department").trim(),
            "that is not my department"
        );
        assert_eq!(
            text("see [our *policy*](https://x.test)").trim(),
            "see our policy"
        );
    }

    #[test]
    fn code_and_front_matter_are_skipped() {
        let src =
            "---\ntitle: calm down\n---\n\nHello\n\n```\nhold on\n```\n\nuse `hold on` here\n";
        let t = text(src);
        assert!(!t.contains("calm down"), "{t:?}");
        assert!(!t.contains("hold on"), "{t:?}");
        assert!(t.contains("Hello"));
    }

    #[test]
    fn offsets_lead_back_to_the_source() {
        let src = "# Title\n\nSorry, that’s **our policy**.\n";
        let (t, map) = read(src);
        let start = t.find("that’s").unwrap();
        let end = t.find("policy").unwrap() + "policy".len();
        assert_eq!(&src[map.source_range(start..end)], "that’s **our policy");
    }

    #[test]
    fn capitalised_placeholder_tags_stay_visible() {
        assert_eq!(
            text("Dear <NAME>, <b>thanks</b>").trim(),
            "Dear <NAME>, thanks"
        );
    }

    #[test]
    fn lines_of_a_paragraph_stay_lines() {
        let t = text("**Agent:** Hello\n**Customer:** Hi\n");
        assert_eq!(t.trim(), "Agent: Hello\nCustomer: Hi");
    }
}
