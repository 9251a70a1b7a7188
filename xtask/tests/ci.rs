//! `.ci/run`, which CI runs on a clean clone, runs README's test command, and fixes the property
//! tests' seed before it, as README says.

mod common;

use std::fs;

use common::workspace_root;

/// The commands of README's block under "The two commands", one a line, comments dropped.
fn readme_commands() -> Vec<String> {
    let readme = fs::read_to_string(workspace_root().join("README.md")).unwrap();
    let section = readme.split("## The two commands").nth(1).expect("README's two commands");
    let block = section.split("```sh\n").nth(1).and_then(|rest| rest.split("```").next());
    let block = block.expect("a sh block under the two commands");
    block.lines().map(|line| line.split('#').next().unwrap().trim().to_owned()).collect()
}

#[test]
fn ci_runs_the_readmes_test_command_with_the_property_tests_seed_fixed() {
    let script = fs::read_to_string(workspace_root().join(".ci/run")).unwrap();
    let commands = readme_commands();
    let test = commands.iter().find(|command| command.starts_with("cargo test")).unwrap();
    let lines: Vec<&str> = script.lines().map(str::trim).collect();
    let runs_test = lines.iter().position(|line| line == test);
    let runs_test = runs_test.unwrap_or_else(|| panic!("`.ci/run` must run `{test}`"));
    let seed = lines.iter().position(|line| line.starts_with("export PROPTEST_RNG_SEED="));
    let seed = seed.expect("`.ci/run` must export PROPTEST_RNG_SEED");
    assert!(seed < runs_test, "the seed must be fixed before `{test}` runs");
    // As proptest reads it: a `u64` where the environment does not set it otherwise.
    let default = lines[seed].split(":-").nth(1).and_then(|rest| rest.strip_suffix("}\""));
    let default = default.expect("a default seed, `${PROPTEST_RNG_SEED:-N}`");
    assert!(default.parse::<u64>().is_ok(), "the seed `{default}` must be a u64");
}
