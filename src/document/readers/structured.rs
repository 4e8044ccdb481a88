//! YAML and JSON template exports (helpdesk macros, osTicket email templates): every string
//! value is a document of its own, read as HTML when it holds tags and as plain text otherwise.
//! Keys are not text anybody reads, and are skipped. JSON is read by the YAML parser, since JSON
//! is YAML 1.2.
//!
//! The parser gives each value decoded (escapes resolved, block scalars unindented and folded)
//! with its source span; [`align`] walks value and source together to map every character of the
//! value back to its own bytes.

use std::ops::Range;

use saphyr_parser::{Event, Parser};

use super::{Read, html};
use crate::document::offsets::TextBuilder;

/// How far ahead in the source a value's character is looked for before it is taken to come from
/// an escape sequence (`\u2019` is six bytes; indentation and quotes are a few more).
const LOOKAHEAD: usize = 24;

/// Reads every string value of a YAML or JSON document. A file that does not parse yields the
/// values read before the error: a half-written export is still checked as far as it goes.
pub fn read(src: &str) -> Vec<Read> {
    let mut docs = Vec::new();
    let mut chars = CharToByte::new(src);
    // For each open mapping, whether the next scalar is a key.
    let mut in_mapping: Vec<Option<bool>> = Vec::new();
    for event in Parser::new_from_str(src) {
        let Ok((event, span)) = event else { break };
        match event {
            Event::MappingStart(..) => in_mapping.push(Some(true)),
            Event::SequenceStart(..) => in_mapping.push(None),
            Event::MappingEnd | Event::SequenceEnd => {
                in_mapping.pop();
                flip_key(&mut in_mapping);
            }
            Event::Scalar(value, ..) => {
                let is_key = matches!(in_mapping.last(), Some(Some(true)));
                flip_key(&mut in_mapping);
                if is_key || !value.chars().any(char::is_alphabetic) {
                    continue;
                }
                let start = chars.byte(span.start.index());
                let end = chars.byte(span.end.index()).max(start);
                let mut b = TextBuilder::new();
                align(&mut b, src, start..end, &value);
                let (text, map) = b.finish();
                let (text, map) = if looks_like_html(&text) {
                    let (inner, inner_map) = html::read(&text);
                    (inner, inner_map.compose(&map))
                } else {
                    (text, map)
                };
                // A one-line value (a title, a subject) is a fragment, not a whole message.
                let fragment = !text.trim().contains('\n');
                docs.push(Read {
                    text,
                    map,
                    fragment,
                });
            }
            _ => {}
        }
    }
    docs
}

/// After a value inside a mapping, the next scalar is a key again (and after a key, a value).
fn flip_key(in_mapping: &mut [Option<bool>]) {
    if let Some(Some(expect_key)) = in_mapping.last_mut() {
        *expect_key = !*expect_key;
    }
}

fn looks_like_html(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    [
        "<p", "<br", "<div", "<b>", "<strong", "<a ", "<span", "<table", "<html", "</",
    ]
    .iter()
    .any(|tag| lower.contains(tag))
}

/// Appends `value` (decoded from `src[range]`) character by character: a character found at or
/// just after the cursor in the source (past quotes and indentation) maps to its own bytes;
/// whitespace right at the cursor stands for whitespace of the value (a folded line break); a
/// character not found nearby came from an escape and maps to the cursor.
fn align(b: &mut TextBuilder, src: &str, range: Range<usize>, value: &str) {
    let raw = &src[range.clone()];
    let mut at = 0;
    let mut buf = [0u8; 4];
    for c in value.chars() {
        let mut ahead = raw[at..].char_indices().take(LOOKAHEAD);
        let found = ahead.clone().find(|(_, r)| *r == c).or_else(|| {
            ahead
                .next()
                .filter(|(_, r)| c.is_whitespace() && r.is_whitespace())
        });
        match found {
            Some((skip, r)) if r == c => {
                let start = range.start + at + skip;
                b.verbatim(start, &src[start..start + r.len_utf8()]);
                at += skip + r.len_utf8();
            }
            Some((skip, r)) => {
                let start = range.start + at + skip;
                b.replaced(start..start + r.len_utf8(), c.encode_utf8(&mut buf));
                at += skip + r.len_utf8();
            }
            None => {
                // An escape such as `\u2019`: it ends where the next character of the value
                // appears, which is not known yet, so map it to the cursor.
                b.inserted(c.encode_utf8(&mut buf));
            }
        }
    }
}

