//! Bad input, end to end: a tree holding every kind of file a template repository collects
//! (BOMs, UTF-16, CRLF, lone CR, invalid UTF-8, binary and empty files, a multi-megabyte line,
//! broken and looping symbolic links, a file name that is not UTF-8). The tree is built in a
//! temporary folder, because git cannot carry some of it; the test asserts the exact findings,
//! messages and exit codes.

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;
use std::process::Command;

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut bytes = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        bytes.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    bytes
}

fn build_tree(root: &Path) {
    let write = |name: &str, bytes: &[u8]| std::fs::write(root.join(name), bytes).expect("fixture");
    write("bom.txt", b"\xEF\xBB\xBFAgent: Hold on.\r\n");
    write("utf16le.txt", &utf16("Calm down.", false));
    write("utf16be.txt", &utf16("Hi! Calm down.", true));
    write("crlf.txt", b"Hello.\r\nPlease calm\r\ndown.\r\n");
    write("lone-cr.txt", b"Hello.\rHold on.\r");
    write("invalid.txt", b"ok \xFF calm down");
    write("empty.txt", b"");
    write("binary.txt", b"PK\x03\x04\x00\x00calm down");
    let mut long = "x ".repeat(1_000_000);
    long.push_str("calm down");
    write("long-line.txt", long.as_bytes());
    std::fs::write(root.join(OsStr::from_bytes(b"caf\xE9.txt")), b"calm down").expect("fixture");
    std::os::unix::fs::symlink("missing.txt", root.join("broken.txt")).expect("link");
    std::os::unix::fs::symlink("loop-b.txt", root.join("loop-a.txt")).expect("link");
    std::os::unix::fs::symlink("loop-a.txt", root.join("loop-b.txt")).expect("link");
}

fn run(dir: &Path, args: &[&str]) -> (i32, serde_json::Value, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_scriptlint"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("scriptlint runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let json = serde_json::from_str(&stdout).unwrap_or(serde_json::Value::Null);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    (output.status.code().unwrap_or(-1), json, stderr)
}

#[test]
fn every_bad_file_is_read_right_or_reported_and_the_run_goes_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    build_tree(dir.path());
    let (code, json, stderr) = run(
        dir.path(),
        &[
            "check",
            "--no-config",
            "--select",
            "blame",
            "--format",
            "json",
            ".",
        ],
    );
    let found: Vec<(String, usize, usize, usize, usize, usize, usize)> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            let n = |k: &str| d[k].as_u64().expect("number") as usize;
            let path = d["path"].as_str().expect("path").to_string();
            (
                path,
                n("line"),
                n("column"),
                n("end_line"),
                n("end_column"),
                n("byte_start"),
                n("byte_end"),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("bom.txt".into(), 1, 8, 1, 15, 10, 17),
            ("caf\u{FFFD}.txt".into(), 1, 1, 1, 10, 0, 9),
            ("crlf.txt".into(), 2, 8, 3, 5, 15, 25),
            ("invalid.txt".into(), 1, 6, 1, 15, 5, 14),
            ("lone-cr.txt".into(), 2, 1, 2, 8, 7, 14),
            (
                "long-line.txt".into(),
                1,
                2_000_001,
                1,
                2_000_010,
                2_000_000,
                2_000_009
            ),
            ("utf16be.txt".into(), 1, 5, 1, 14, 10, 28),
            ("utf16le.txt".into(), 1, 1, 1, 10, 2, 20),
        ]
    );
    assert_eq!(
        json["files_checked"], 9,
        "binary file skipped, empty file checked"
    );
    assert_eq!(code, 2, "unreadable paths make the exit code 2");
    let mut problems: Vec<&str> = stderr.lines().collect();
    problems.sort();
    assert_eq!(
        problems,
        [
            "scriptlint: ./broken.txt: broken symbolic link (its target does not exist)",
            "scriptlint: ./loop-a.txt: Too many levels of symbolic links (os error 40)",
            "scriptlint: ./loop-b.txt: Too many levels of symbolic links (os error 40)",
        ]
    );
}

#[test]
fn a_binary_file_named_on_the_command_line_gets_a_warning() {
    let dir = tempfile::tempdir().expect("temp dir");
    build_tree(dir.path());
    let (code, json, stderr) = run(
        dir.path(),
        &["check", "--no-config", "--format", "json", "binary.txt"],
    );
    assert_eq!(code, 0);
    assert_eq!(json["files_checked"], 0);
    assert_eq!(
        stderr,
        "scriptlint: warning: binary.txt: binary file, not checked\n"
    );
}

#[test]
fn fixes_are_written_back_in_the_file_encoding() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("utf16.txt");
    std::fs::write(&path, utf16("Kindly reply.\r\n", false)).expect("fixture");
    let (code, _, _) = run(
        dir.path(),
        &[
            "check",
            "--no-config",
            "--select",
            "prefer-please",
            "--fix",
            "utf16.txt",
        ],
    );
    assert_eq!(code, 0);
    assert_eq!(
        std::fs::read(&path).expect("fixed file"),
        utf16("Please reply.\r\n", false)
    );
}
