//! Applying safe fixes: pure edits on a file's bytes, and the atomic write that puts them on disk.
//!
//! A fix replaces the matched words with the rule's one suggestion, its case following the
//! original ("That's" gives a capitalised replacement, "THAT'S" an upper-case one). Edits are
//! applied to the file's own bytes in the file's own encoding, so a BOM, UTF-16 and line endings
//! outside the fixed words survive. Overlapping edits are skipped; running `--fix` again finds
//! them, if they still apply.

use std::io::{self, Write};
use std::path::Path;

use serde::Serialize;

use crate::document::source::Encoding;

/// One edit: replace `byte_start..byte_end` of the file with `replacement`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// First byte replaced.
    pub byte_start: usize,
    /// One past the last byte replaced.
    pub byte_end: usize,
    /// The new text.
    pub replacement: String,
}

/// The replacement for `matched`, with its case following the original's.
pub fn follow_case(matched: &str, suggestion: &str) -> String {
    let letters: Vec<char> = matched.chars().filter(|c| c.is_alphabetic()).collect();
    let all_upper = letters.len() > 1 && letters.iter().all(|c| c.is_uppercase());
    if all_upper {
        return suggestion.to_uppercase();
    }
    let starts_upper = matched.chars().next().is_some_and(char::is_uppercase);
    let mut chars = suggestion.chars();
    match chars.next() {
        Some(first) if starts_upper => first.to_uppercase().chain(chars).collect(),
        _ => suggestion.to_string(),
    }
}

/// Applies `fixes` to `bytes`, encoding replacements as `encoding`. Returns the new bytes and how
/// many fixes were applied (overlapping ones are skipped).
pub fn apply(bytes: &[u8], encoding: Encoding, fixes: &[&Fix]) -> (Vec<u8>, usize) {
    let mut sorted: Vec<&Fix> = fixes.to_vec();
    sorted.sort_by_key(|f| (f.byte_start, f.byte_end));
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    let mut applied = 0;
    for fix in sorted {
        if fix.byte_start < at || fix.byte_end > bytes.len() || fix.byte_start > fix.byte_end {
            continue;
        }
        out.extend_from_slice(&bytes[at..fix.byte_start]);
        out.extend(encode(&fix.replacement, encoding));
        at = fix.byte_end;
        applied += 1;
    }
    out.extend_from_slice(&bytes[at..]);
    (out, applied)
}

fn encode(text: &str, encoding: Encoding) -> Vec<u8> {
    match encoding {
        Encoding::Utf8 | Encoding::Utf8Bom => text.as_bytes().to_vec(),
        Encoding::Utf16Le => text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        Encoding::Utf16Be => text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
    }
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, given the original's
/// permissions, then renamed over it. If anything fails the original is untouched.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let permissions = std::fs::metadata(path)?.permissions();
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.as_file().set_permissions(permissions)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(start: usize, end: usize, replacement: &str) -> Fix {
        Fix {
            byte_start: start,
            byte_end: end,
            replacement: replacement.into(),
        }
    }

    #[test]
    fn case_follows_the_original() {
        assert_eq!(follow_case("e-mail", "email"), "email");
        assert_eq!(follow_case("E-mail", "email"), "Email");
        assert_eq!(follow_case("E-MAIL", "email"), "EMAIL");
        assert_eq!(follow_case("Kindly", "please"), "Please");
    }

    #[test]
    fn edits_apply_in_order_and_overlaps_are_skipped() {
        let a = fix(0, 6, "email");
        let b = fix(4, 8, "x");
        let c = fix(8, 14, "email");
        let (out, applied) = apply(b"e-mail, e-mail!", Encoding::Utf8, &[&c, &b, &a]);
        assert_eq!(String::from_utf8(out).unwrap(), "email, email!");
        assert_eq!(applied, 2);
    }

    #[test]
    fn utf16_files_get_utf16_replacements() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("an e-mail".encode_utf16().flat_map(u16::to_le_bytes));
        let (out, _) = apply(&bytes, Encoding::Utf16Le, &[&fix(8, 20, "email")]);
        let mut expected = vec![0xFF, 0xFE];
        expected.extend("an email".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(out, expected);
    }

    #[test]
    fn atomic_write_keeps_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&path, b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
    }

    #[test]
    fn a_failed_rename_leaves_the_target_and_no_temporary_file() {
        // Renaming a file over a non-empty folder fails even for root: a fault we can cause.
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("folder");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("inside.txt"), "kept").unwrap();
        assert!(write_atomically(&target, b"new").is_err());
        assert_eq!(std::fs::read(target.join("inside.txt")).unwrap(), b"kept");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "temporary file removed"
        );
    }
}
