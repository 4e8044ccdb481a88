//! Configuration: find `scriptlint.toml`, merge it with the command line, and compile the result
//! once into [`Settings`]: the rules, the speaker labels and the file filter every file shares.

mod files;
pub mod schema;

use std::io;
use std::path::{Path, PathBuf};

pub use files::FileFilter;
use schema::RawConfig;

use crate::document::speakers::Speakers;
use crate::rules::{LoadError, PackSource, RuleSet, builtin};
use crate::text::line_col;

/// Config file names, in the order they are looked for in each folder.
pub const FILE_NAMES: [&str; 2] = ["scriptlint.toml", ".scriptlint.toml"];

/// Which config file to use.
#[derive(Debug, Clone, Default)]
pub enum ConfigChoice {
    /// Look from the working folder upward.
    #[default]
    Discover,
    /// This file.
    File(PathBuf),
    /// None at all.
    Ignore,
}

/// What the command line adds to or changes in the config.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// Which config file to read.
    pub config: ConfigChoice,
    /// `--rules`: more packs, relative to the working folder.
    pub packs: Vec<PathBuf>,
    /// `--no-builtin`.
    pub no_builtin: bool,
    /// `--select`: keep only these rule ids or pack names.
    pub select: Vec<String>,
    /// `--ignore`: drop these rule ids or pack names.
    pub ignore: Vec<String>,
}

/// Config resolved and compiled, shared by every file of a run.
#[derive(Debug)]
pub struct Settings {
    /// The config file used, if any.
    pub path: Option<PathBuf>,
    /// The rules, after severity overrides, `--select` and `--ignore`.
    pub rules: RuleSet,
    /// Speaker labels.
    pub speakers: Speakers,
    /// Which walked files to check, and their channels.
    pub files: FileFilter,
}

/// A config or pack that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// A file could not be read.
    #[error("{path}: cannot read: {source}")]
    Read {
        /// The file.
        path: String,
        /// Why.
        source: io::Error,
    },
    /// A config file is not valid.
    #[error("{path}:{line}:{column}: {problem}")]
    Invalid {
        /// The file.
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        problem: String,
    },
    /// A command-line option is not valid.
    #[error("{0}")]
    Option(String),
    /// A rule pack is not valid.
    #[error(transparent)]
    Pack(#[from] LoadError),
}

/// The config file that applies in `dir`: the nearest one in it or a folder above it.
pub fn discover(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .flat_map(|d| FILE_NAMES.iter().map(move |n| d.join(n)))
        .find(|p| p.is_file())
}

fn read(path: &Path) -> Result<String, ConfigError> {
    std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
        path: path.display().to_string(),
        source,
    })
}

