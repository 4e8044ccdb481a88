//! The checking pipeline shared by `check` and `baseline`: walk the paths, read each file, lint
//! it and, when asked, fix it, on all cores; then gather the findings in path order.

use std::io::{self, Read as _};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::Settings;
use crate::diagnostic::Diagnostic;
use crate::document::{Format, source};
use crate::fix::{self, Fix};
use crate::lint::Linter;
use crate::report::Report;
use crate::rules::Channel;
use crate::walk::{self, FileError, Read};

/// What `check` does with safe fixes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixMode {
    /// Report them.
    Report,
    /// Apply them.
    Apply,
    /// Show them as a diff.
    Diff,
}

/// One file after checking (and fixing).
pub struct Checked {
    pub diagnostics: Vec<Diagnostic>,
    /// The unified diff of its fixes, with `--diff`.
    pub diff: Option<String>,
    /// The file's new bytes, when fixes changed it.
    pub fixed_bytes: Option<Vec<u8>>,
    /// How many fixes were applied.
    pub fixed: usize,
    /// The decoded text (after fixes), when the output format shows whole files.
    pub text: Option<String>,
}

/// Lints one file's bytes and, unless only reporting, applies its safe fixes and lints the
/// result again, so the findings reported are the ones that remain.
pub fn check_bytes(
    linter: &Linter,
    label: &str,
    bytes: &[u8],
    format: Format,
    channel: Option<Channel>,
    mode: FixMode,
) -> Checked {
    let diagnostics = linter.lint(label, bytes, format, channel);
    let fixes: Vec<&Fix> = diagnostics.iter().filter_map(|d| d.fix.as_ref()).collect();
    if mode == FixMode::Report || fixes.is_empty() {
        return Checked {
            diagnostics,
            diff: None,
            fixed_bytes: None,
            fixed: 0,
            text: None,
        };
    }
    let (new, fixed) = fix::apply(bytes, source::encoding_of(bytes), &fixes);
    let (diagnostics, diff) = match mode {
        FixMode::Apply => (linter.lint(label, &new, format, channel), None),
        FixMode::Report | FixMode::Diff => (diagnostics, Some(unified_diff(label, bytes, &new))),
    };
    Checked {
        diagnostics,
        diff,
        fixed_bytes: Some(new),
        fixed,
        text: None,
    }
}

/// A unified diff of a file's fixes.
fn unified_diff(label: &str, old: &[u8], new: &[u8]) -> String {
    let (old, new) = (source::decode(old).text, source::decode(new).text);
    similar::TextDiff::from_lines(&old, &new)
        .unified_diff()
        .header(&format!("a/{label}"), &format!("b/{label}"))
        .to_string()
}

/// Everything `check` and `baseline` learn from the files.
pub struct Collected {
    /// The findings.
    pub report: Report,
    /// Paths that could not be walked, read or written.
    pub errors: Vec<FileError>,
    /// Files skipped for a reason worth a word, but not a failure (a binary file named).
    pub warnings: Vec<FileError>,
    /// Unified diffs of the fixes, with `--diff`.
    pub diffs: Vec<String>,
    /// The fixed text of stdin, for `--fix -`.
    pub stdin_fixed: Option<Vec<u8>>,
}

/// Walks, reads, lints (and fixes) every path; stdin when a path is `-`.
pub fn collect(
    paths: &[PathBuf],
    stdin_filename: Option<&Path>,
    settings: &Settings,
    mode: FixMode,
    keep_text: bool,
) -> io::Result<Collected> {
    // The text the findings point into: the fixed bytes after `--fix`, else the file's own.
    let text_of = |bytes: &[u8], checked: &Checked| {
        let shown = match (mode, &checked.fixed_bytes) {
            (FixMode::Apply, Some(fixed)) => fixed.as_slice(),
            _ => bytes,
        };
        keep_text.then(|| source::decode(shown).text)
    };
    let linter = Linter {
        rules: &settings.rules,
        speakers: &settings.speakers,
    };
    let stdin = Path::new("-");
    let on_disk: Vec<PathBuf> = paths.iter().filter(|p| *p != stdin).cloned().collect();
    let (files, mut errors) = walk::discover(&on_disk, &settings.files);
    let mut warnings = Vec::new();
    // `Ok(None)`: a binary file, skipped (with a warning when it was named).
    let results: Vec<Result<Option<(String, Checked)>, FileError>> = files
        .par_iter()
        .map(|target| {
            let path = &target.path;
            let Read::Text(bytes) = walk::read(path)? else {
                return Ok(None);
            };
            let label = path.display().to_string();
            let channel = settings.files.channel(path);
            let mut checked = check_bytes(&linter, &label, &bytes, Format::of(path), channel, mode);
            checked.text = text_of(&bytes, &checked);
            if let (Some(new), FixMode::Apply) = (&checked.fixed_bytes, mode) {
                fix::write_atomically(path, new).map_err(|e| FileError {
                    path: label.clone(),
                    message: format!("could not write the fixes, file left as it was: {e}"),
                })?;
            }
            Ok(Some((label, checked)))
        })
        .collect();
    let mut collected = Collected {
        report: Report::default(),
        errors: Vec::new(),
        warnings: Vec::new(),
        diffs: Vec::new(),
        stdin_fixed: None,
    };
    let add = |label: String, checked: Checked, collected: &mut Collected| {
        if let Some(text) = checked.text {
            collected.report.sources.push((label.clone(), text));
        }
        collected.report.paths.push(label);
        collected.report.diagnostics.extend(checked.diagnostics);
        collected.report.fixed += checked.fixed;
        collected.diffs.extend(checked.diff);
    };
    for (result, target) in results.into_iter().zip(&files) {
        match result {
            Ok(Some((label, checked))) => add(label, checked, &mut collected),
            Ok(None) if target.named => warnings.push(FileError {
                path: target.path.display().to_string(),
                message: "binary file, not checked".into(),
            }),
            Ok(None) => {}
            Err(e) => errors.push(e),
        }
    }
    if paths.iter().any(|p| p == stdin) {
        let mut bytes = Vec::new();
        io::stdin().read_to_end(&mut bytes)?;
        let name = stdin_filename.unwrap_or(stdin);
        let label = name.display().to_string();
        let channel = stdin_filename.and_then(|n| settings.files.channel(n));
        let mut checked = check_bytes(&linter, &label, &bytes, Format::of(name), channel, mode);
        checked.text = text_of(&bytes, &checked);
        if mode == FixMode::Apply {
            collected.stdin_fixed = Some(checked.fixed_bytes.take().unwrap_or(bytes));
        }
        add(label, checked, &mut collected);
    }
    collected.report.diagnostics.sort_by(|a, b| {
        (&a.path, a.byte_start, a.byte_end, &a.rule).cmp(&(
            &b.path,
            b.byte_start,
            b.byte_end,
            &b.rule,
        ))
    });
    collected.report.paths.sort();
    collected.report.sources.sort();
    collected.errors = errors;
    collected.warnings = warnings;
    Ok(collected)
}
