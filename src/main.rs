//! The `scriptlint` binary: parse arguments, run, map the outcome to an exit code.

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use scriptlint::app;
use scriptlint::cli::Cli;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result = app::run(cli, &mut out, &mut std::io::stderr()).map_err(anyhow::Error::from);
    let flushed = out.flush();
    match result {
        Ok(outcome) => ExitCode::from(outcome.code()),
        // A closed pipe (`scriptlint check | head`) is not a failure worth a message.
        Err(e) if is_broken_pipe(&e) || flushed.is_err() => ExitCode::from(2),
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
