//! Readers: one per file format, each turning source text into the text a person reads plus an
//! [`OffsetMap`] back to the source. Readers do no I/O; [`Format::of`] picks one by file name.

mod html;
mod markdown;
mod structured;

use std::ops::Range;
use std::path::Path;

use super::offsets::{OffsetMap, TextBuilder};

/// Stands in the read text for something that is not prose but still sits between words (a
/// code span, a placeholder): no phrase matches across it, and no word boundary is lost.
pub const OPAQUE: &str = "\u{FFFC}";

/// One text a reader found in a file.
#[derive(Debug, Clone)]
pub struct Read {
    /// The words a person reads.
    pub text: String,
    /// Offsets in `text` -> offsets in the source the reader was given.
    pub map: OffsetMap,
    /// A one-line string of a template export (a title, a subject): not a whole message, so
    /// courtesies are not required of it.
    pub fragment: bool,
}

impl Read {
    fn whole(text: String, map: OffsetMap) -> Self {
        Read {
            text,
            map,
            fragment: false,
        }
    }
}

/// The formats scriptlint reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text: read as it is.
    Text,
    /// Markdown.
    Markdown,
    /// HTML, including HTML email templates.
    Html,
    /// YAML or JSON exports: every string value is a document.
    Structured,
}

impl Format {
    /// The reader for a file name, by extension; anything unknown is read as plain text.
    pub fn of(path: &Path) -> Format {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("md" | "markdown" | "mdown" | "mkd") => Format::Markdown,
            Some(
                "html" | "htm" | "xhtml" | "liquid" | "hbs" | "handlebars" | "mustache" | "twig"
                | "tmpl" | "j2" | "jinja",
            ) => Format::Html,
            Some("yaml" | "yml" | "json") => Format::Structured,
            _ => Format::Text,
        }
    }

    /// Whether a walked file is one scriptlint reads by default (by its extension).
    pub fn is_known_extension(path: &Path) -> bool {
        const KNOWN: &[&str] = &[
            "txt",
            "text",
            "md",
            "markdown",
            "mdown",
            "mkd",
            "html",
            "htm",
            "xhtml",
            "liquid",
            "hbs",
            "handlebars",
            "mustache",
            "twig",
            "tmpl",
            "j2",
            "jinja",
            "yaml",
            "yml",
            "json",
        ];
        path.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| KNOWN.contains(&e.to_ascii_lowercase().as_str()))
    }

    /// Reads `src` in this format into one or more texts, each with its map back to `src`.
    pub fn read(self, src: &str) -> Vec<Read> {
        let whole = |(text, map)| vec![Read::whole(text, map)];
        match self {
            Format::Text => whole((src.to_string(), OffsetMap::identity(src.len()))),
            Format::Markdown => whole(markdown::read(src)),
            Format::Html => whole(html::read(src)),
            Format::Structured => structured::read(src),
        }
    }
}

/// Appends a parser's text event: verbatim when it is the source's own bytes, else as a
/// replacement for its whole source range (an entity, an escape).
fn push_text(b: &mut TextBuilder, src: &str, range: Range<usize>, text: &str) {
    if src.get(range.clone()) == Some(text) {
        b.verbatim(range.start, text);
    } else {
        b.replaced(range, text);
    }
}
