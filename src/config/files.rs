//! Which files a walk checks, and which channel each one is, from `include`, `exclude` and
//! `[[override]]` globs relative to the config file's folder.

use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};

use super::schema::RawOverride;
use crate::document::Format;
use crate::rules::Channel;

/// Include/exclude globs and per-file channels, compiled once.
#[derive(Debug, Clone)]
pub struct FileFilter {
    base: PathBuf,
    include: Option<GlobSet>,
    exclude: GlobSet,
    channels: Vec<(GlobSet, Channel)>,
}

fn globs(patterns: &[String]) -> Result<GlobSet, String> {
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        b.add(Glob::new(p).map_err(|e| format!("invalid glob `{p}`: {e}"))?);
    }
    b.build().map_err(|e| e.to_string())
}

impl FileFilter {
    /// Compiles the globs; `include: None` means every format scriptlint reads.
    pub fn new(
        base: PathBuf,
        include: Option<&[String]>,
        exclude: &[String],
        overrides: &[RawOverride],
    ) -> Result<Self, String> {
        let channels = overrides
            .iter()
            .filter_map(|o| o.channel.map(|c| globs(&o.files).map(|g| (g, c))))
            .collect::<Result<_, _>>()?;
        Ok(FileFilter {
            base: std::path::absolute(&base).unwrap_or(base),
            include: include.map(globs).transpose()?,
            exclude: globs(exclude)?,
            channels,
        })
    }

    /// The path as the globs see it: relative to the config folder where it lies below it.
    fn relative<'p>(&self, path: &'p Path) -> std::borrow::Cow<'p, Path> {
        match std::path::absolute(path) {
            Ok(abs) => match abs.strip_prefix(&self.base) {
                Ok(rel) => rel.to_path_buf().into(),
                Err(_) => path.into(),
            },
            Err(_) => path.into(),
        }
    }

    /// Whether a file found by walking a folder is checked.
    pub fn wants(&self, path: &Path) -> bool {
        let rel = self.relative(path);
        if self.exclude.is_match(&rel) {
            return false;
        }
        match &self.include {
            Some(include) => include.is_match(&rel),
            None => Format::is_known_extension(path),
        }
    }

    /// The channel config gives this file, if any (the last matching override wins).
    pub fn channel(&self, path: &Path) -> Option<Channel> {
        let rel = self.relative(path);
        self.channels
            .iter()
            .rev()
            .find(|(g, _)| g.is_match(&rel))
            .map(|(_, c)| *c)
    }
}
