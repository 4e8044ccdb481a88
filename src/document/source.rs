//! Bytes to text, once, where files are read: BOMs, UTF-16 and invalid bytes are dealt with here
//! so that every reader sees a plain `&str`, and the map leads back to the file's own bytes.

use super::offsets::{OffsetMap, TextBuilder};

/// How a file's text was encoded; kept so a fix can be written back the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 without a BOM (invalid bytes, if any, were read as U+FFFD).
    Utf8,
    /// UTF-8 after a byte-order mark.
    Utf8Bom,
    /// UTF-16 little-endian after a BOM.
    Utf16Le,
    /// UTF-16 big-endian after a BOM.
    Utf16Be,
}

/// A file's decoded text and the map from it back to the file's bytes.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text, without BOM.
    pub text: String,
    /// Decoded offsets -> file byte offsets.
    pub map: OffsetMap,
    /// The encoding found.
    pub encoding: Encoding,
}

/// The encoding of a file, from its byte-order mark.
pub fn encoding_of(bytes: &[u8]) -> Encoding {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        Encoding::Utf8Bom
    } else if bytes.starts_with(b"\xFF\xFE") {
        Encoding::Utf16Le
    } else if bytes.starts_with(b"\xFE\xFF") {
        Encoding::Utf16Be
    } else {
        Encoding::Utf8
    }
}

/// Decodes a file. Never fails: bytes that are not valid text become U+FFFD.
pub fn decode(bytes: &[u8]) -> Decoded {
    match encoding_of(bytes) {
        Encoding::Utf8Bom => utf8(&bytes[3..], 3, Encoding::Utf8Bom),
        Encoding::Utf16Le => utf16(bytes, u16::from_le_bytes, Encoding::Utf16Le),
        Encoding::Utf16Be => utf16(bytes, u16::from_be_bytes, Encoding::Utf16Be),
        Encoding::Utf8 => utf8(bytes, 0, Encoding::Utf8),
    }
}

/// Whether a file looks binary: a NUL byte near its start, as ripgrep and git judge it. UTF-16
/// text (which is full of NULs) is recognised by its BOM first.
pub fn is_binary(bytes: &[u8]) -> bool {
    let is_utf16 = bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF");
    !is_utf16 && bytes.iter().take(8192).any(|&b| b == 0)
}

fn utf8(bytes: &[u8], base: usize, encoding: Encoding) -> Decoded {
    if let Ok(text) = std::str::from_utf8(bytes) {
        let mut b = TextBuilder::new();
        b.verbatim(base, text);
        let (text, map) = b.finish();
        let map = if base == 0 {
            OffsetMap::identity(text.len())
        } else {
            map
        };
        return Decoded {
            text,
            map,
            encoding,
        };
    }
    let mut b = TextBuilder::new();
    let mut at = base;
    for chunk in bytes.utf8_chunks() {
        b.verbatim(at, chunk.valid());
        at += chunk.valid().len();
        let invalid = chunk.invalid().len();
        if invalid > 0 {
            b.replaced(at..at + invalid, "\u{FFFD}");
            at += invalid;
        }
    }
    let (text, map) = b.finish();
    Decoded {
        text,
        map,
        encoding,
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, encoding: Encoding) -> Decoded {
    let units = bytes[2..].chunks(2).map(|pair| match pair {
        [a, b] => unit([*a, *b]),
        _ => 0xFFFD,
    });
    let mut b = TextBuilder::new();
    let mut at = 2;
    let mut buf = [0u8; 4];
    for c in char::decode_utf16(units) {
        let (c, width) = match c {
            Ok(c) => (c, c.len_utf16() * 2),
            Err(_) => ('\u{FFFD}', 2),
        };
        let end = (at + width).min(bytes.len());
        b.replaced(at..end, c.encode_utf8(&mut buf));
        at = end;
    }
    let (text, map) = b.finish();
    Decoded {
        text,
        map,
        encoding,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_dropped_and_offsets_still_point_at_file_bytes() {
        let d = decode(b"\xEF\xBB\xBFhold on");
        assert_eq!(d.text, "hold on");
        assert_eq!(d.encoding, Encoding::Utf8Bom);
        assert_eq!(d.map.source_range(5..7), 8..10);
    }

    #[test]
    fn utf16_is_decoded_with_true_byte_offsets() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("a’b".encode_utf16().flat_map(u16::to_le_bytes));
        let d = decode(&bytes);
        assert_eq!(d.text, "a’b");
        assert_eq!(d.encoding, Encoding::Utf16Le);
        let b = d.text.find('b').unwrap();
        assert_eq!(d.map.source_range(b..b + 1), 6..8);
        assert!(!is_binary(&bytes));
    }

    #[test]
    fn invalid_bytes_become_replacement_characters_in_place() {
        let d = decode(b"ok \xFF hold on");
        assert_eq!(d.text, "ok \u{FFFD} hold on");
        let h = d.text.find("hold").unwrap();
        assert_eq!(d.map.source_range(h..h + 4), 5..9);
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert!(is_binary(b"PK\x03\x04\x00\x00"));
        assert!(!is_binary(b"plain text"));
    }
}
