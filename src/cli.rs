//! The command line, as clap definitions only; [`crate::app`] runs what is parsed.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::report::OutputFormat;

/// A linter for customer-service language: call scripts, chat macros, canned replies and email
/// templates.
#[derive(Debug, Parser)]
#[command(name = "scriptlint", version, about, long_about = None)]
#[command(
    after_help = "Exit codes: 0 no error-level finding; 1 error-level findings (or more warnings than --max-warnings); 2 usage, config or I/O failure."
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check scripts and templates (PATH `-` reads stdin).
    Check(CheckArgs),
    /// List the loaded rules.
    Rules(RulesArgs),
    /// Explain why a rule exists, with examples and how to fix it.
    Explain {
        /// The rule id.
        id: String,
        /// Where the rules come from.
        #[command(flatten)]
        config: ConfigArgs,
    },
    /// Run every rule's own good and bad examples.
    TestRules {
        /// Rule packs to test (default: every loaded pack).
        files: Vec<PathBuf>,
        /// Where the rules come from, when no FILE is given.
        #[command(flatten)]
        config: ConfigArgs,
    },
    /// Write a starter scriptlint.toml in the current folder.
    Init,
    /// Record today's findings in FILE, so `check --baseline FILE` reports only new ones.
    Baseline {
        /// The baseline file to write.
        file: PathBuf,
        /// Files or folders to check.
        #[arg(default_value = ".")]
        paths: Vec<PathBuf>,
        /// Where the rules come from.
        #[command(flatten)]
        config: ConfigArgs,
    },
    /// Print a shell completion script.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    Man,
    /// Run the language server on stdin/stdout (for editors).
    Lsp,
}

/// Options that choose the config and the rules.
#[derive(Debug, Clone, Default, Args)]
pub struct ConfigArgs {
    /// Use this config file instead of searching for scriptlint.toml.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Ignore any scriptlint.toml.
    #[arg(long)]
    pub no_config: bool,
    /// Add a rule pack (repeatable).
    #[arg(long = "rules", value_name = "FILE")]
    pub rules: Vec<PathBuf>,
    /// Drop the built-in rule packs.
    #[arg(long)]
    pub no_builtin: bool,
    /// Check only these rules or packs.
    #[arg(long, value_name = "ID,...", value_delimiter = ',')]
    pub select: Vec<String>,
    /// Skip these rules or packs.
    #[arg(long, value_name = "ID,...", value_delimiter = ',')]
    pub ignore: Vec<String>,
}

/// `scriptlint check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or folders to check; `-` reads stdin.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: OutputFormat,
    /// Where the rules come from.
    #[command(flatten)]
    pub config: ConfigArgs,
    /// The path to report for stdin, which also picks its reader.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<PathBuf>,
    /// Apply safe fixes in place (for stdin: print the fixed text).
    #[arg(long, conflicts_with = "diff")]
    pub fix: bool,
    /// Print the safe fixes as a unified diff; change nothing.
    #[arg(long)]
    pub diff: bool,
    /// Report only findings that are not in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Fail (exit 1) when there are more warnings than this.
    #[arg(long, value_name = "N")]
    pub max_warnings: Option<usize>,
    /// When to use colour.
    #[arg(long, value_enum, default_value_t)]
    pub color: ColorChoice,
}

/// `scriptlint rules`.
#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: ListFormat,
    /// Where the rules come from.
    #[command(flatten)]
    pub config: ConfigArgs,
}

/// Formats of `scriptlint rules`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ListFormat {
    /// A table.
    #[default]
    Text,
    /// A JSON array.
    Json,
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal and NO_COLOR is unset.
    #[default]
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}
