//! `scriptlint.toml` as written: every field optional, so a config file and the command line can
//! be merged field by field before anything is compiled.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::rules::{Channel, Severity};

/// The raw config file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawConfig {
    /// Whether the built-in packs are loaded (default true).
    pub builtin: Option<bool>,
    /// Extra rule packs, relative to the config file.
    pub packs: Option<Vec<String>>,
    /// Globs of files to check when walking folders.
    pub include: Option<Vec<String>>,
    /// Globs of files never to check when walking folders.
    pub exclude: Option<Vec<String>>,
    /// Per-rule severity, or `off`.
    pub severity: Option<BTreeMap<Spanned<String>, Level>>,
    /// Speaker labels for call scripts.
    pub speakers: Option<RawSpeakers>,
    /// Settings for some files only.
    #[serde(rename = "override")]
    pub overrides: Option<Vec<RawOverride>>,
}

/// A severity set in config, where `off` turns a rule off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    /// Turn the rule off.
    Off,
    /// Info.
    Info,
    /// Warning.
    Warning,
    /// Error.
    Error,
}

impl Level {
    /// The severity, or `None` for `off`.
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Off => None,
            Level::Info => Some(Severity::Info),
            Level::Warning => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }
}

/// `[speakers]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSpeakers {
    /// Labels of agent turns.
    pub agent: Option<Vec<String>>,
    /// Labels of customer turns.
    pub customer: Option<Vec<String>>,
}

/// One `[[override]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOverride {
    /// Globs of the files it applies to, relative to the config file.
    pub files: Vec<String>,
    /// The channel of those files.
    pub channel: Option<Channel>,
}
