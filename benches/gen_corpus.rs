//! Writes the benchmark corpus and its manifest:
//! `cargo run --release --example gen-corpus -- OUT_DIR [--files N] [--megabytes M] [--seed S]`.

#[path = "corpus/mod.rs"]
mod corpus;

use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let mut out: Option<PathBuf> = None;
    let (mut files, mut megabytes, mut seed) = (20_000usize, 98usize, 1u64);
    while let Some(arg) = args.next() {
        let mut number = || args.next().and_then(|v| v.parse().ok());
        match arg.as_str() {
            "--files" => files = number().unwrap_or(files),
            "--megabytes" => megabytes = number().unwrap_or(megabytes),
            "--seed" => seed = number().map_or(seed, |s: usize| s as u64),
            _ => out = Some(PathBuf::from(arg)),
        }
    }
    let Some(out) = out else {
        eprintln!("usage: gen-corpus OUT_DIR [--files N] [--megabytes M] [--seed S]");
        std::process::exit(2);
    };
    let file_size = megabytes * 1_000_000 / files.max(1);
    let mut result = Ok(());
    let manifest = corpus::generate(seed, files, file_size, |path, bytes| {
        let path = out.join("corpus").join(path);
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, bytes));
        if result.is_ok() {
            result = written;
        }
    });
    result?;
    let json = serde_json::to_string_pretty(&manifest).map_err(std::io::Error::other)?;
    std::fs::write(out.join("manifest.json"), json)?;
    eprintln!(
        "wrote {files} files and {} planted phrases to {}",
        manifest.len(),
        out.display()
    );
    Ok(())
}
