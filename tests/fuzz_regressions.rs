//! Replays every input kept under `tests/fuzz-regressions/TARGET/` through the same property its
//! fuzzer checks (`tests/fuzz_cases/mod.rs`), so a bug a fuzzer found stays fixed.

mod fuzz_cases;

use std::path::Path;

fn replay(target: &str, check: impl Fn(&[u8])) {
    let dir = Path::new("tests/fuzz-regressions").join(target);
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("regression folder") {
        let path = entry.expect("entry").path();
        if path.file_name().is_some_and(|n| n == ".keep") {
            continue;
        }
        let bytes = std::fs::read(&path).expect("regression input");
        check(&bytes);
        seen += 1;
    }
    eprintln!("{target}: replayed {seen} inputs");
}

#[test]
fn lint_regressions() {
    replay("lint", fuzz_cases::lint);
}

#[test]
fn phrase_regressions() {
    replay("phrase", |b| {
        if let Ok(s) = std::str::from_utf8(b) {
            fuzz_cases::phrase(s);
        }
    });
}

#[test]
fn pack_regressions() {
    replay("pack", |b| {
        if let Ok(s) = std::str::from_utf8(b) {
            fuzz_cases::pack(s);
        }
    });
}