/// Converts the parser's character indices to byte offsets, moving forward only, so a large
/// export is converted in one pass.
struct CharToByte<'a> {
    src: &'a str,
    char_index: usize,
    byte: usize,
}

impl<'a> CharToByte<'a> {
    fn new(src: &'a str) -> Self {
        CharToByte {
            src,
            char_index: 0,
            byte: 0,
        }
    }

    fn byte(&mut self, char_index: usize) -> usize {
        if char_index < self.char_index {
            self.char_index = 0;
            self.byte = 0;
        }
        let ahead = char_index - self.char_index;
        let skipped: usize = self.src[self.byte..]
            .chars()
            .take(ahead)
            .map(char::len_utf8)
            .sum();
        self.byte += skipped;
        self.char_index = char_index;
        self.byte
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(src: &str) -> Vec<String> {
        read(src)
            .into_iter()
            .map(|r| r.text.trim().to_string())
            .collect()
    }

    #[test]
    fn string_values_are_documents_and_keys_are_not() {
        let src = "subject: Your refund\nbody: |\n  Hi Sam,\n  that's our policy.\ncount: 3\nhold on: x\n";
        assert_eq!(
            values(src),
            ["Your refund", "Hi Sam,\nthat's our policy.", "x"]
        );
    }

    #[test]
    fn block_values_map_to_their_lines() {
        let src = "body: |\n  Hi Sam,\n  that's our\n  policy.\n";
        let docs = read(src);
        let Read { text, map, .. } = &docs[0];
        let start = text.find("that's").unwrap();
        let end = text.find("policy").unwrap() + "policy".len();
        assert_eq!(&src[map.source_range(start..end)], "that's our\n  policy");
    }

    #[test]
    fn json_escapes_map_into_the_string() {
        let src = r#"{"macros": [{"title": "Refund", "body": "Sorry, that\u2019s our policy.\nThanks"}]}"#;
        let docs = read(src);
        let Read { text, map, .. } = docs.iter().find(|r| r.text.contains("policy")).unwrap();
        assert_eq!(text, "Sorry, that’s our policy.\nThanks");
        let start = text.find("that").unwrap();
        let end = text.find("policy").unwrap() + "policy".len();
        assert_eq!(
            &src[map.source_range(start..end)],
            r"that\u2019s our policy"
        );
    }

    #[test]
    fn html_values_are_read_as_html() {
        let src = "body: \"<p>Hi,</p><p>that&#8217;s <b>our</b> policy</p>\"\n";
        let docs = read(src);
        let Read { text, map, .. } = &docs[0];
        let start = text.find("that").unwrap();
        let end = text.find("policy").unwrap() + "policy".len();
        assert_eq!(
            &src[map.source_range(start..end)],
            "that&#8217;s <b>our</b> policy"
        );
    }

    #[test]
    fn one_line_values_are_fragments() {
        let docs = read("subject: Hello\nbody: |\n  Hi,\n  thanks\n");
        let fragments: Vec<bool> = docs.iter().map(|r| r.fragment).collect();
        assert_eq!(fragments, [true, false]);
    }

    #[test]
    fn a_broken_file_keeps_what_was_read() {
        assert_eq!(
            values("a: hello there\nb: \"no end\n  c: [\n"),
            ["hello there"]
        );
    }
}
