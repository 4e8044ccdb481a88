//! Line and column arithmetic shared by every place that turns a byte offset into something a
//! person can find in an editor.

/// The start of every line of a text, so offsets become line/column in O(log lines).
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes `text`. A line ends after `\n`, after `\r\n`, or after a lone `\r`.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            let ends_line = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
            if ends_line {
                starts.push(i + 1);
            }
        }
        LineIndex { starts }
    }

    /// The 0-based line holding byte `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// 1-based line and 1-based column counted in characters, as editors show them.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.line_of(offset);
        let start = self.starts[line];
        let column = text.get(start..offset).map_or(0, |s| s.chars().count());
        (line + 1, column + 1)
    }

    /// Byte range of 0-based `line` without its line ending.
    pub fn line_range(&self, text: &str, line: usize) -> std::ops::Range<usize> {
        let start = self.starts.get(line).copied().unwrap_or(text.len());
        let end = self.starts.get(line + 1).copied().unwrap_or(text.len());
        let content = &text[start..end];
        let trimmed = content.trim_end_matches(['\n', '\r']);
        start..start + trimmed.len()
    }

    /// How many lines the text has.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Whether the text has no lines; never true, as an empty text has one empty line.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }
}

/// Line/column of offsets that mostly ascend, counting characters only from the previous offset
/// on the same line: a multi-megabyte single-line export with thousands of findings stays
/// linear instead of recounting the line for each one.
#[derive(Debug)]
pub struct Cursor<'a> {
    index: &'a LineIndex,
    text: &'a str,
    line: usize,
    offset: usize,
    column: usize,
}

impl<'a> Cursor<'a> {
    /// A cursor at the start of `text`.
    pub fn new(index: &'a LineIndex, text: &'a str) -> Self {
        Cursor {
            index,
            text,
            line: 0,
            offset: 0,
            column: 0,
        }
    }

    /// 1-based line and character column of `offset`, like [`LineIndex::line_col`].
    pub fn line_col(&mut self, offset: usize) -> (usize, usize) {
        let line = self.index.line_of(offset);
        if line != self.line || offset < self.offset {
            self.line = line;
            self.offset = self.index.starts[line];
            self.column = 0;
        }
        self.column += self
            .text
            .get(self.offset..offset)
            .map_or(0, |s| s.chars().count());
        self.offset = offset;
        (line + 1, self.column + 1)
    }
}

/// 1-based line and character column of `offset` in `text`, for one-off messages.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    LineIndex::new(text).line_col(text, offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "a\n“that’s” x";
        let idx = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(idx.line_col(text, x), (2, 10));
    }

    #[test]
    fn cursor_agrees_with_the_index_in_any_order() {
        let text = "a’b c\nd’e’f g\n";
        let idx = LineIndex::new(text);
        let mut cursor = Cursor::new(&idx, text);
        let offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        for &o in offsets.iter().chain(offsets.iter().rev()).chain(&offsets) {
            assert_eq!(cursor.line_col(o), idx.line_col(text, o), "offset {o}");
        }
    }

    #[test]
    fn crlf_and_lone_cr_end_lines() {
        let text = "one\r\ntwo\rthree";
        let idx = LineIndex::new(text);
        assert_eq!(idx.len(), 3);
        assert_eq!(idx.line_col(text, text.find("three").unwrap()), (3, 1));
        assert_eq!(&text[idx.line_range(text, 0)], "one");
        assert_eq!(&text[idx.line_range(text, 1)], "two");
    }
}
