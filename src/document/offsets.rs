//! Maps from the text a person reads back to the bytes it came from.
//!
//! Every reader strips or decodes something (markup, entities, a BOM, UTF-16), yet a finding must
//! point at the exact bytes of the original file. A map is a list of pieces: a *verbatim* piece
//! is copied byte for byte, so any offset inside it maps exactly; a *replaced* piece (an entity,
//! a decoded character, a gap a reader inserted) maps as a whole to its source range.

use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    /// Where the piece starts in the read text.
    text: usize,
    /// Where it starts in the source.
    src: usize,
    /// How many source bytes it stands for (for a verbatim piece, also its text length).
    src_len: usize,
    verbatim: bool,
}

/// A map from offsets in read text to offsets in its source.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    pieces: Vec<Piece>,
}

impl OffsetMap {
    /// The map of a text that is its own source.
    pub fn identity(len: usize) -> Self {
        OffsetMap {
            pieces: vec![Piece {
                text: 0,
                src: 0,
                src_len: len,
                verbatim: true,
            }],
        }
    }

    /// The source range of the read-text range `range`. A range that starts or ends inside a
    /// replaced piece grows to cover the whole piece; an empty range stays empty.
    pub fn source_range(&self, range: Range<usize>) -> Range<usize> {
        let start = self.source_start(range.start);
        if range.is_empty() {
            return start..start;
        }
        let end = self.source_end(range.end).max(start);
        start..end
    }

    /// This map (read text -> intermediate text) followed by `outer` (intermediate text ->
    /// source), as one map: for a value of a YAML export that is itself HTML.
    pub fn compose(&self, outer: &OffsetMap) -> OffsetMap {
        let mut pieces = Vec::new();
        for (i, p) in self.pieces.iter().enumerate() {
            let text_end = self.pieces.get(i + 1).map_or(usize::MAX, |n| n.text);
            if !p.verbatim {
                let src = outer.source_range(p.src..p.src + p.src_len);
                pieces.push(Piece {
                    text: p.text,
                    src: src.start,
                    src_len: src.len(),
                    verbatim: false,
                });
                continue;
            }
            // A verbatim run may cross several outer pieces: split it where they change.
            let run = p.src..p.src + p.src_len.min(text_end.saturating_sub(p.text));
            for (j, o) in outer.pieces.iter().enumerate() {
                let o_end = outer.pieces.get(j + 1).map_or(usize::MAX, |n| n.text);
                let (from, to) = (run.start.max(o.text), run.end.min(o_end));
                if from >= to {
                    continue;
                }
                let text = p.text + (from - run.start);
                pieces.push(if o.verbatim {
                    Piece {
                        text,
                        src: o.src + (from - o.text),
                        src_len: to - from,
                        verbatim: true,
                    }
                } else {
                    Piece {
                        text,
                        src: o.src,
                        src_len: o.src_len,
                        verbatim: false,
                    }
                });
            }
        }
        OffsetMap { pieces }
    }

    fn piece_at(&self, offset: usize) -> Option<&Piece> {
        let i = self.pieces.partition_point(|p| p.text <= offset);
        i.checked_sub(1).map(|i| &self.pieces[i])
    }

    fn source_start(&self, offset: usize) -> usize {
        match self.piece_at(offset) {
            Some(p) if p.verbatim => p.src + (offset - p.text).min(p.src_len),
            Some(p) => p.src,
            None => 0,
        }
    }

    fn source_end(&self, offset: usize) -> usize {
        match offset.checked_sub(1).and_then(|last| self.piece_at(last)) {
            Some(p) if p.verbatim => p.src + (offset - p.text).min(p.src_len),
            Some(p) => p.src + p.src_len,
            None => 0,
        }
    }
}

/// Builds read text and its map together, so a reader cannot let them drift apart.
#[derive(Debug, Default)]
pub struct TextBuilder {
    text: String,
    map: OffsetMap,
    /// End of the last source range pushed, where inserted text is anchored.
    src_pos: usize,
}

impl TextBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends `s`, which is the source's own bytes starting at `src_start`.
    pub fn verbatim(&mut self, src_start: usize, s: &str) {
        if s.is_empty() {
            return;
        }
        let text = self.text.len();
        match self.map.pieces.last_mut() {
            Some(last) if last.verbatim && last.src + last.src_len == src_start => {
                last.src_len += s.len();
            }
            _ => self.map.pieces.push(Piece {
                text,
                src: src_start,
                src_len: s.len(),
                verbatim: true,
            }),
        }
        self.text.push_str(s);
        self.src_pos = src_start + s.len();
    }

    /// Appends `s`, which stands for the source bytes `src` (an entity, a decoded character).
    pub fn replaced(&mut self, src: Range<usize>, s: &str) {
        if s.is_empty() {
            self.src_pos = src.end;
            return;
        }
        self.map.pieces.push(Piece {
            text: self.text.len(),
            src: src.start,
            src_len: src.len(),
            verbatim: false,
        });
        self.text.push_str(s);
        self.src_pos = src.end;
    }

    /// Appends `s`, which has no source of its own (a paragraph break between blocks, a space
    /// where a tag was); it maps to the end of what came before.
    pub fn inserted(&mut self, s: &str) {
        let at = self.src_pos;
        self.replaced(at..at, s);
    }

    /// The text built so far.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The finished text and its map.
    pub fn finish(self) -> (String, OffsetMap) {
        (self.text, self.map)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbatim_offsets_map_exactly_around_removed_markup() {
        // "**not my** department" read as "not my department".
        let src = "**not my** department";
        let mut b = TextBuilder::new();
        b.verbatim(2, &src[2..8]);
        b.verbatim(10, &src[10..]);
        let (text, map) = b.finish();
        assert_eq!(text, "not my department");
        let whole = map.source_range(0..text.len());
        assert_eq!(whole, 2..src.len());
        let dept = text.find("department").unwrap();
        assert_eq!(&src[map.source_range(dept..text.len())], "department");
    }

    #[test]
    fn replaced_pieces_map_as_a_whole() {
        // "that&#8217;s" read as "that’s".
        let src = "that&#8217;s";
        let mut b = TextBuilder::new();
        b.verbatim(0, "that");
        b.replaced(4..11, "’");
        b.verbatim(11, "s");
        let (text, map) = b.finish();
        assert_eq!(map.source_range(0..text.len()), 0..src.len());
        assert_eq!(map.source_range(4..7), 4..11);
        assert_eq!(map.source_range(4..4), 4..4);
    }

    #[test]
    fn composed_maps_lead_through_both() {
        // Source `a\u2019b` decoded to "a’b" (outer), then read verbatim from offset 0 (inner).
        let mut outer = TextBuilder::new();
        outer.verbatim(0, "a");
        outer.replaced(1..7, "’");
        outer.verbatim(7, "b");
        let (middle, outer) = outer.finish();
        let mut inner = TextBuilder::new();
        inner.verbatim(0, &middle);
        let (_, inner) = inner.finish();
        let composed = inner.compose(&outer);
        assert_eq!(composed.source_range(0..1), 0..1);
        assert_eq!(composed.source_range(1..4), 1..7);
        assert_eq!(composed.source_range(4..5), 7..8);
        assert_eq!(composed.source_range(0..5), 0..8);
    }

    #[test]
    fn inserted_text_maps_to_where_it_was_inserted() {
        let mut b = TextBuilder::new();
        b.verbatim(0, "ab");
        b.inserted("\n\n");
        b.verbatim(10, "cd");
        let (_, map) = b.finish();
        assert_eq!(map.source_range(2..4), 2..2);
        assert_eq!(map.source_range(4..6), 10..12);
    }
}
