//! The properties the fuzzers check, shared by the fuzz targets in `fuzz/` and by
//! `tests/fuzz_regressions.rs`, which replays every input a fuzzer ever found a bug with.

use std::path::Path;
use std::sync::LazyLock;

use scriptlint::document::Format;
use scriptlint::document::speakers::Speakers;
use scriptlint::lint::Linter;
use scriptlint::rules::{PackSource, RuleSet, builtin, phrase};
use scriptlint::text::LineIndex;

static RULES: LazyLock<RuleSet> =
    LazyLock::new(|| RuleSet::load(&builtin::sources()).expect("built-in rules load"));
static SPEAKERS: LazyLock<Speakers> = LazyLock::new(Speakers::default);

/// File names whose extensions pick each reader; the first input byte chooses one.
const NAMES: &[&str] = &["a.txt", "a.md", "a.html", "a.yaml", "a.json", "a.liquid"];

/// Arbitrary bytes through a reader and the built-in rules: no panic, and every span lies inside
/// the input (on a character boundary when the input is UTF-8).
pub fn lint(data: &[u8]) {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(pick) % NAMES.len()];
    let linter = Linter {
        rules: &RULES,
        speakers: &SPEAKERS,
    };
    let text = std::str::from_utf8(bytes).ok();
    for d in linter.lint(name, bytes, Format::of(Path::new(name)), None) {
        assert!(
            d.byte_start <= d.byte_end && d.byte_end <= bytes.len(),
            "{d:?}"
        );
        assert!(d.line >= 1 && d.column >= 1, "{d:?}");
        assert!((d.end_line, d.end_column) >= (d.line, d.column), "{d:?}");
        if let Some(text) = text {
            assert!(text.is_char_boundary(d.byte_start), "{d:?}");
            assert!(text.is_char_boundary(d.byte_end), "{d:?}");
        }
    }
}

/// Any string typed as a phrase: compiling never panics, and gives a valid regex (or one only
/// too big to build).
pub fn phrase(phrase: &str) {
    if let Ok(source) = phrase::compile(phrase) {
        let compiled = regex::RegexBuilder::new(&source)
            .case_insensitive(true)
            .build();
        if let Err(e) = compiled {
            assert!(
                matches!(e, regex::Error::CompiledTooBig(_)),
                "phrase {phrase:?} gave invalid regex {source:?}: {e}"
            );
        }
    }
}

/// Any text as a rule pack: loading succeeds or fails with a position inside the text.
pub fn pack(text: &str) {
    let source = PackSource {
        origin: "fuzz.toml".into(),
        text: text.into(),
    };
    if let Err(e) = RuleSet::load(&[source]) {
        assert!(e.line >= 1 && e.column >= 1, "{e}");
        // Lines as editors count them: `\n`, `\r\n` or a lone `\r` ends one.
        assert!(e.line <= LineIndex::new(text).len(), "{e}");
    }
}
