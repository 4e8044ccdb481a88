//! Finding the files to check and reading them. This is the only place checked files are read:
//! binary files are recognised here, and every failure becomes a [`FileError`] with its path, so
//! one bad file never stops a run.

use std::path::{Path, PathBuf};

use ignore::WalkBuilder;

use crate::config::FileFilter;
use crate::document::source::is_binary;

/// A path that could not be walked or read, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {message}")]
pub struct FileError {
    /// The path as given or walked.
    pub path: String,
    /// What went wrong.
    pub message: String,
}

impl FileError {
    fn new(path: &Path, message: impl ToString) -> Self {
        FileError {
            path: path.display().to_string(),
            message: message.to_string(),
        }
    }
}

/// A file to check.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Target {
    /// The path as given or walked.
    pub path: PathBuf,
    /// Whether it was named on the command line (a binary file named so gets a warning; one
    /// found in a folder is skipped quietly).
    pub named: bool,
}

/// The files to check under `paths`, sorted, and the paths that could not be walked. A file
/// named directly is always checked; files found in folders must pass `filter`, `.gitignore`
/// and the usual hidden-file rules, as in ripgrep. Symbolic links are not followed (so a link
/// loop cannot trap the walk); a broken one is reported.
pub fn discover(paths: &[PathBuf], filter: &FileFilter) -> (Vec<Target>, Vec<FileError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => walk_folder(path, filter, &mut files, &mut errors),
            Ok(_) => files.push(Target {
                path: path.clone(),
                named: true,
            }),
            Err(e) => errors.push(FileError::new(path, not_found(path, &e))),
        }
    }
    files.sort();
    files.dedup();
    (files, errors)
}

fn walk_folder(
    root: &Path,
    filter: &FileFilter,
    files: &mut Vec<Target>,
    errors: &mut Vec<FileError>,
) {
    for entry in WalkBuilder::new(root).build() {
        let entry = match entry {
            Ok(e) => e,
            Err(err) => {
                errors.push(FileError::new(root, err));
                continue;
            }
        };
        let is_link = entry.path_is_symlink();
        let is_file = entry.file_type().is_some_and(|t| t.is_file());
        if is_link && filter.wants(entry.path()) {
            if let Err(e) = std::fs::metadata(entry.path()) {
                errors.push(FileError::new(entry.path(), not_found(entry.path(), &e)));
            }
        }
        if is_file && filter.wants(entry.path()) {
            // Walking `.` yields `./a.txt`; report `a.txt`, as ripgrep does.
            let path = entry.into_path();
            let shown = path.strip_prefix(".").map(Path::to_path_buf);
            files.push(Target {
                path: shown.unwrap_or(path),
                named: false,
            });
        }
    }
}

/// Why a path cannot be opened, in words: a broken link says so.
fn not_found(path: &Path, e: &std::io::Error) -> String {
    let dangling = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    match (dangling, e.kind()) {
        (true, std::io::ErrorKind::NotFound) => {
            "broken symbolic link (its target does not exist)".into()
        }
        (_, std::io::ErrorKind::NotFound) => "no such file or folder".into(),
        _ => e.to_string(),
    }
}

/// What reading a file gave.
#[derive(Debug)]
pub enum Read {
    /// The file's bytes.
    Text(Vec<u8>),
    /// The file is binary and was not checked.
    Binary,
}

/// Reads one file, recognising binary files.
pub fn read(path: &Path) -> Result<Read, FileError> {
    let bytes = std::fs::read(path).map_err(|e| FileError::new(path, e))?;
    Ok(if is_binary(&bytes) {
        Read::Binary
    } else {
        Read::Text(bytes)
    })
}
