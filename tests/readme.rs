//! The worked rule in README.md is the pack `tests/cmd/readme-rule.in/acme.toml`, whose examples
//! the CLI case `readme-rule` runs: this keeps the two the same, so the README's example works.

#[test]
fn readme_worked_rule_is_the_tested_pack() {
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    let start = readme
        .find("```toml\n[pack]\nname = \"acme\"")
        .expect("README has the worked acme pack")
        + "```toml\n".len();
    let len = readme[start..].find("```").expect("the block is closed");
    let tested = std::fs::read_to_string("tests/cmd/readme-rule.in/acme.toml").expect("pack");
    assert_eq!(&readme[start..start + len], tested);
}
