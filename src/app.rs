//! Runs a parsed command line: cli -> config -> rules, then walk -> document -> check -> report.
//! Output goes to the writers it is given, so tests and `main` decide where it lands.

use std::io::{self, IsTerminal, Read as _, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::cli::{CheckArgs, Cli, ColorChoice, Command, ConfigArgs, ListFormat};
use crate::config::{self, ConfigChoice, ConfigError, Overrides, Settings};
use crate::diagnostic::Diagnostic;
use crate::document::Format;
use crate::lint::Linter;
use crate::report::{self, Report, catalog};
use crate::rules::{PackSource, RuleSet};
use crate::selftest;
use crate::walk::{self, FileError, Read};

/// How a run ended, mapped to the exit code by `main`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Exit 0: nothing that fails the run.
    Clean,
    /// Exit 1: error-level findings, too many warnings, or failing rule examples.
    Findings,
    /// Exit 2: some file could not be read (already reported).
    Incomplete,
}

impl Outcome {
    /// The process exit code.
    pub fn code(self) -> u8 {
        match self {
            Outcome::Clean => 0,
            Outcome::Findings => 1,
            Outcome::Incomplete => 2,
        }
    }
}

/// Why a run could not go on (exit 2).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Config or rule packs are invalid.
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// Writing output or reading stdin failed.
    #[error(transparent)]
    Io(#[from] io::Error),
    /// `explain` named a rule that is not loaded.
    #[error("no rule `{0}` is loaded (see `scriptlint rules`)")]
    UnknownRule(String),
    /// `init` found a config already there.
    #[error("{0} already exists; not overwriting it")]
    ConfigExists(PathBuf),
}

/// Runs `cli`, writing results to `out` and file problems to `err`.
pub fn run(cli: Cli, out: &mut dyn Write, err: &mut dyn Write) -> Result<Outcome, Error> {
    let cwd = std::env::current_dir()?;
    match cli.command {
        Command::Check(args) => check(&args, &cwd, out, err),
        Command::Rules(args) => {
            let settings = settings(&args.config, &cwd)?;
            match args.format {
                ListFormat::Text => catalog::rules_text(&settings.rules, out)?,
                ListFormat::Json => catalog::rules_json(&settings.rules, out)?,
            }
            Ok(Outcome::Clean)
        }
        Command::Explain { id, config } => {
            let settings = settings(&config, &cwd)?;
            let rule = settings.rules.get(&id).ok_or(Error::UnknownRule(id))?;
            catalog::explain(rule, out)?;
            Ok(Outcome::Clean)
        }
        Command::TestRules { files, config } => {
            let settings = settings(&config, &cwd)?;
            let rules = if files.is_empty() {
                settings.rules
            } else {
                let sources = files
                    .iter()
                    .map(|f| pack_source(&cwd.join(f)))
                    .collect::<Result<Vec<_>, _>>()?;
                RuleSet::load(&sources).map_err(ConfigError::from)?
            };
            let (ran, failures) = selftest::run(&rules, &settings.speakers);
            catalog::example_results(ran, &failures, out)?;
            Ok(if failures.is_empty() {
                Outcome::Clean
            } else {
                Outcome::Findings
            })
        }
        Command::Init => {
            let path = cwd.join(config::FILE_NAMES[0]);
            if path.exists() {
                return Err(Error::ConfigExists(path));
            }
            std::fs::write(&path, config::STARTER)?;
            writeln!(out, "wrote {}", path.display())?;
            Ok(Outcome::Clean)
        }
    }
}

fn pack_source(path: &Path) -> Result<PackSource, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
        path: path.display().to_string(),
        source,
    })?;
    Ok(PackSource {
        origin: path.display().to_string(),
        text,
    })
}

fn settings(args: &ConfigArgs, cwd: &Path) -> Result<Settings, ConfigError> {
    let config = match (&args.config, args.no_config) {
        (Some(file), _) => ConfigChoice::File(file.clone()),
        (None, true) => ConfigChoice::Ignore,
        (None, false) => ConfigChoice::Discover,
    };
    config::resolve(
        &Overrides {
            config,
            packs: args.rules.clone(),
            no_builtin: args.no_builtin,
            select: args.select.clone(),
            ignore: args.ignore.clone(),
        },
        cwd,
    )
}

fn set_color(choice: ColorChoice) {
    let on = match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => std::env::var_os("NO_COLOR").is_none() && io::stdout().is_terminal(),
    };
    colored::control::set_override(on);
}

fn check(
    args: &CheckArgs,
    cwd: &Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Outcome, Error> {
    set_color(args.color);
    let settings = settings(&args.config, cwd)?;
    let linter = Linter {
        rules: &settings.rules,
        speakers: &settings.speakers,
    };
    let stdin = Path::new("-");
    let paths: Vec<PathBuf> = args.paths.iter().filter(|p| *p != stdin).cloned().collect();
    let (files, mut errors) = walk::discover(&paths, &settings.files);

    let results: Vec<Result<Option<Vec<Diagnostic>>, FileError>> = files
        .par_iter()
        .map(|path| {
            Ok(match walk::read(path)? {
                Read::Text(bytes) => Some(linter.lint(
                    &path.display().to_string(),
                    &bytes,
                    Format::of(path),
                    settings.files.channel(path),
                )),
                Read::Binary => None,
            })
        })
        .collect();
    let mut report = Report::default();
    for result in results {
        match result {
            Ok(Some(diagnostics)) => {
                report.files_checked += 1;
                report.diagnostics.extend(diagnostics);
            }
            Ok(None) => {}
            Err(e) => errors.push(e),
        }
    }
    if args.paths.iter().any(|p| p == stdin) {
        let mut bytes = Vec::new();
        io::stdin().read_to_end(&mut bytes)?;
        let name = args.stdin_filename.as_deref().unwrap_or(stdin);
        let channel = args
            .stdin_filename
            .as_deref()
            .and_then(|n| settings.files.channel(n));
        report.diagnostics.extend(linter.lint(
            &name.display().to_string(),
            &bytes,
            Format::of(name),
            channel,
        ));
        report.files_checked += 1;
    }
    report.diagnostics.sort_by(|a, b| {
        (&a.path, a.byte_start, a.byte_end, &a.rule).cmp(&(
            &b.path,
            b.byte_start,
            b.byte_end,
            &b.rule,
        ))
    });

    report::write(args.format, &report, out)?;
    for e in &errors {
        writeln!(err, "scriptlint: {e}")?;
    }
    let summary = report.summary();
    let too_many_warnings = args.max_warnings.is_some_and(|max| summary.warnings > max);
    Ok(if !errors.is_empty() {
        Outcome::Incomplete
    } else if summary.errors > 0 || too_many_warnings {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}
