//! Runs a parsed command line: cli -> config -> rules, then walk -> document -> check -> report.
//! Output goes to the writers it is given, so tests and `main` decide where it lands.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::CommandFactory;

use crate::baseline::{self, Baseline, BaselineError};
use crate::cli::{CheckArgs, Cli, ColorChoice, Command, ConfigArgs, ListFormat};
use crate::config::{self, ConfigChoice, ConfigError, Overrides, Settings};
use crate::lsp;
use crate::pipeline::{FixMode, collect};
use crate::report::{self, catalog};
use crate::rules::{PackSource, RuleSet};
use crate::selftest;

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
    /// A baseline file is not valid.
    #[error("{0}: {1}")]
    Baseline(PathBuf, BaselineError),
    /// The language server failed.
    #[error(transparent)]
    Lsp(#[from] lsp::LspError),
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
        Command::Baseline {
            file,
            paths,
            config,
        } => {
            let settings = settings(&config, &cwd)?;
            let collected = collect(&paths, None, &settings, FixMode::Report, false)?;
            for e in &collected.errors {
                writeln!(err, "scriptlint: {e}")?;
            }
            std::fs::write(
                cwd.join(&file),
                baseline::to_json(&collected.report.diagnostics),
            )?;
            writeln!(
                out,
                "recorded {} findings in {}",
                collected.report.diagnostics.len(),
                file.display()
            )?;
            Ok(if collected.errors.is_empty() {
                Outcome::Clean
            } else {
                Outcome::Incomplete
            })
        }
        Command::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "scriptlint", out);
            Ok(Outcome::Clean)
        }
        Command::Lsp => {
            // The server owns stdin and stdout; `main` hands it the terminal untouched.
            lsp::run_stdio()?;
            Ok(Outcome::Clean)
        }
        Command::Man => {
            clap_mangen::Man::new(Cli::command()).render(out)?;
            Ok(Outcome::Clean)
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
    let mode = match (args.fix, args.diff) {
        (true, _) => FixMode::Apply,
        (false, true) => FixMode::Diff,
        (false, false) => FixMode::Report,
    };
    let baseline = match &args.baseline {
        Some(file) => {
            let text =
                std::fs::read_to_string(cwd.join(file)).map_err(|source| ConfigError::Read {
                    path: file.display().to_string(),
                    source,
                })?;
            Some(Baseline::from_json(&text).map_err(|e| Error::Baseline(file.clone(), e))?)
        }
        None => None,
    };
    let keep_text = args.format.shows_files();
    let mut collected = collect(
        &args.paths,
        args.stdin_filename.as_deref(),
        &settings,
        mode,
        keep_text,
    )?;
    if let Some(baseline) = &baseline {
        let all = std::mem::take(&mut collected.report.diagnostics);
        collected.report.diagnostics = baseline.new_findings(all);
    }
    let report = &collected.report;
    if mode == FixMode::Diff {
        for diff in &collected.diffs {
            write!(out, "{diff}")?;
        }
    } else if let Some(fixed) = &collected.stdin_fixed {
        // `--fix -` prints the fixed text, as formatters do; the findings go to stderr.
        out.write_all(fixed)?;
        report::write(args.format, report, &settings.rules, err)?;
    } else {
        report::write(args.format, report, &settings.rules, out)?;
    }
    for w in &collected.warnings {
        writeln!(err, "scriptlint: warning: {w}")?;
    }
    for e in &collected.errors {
        writeln!(err, "scriptlint: {e}")?;
    }
    let summary = report.summary();
    let too_many_warnings = args.max_warnings.is_some_and(|max| summary.warnings > max);
    Ok(if !collected.errors.is_empty() {
        Outcome::Incomplete
    } else if mode == FixMode::Diff {
        // Like ruff: with --diff, exit 1 when there is something to fix.
        if collected.diffs.is_empty() {
            Outcome::Clean
        } else {
            Outcome::Findings
        }
    } else if summary.errors > 0 || too_many_warnings {
        Outcome::Findings
    } else {
        Outcome::Clean
    })
}
