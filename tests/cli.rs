//! CLI tests: one case per behaviour, each a `tests/cmd/NAME.toml` (arguments, expected exit
//! code, stdout and stderr) run against the real binary by trycmd, with its working folder at
//! `tests/cmd/NAME.in/` when that exists. `TRYCMD=overwrite cargo test --test cli` rewrites
//! the expected output after a deliberate change; review the diff before committing it.
//! trycmd shows every `\` of the output as `/` (it normalises Windows paths), so a JSON `\n`
//! escape reads `/n` in the expected output.

#[test]
fn cli() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}
