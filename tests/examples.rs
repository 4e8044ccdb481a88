//! The shipped examples behave as their names say: every `*-good.*` file is clean under the
//! built-in rules, and every `*-bad.*` file has at least one error.

use std::path::{Path, PathBuf};

use scriptlint::document::Format;
use scriptlint::document::speakers::Speakers;
use scriptlint::lint::Linter;
use scriptlint::rules::{RuleSet, builtin};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("examples folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

#[test]
fn good_examples_are_clean_and_bad_ones_are_not() {
    let rules = RuleSet::load(&builtin::sources()).expect("built-in rules load");
    let speakers = Speakers::default();
    let linter = Linter {
        rules: &rules,
        speakers: &speakers,
    };
    let mut all = Vec::new();
    files(Path::new("examples"), &mut all);
    let (mut good, mut bad) = (0, 0);
    for path in all {
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        let bytes = std::fs::read(&path).expect("example");
        let found = linter.lint(&path.display().to_string(), &bytes, Format::of(&path), None);
        if name.ends_with("-good") {
            good += 1;
            assert_eq!(found, [], "{} should be clean", path.display());
        } else if name.ends_with("-bad") {
            bad += 1;
            assert!(
                found
                    .iter()
                    .any(|d| d.severity == scriptlint::rules::Severity::Error),
                "{} should have an error",
                path.display()
            );
        }
    }
    assert!(good >= 3 && bad >= 3, "examples: {good} good, {bad} bad");
}
