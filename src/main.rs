//! The `scriptlint` binary: parse arguments, run, map the outcome to an exit code.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use scriptlint::app::{self, Error, Outcome};
use scriptlint::cli::{Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    if matches!(cli.command, Command::Lsp) {
        // The language server reads and writes stdio itself: hold no lock on it.
        return exit(app::run(cli, &mut std::io::sink(), &mut std::io::stderr()));
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result = app::run(cli, &mut out, &mut std::io::stderr());
    match (result, out.flush()) {
        // A closed pipe (`scriptlint check | head`) is not worth a message.
        (Ok(_), Err(_)) => ExitCode::from(2),
        (result, _) => exit(result),
    }
}

fn exit(result: Result<Outcome, Error>) -> ExitCode {
    match result.map_err(anyhow::Error::from) {
        Ok(outcome) => ExitCode::from(outcome.code()),
        Err(e) if is_broken_pipe(&e) => ExitCode::from(2),
        Err(e) => {
            eprintln!("scriptlint: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
