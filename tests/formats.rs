//! Output formats checked by their consumers' rules: SARIF against the official OASIS schema,
//! and stdin giving exactly what the same file gives.

use std::io::Write;
use std::process::{Command, Stdio};

fn scriptlint(args: &[&str], stdin: Option<&[u8]>) -> (i32, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_scriptlint"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("scriptlint runs");
    let mut input = child.stdin.take().expect("stdin");
    input
        .write_all(stdin.unwrap_or_default())
        .expect("stdin written");
    drop(input);
    let output = child.wait_with_output().expect("scriptlint ends");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 output");
    (output.status.code().unwrap_or(-1), stdout)
}

#[test]
fn sarif_output_validates_against_the_official_schema() {
    let (code, stdout) = scriptlint(
        &["check", "--no-config", "--format", "sarif", "examples"],
        None,
    );
    assert_eq!(code, 1, "examples hold errors");
    let log: serde_json::Value = serde_json::from_str(&stdout).expect("SARIF is JSON");
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string("tests/fixtures/sarif-schema-2.1.0.json").expect("schema"),
    )
    .expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let errors: Vec<String> = validator.iter_errors(&log).map(|e| e.to_string()).collect();
    assert_eq!(errors, Vec::<String>::new());
    let results = log["runs"][0]["results"].as_array().expect("results");
    assert!(results.len() > 20, "every finding is a result");
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules");
    assert!(
        rules.iter().all(|r| r["help"]["text"].is_string()),
        "help from `why`"
    );
}

#[test]
fn stdin_gives_exactly_what_the_file_gives() {
    for path in [
        "examples/emails/refund-refused-bad.html",
        "examples/exports/macros-bad.json",
        "examples/calls/refund-bad.txt",
        "examples/emails/shipping-delay-bad.md",
    ] {
        let bytes = std::fs::read(path).expect("example");
        let from_file = scriptlint(&["check", "--no-config", "--format", "json", path], None);
        let from_stdin = scriptlint(
            &[
                "check",
                "--no-config",
                "--format",
                "json",
                "-",
                "--stdin-filename",
                path,
            ],
            Some(&bytes),
        );
        assert_eq!(from_file, from_stdin, "{path}");
    }
}