/// Reads the config the command line points at (or finds one from `cwd`), merges the command
/// line into it, and compiles everything.
pub fn resolve(overrides: &Overrides, cwd: &Path) -> Result<Settings, ConfigError> {
    // Messages name files as the user would type them: relative to the working folder.
    let shown = |p: &Path| p.strip_prefix(cwd).unwrap_or(p).display().to_string();
    let path = match &overrides.config {
        ConfigChoice::Discover => discover(cwd),
        ConfigChoice::File(p) => Some(cwd.join(p)),
        ConfigChoice::Ignore => None,
    };
    let (raw, text) = match &path {
        Some(p) => {
            let text = read(p)?;
            let raw = toml::from_str::<RawConfig>(&text).map_err(|e| {
                let (line, column) = line_col(&text, e.span().map_or(0, |s| s.start));
                ConfigError::Invalid {
                    path: shown(p),
                    line,
                    column,
                    problem: crate::hint::explain_unknown_key(e.message().trim_end()),
                }
            })?;
            (raw, text)
        }
        None => (RawConfig::default(), String::new()),
    };
    let base = path
        .as_deref()
        .and_then(Path::parent)
        .map_or_else(|| cwd.to_path_buf(), Path::to_path_buf);

    let mut sources = Vec::new();
    if raw.builtin.unwrap_or(true) && !overrides.no_builtin {
        sources.extend(builtin::sources());
    }
    let config_packs = raw.packs.iter().flatten().map(|p| base.join(p));
    let cli_packs = overrides.packs.iter().map(|p| cwd.join(p));
    for pack in config_packs.chain(cli_packs) {
        sources.push(PackSource {
            origin: shown(&pack),
            text: read(&pack)?,
        });
    }
    let rules = RuleSet::load(&sources)?;

    let config_path = path.as_deref().map(shown).unwrap_or_default();
    let invalid = |span: std::ops::Range<usize>, problem: String| {
        let (line, column) = line_col(&text, span.start);
        ConfigError::Invalid {
            path: config_path.clone(),
            line,
            column,
            problem,
        }
    };
    let severities = raw.severity.unwrap_or_default();
    for id in severities.keys() {
        if rules.get(id.get_ref()).is_none() {
            return Err(invalid(
                id.span(),
                format!(
                    "[severity] names `{}`, which is not a loaded rule",
                    id.get_ref()
                ),
            ));
        }
    }
    for name in overrides.select.iter().chain(&overrides.ignore) {
        let known = rules.get(name).is_some() || rules.rules().iter().any(|r| &r.pack == name);
        if !known {
            return Err(ConfigError::Option(format!(
                "`{name}` is neither a loaded rule nor a pack{} (see `scriptlint rules`)",
                rule_hint(&rules, name)
            )));
        }
    }
    let named =
        |list: &[String], r: &crate::rules::Rule| list.iter().any(|n| *n == r.id || *n == r.pack);
    let rules = rules.retain_with_severity(|r| {
        let selected = overrides.select.is_empty() || named(&overrides.select, r);
        if !selected || named(&overrides.ignore, r) {
            return None;
        }
        match severities.iter().find(|(id, _)| id.get_ref() == &r.id) {
            Some((_, level)) => level.severity(),
            None => Some(r.severity),
        }
    });

    let speakers = raw.speakers.unwrap_or_default();
    let speakers = Speakers::new(speakers.agent.as_deref(), speakers.customer.as_deref());
    let files = FileFilter::new(
        base,
        raw.include.as_deref(),
        raw.exclude.as_deref().unwrap_or_default(),
        raw.overrides.as_deref().unwrap_or_default(),
    )
    .map_err(|problem| invalid(0..0, problem))?;

    Ok(Settings {
        path,
        rules,
        speakers,
        files,
    })
}

/// " (did you mean `x`?)" for a name that is close to a loaded rule id, else nothing.
fn rule_hint(rules: &RuleSet, name: &str) -> String {
    rules
        .closest_id(name)
        .map(|best| format!(" (did you mean `{best}`?)"))
        .unwrap_or_default()
}

/// What `scriptlint init` writes: every setting, at its default, with a comment saying what it
/// does.
pub const STARTER: &str = r#"# scriptlint configuration. Every setting is optional; these are the defaults.
# Reference: README.md, "Configuration".

# Load the built-in rule packs (refusals, blame, form letters, courtesy).
builtin = true

# Your own rule packs, relative to this file.
packs = []

# Files to check when walking folders (default: every format scriptlint reads),
# and files never to check.
# include = ["**/*.md", "**/*.txt"]
exclude = []

# Change a rule's severity, or turn it off: error | warning | info | off
[severity]
# no-problem = "off"

# Labels that open a speaker turn in call scripts.
[speakers]
agent = ["Agent", "Rep", "CSR", "Advisor"]
customer = ["Customer", "Caller", "Client"]

# Settings for some files only.
# [[override]]
# files = ["calls/**"]
# channel = "call"
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_starter_config_is_valid_and_changes_nothing() {
        let dir = std::env::temp_dir().join(format!("scriptlint-starter-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(FILE_NAMES[0]), STARTER).unwrap();
        let with = resolve(&Overrides::default(), &dir).unwrap();
        let without = resolve(
            &Overrides {
                config: ConfigChoice::Ignore,
                ..Overrides::default()
            },
            &dir,
        )
        .unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(with.path, Some(dir.join(FILE_NAMES[0])));
        let ids = |s: &Settings| {
            s.rules
                .rules()
                .iter()
                .map(|r| r.id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&with), ids(&without));
    }
}
