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

/// The files to check under `paths`, sorted, and the paths that could not be walked. A file
/// named directly is always checked; files found in folders must pass `filter`, `.gitignore`
/// and the usual hidden-file rules, as in ripgrep.
pub fn discover(paths: &[PathBuf], filter: &FileFilter) -> (Vec<PathBuf>, Vec<FileError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.is_file() {
            files.push(path.clone());
            continue;
        }
        if !path.is_dir() {
            errors.push(FileError::new(path, "no such file or folder"));
            continue;
        }
        for entry in WalkBuilder::new(path).build() {
            match entry {
                Ok(e) if e.file_type().is_some_and(|t| t.is_file()) && filter.wants(e.path()) => {
                    // Walking `.` yields `./a.txt`; report `a.txt`, as ripgrep does.
                    let path = e.into_path();
                    let shown = path.strip_prefix(".").map(Path::to_path_buf);
                    files.push(shown.unwrap_or(path));
                }
                Ok(_) => {}
                Err(err) => errors.push(FileError {
                    path: path.display().to_string(),
                    message: err.to_string(),
                }),
            }
        }
    }
    files.sort();
    files.dedup();
    (files, errors)
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
