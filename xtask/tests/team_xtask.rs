//! The generator as a library: a separate workspace whose own `xtask` depends on `catalog-gen`
//! by path (the program in `catalog-gen/examples/team_xtask.rs`, which README shows in full)
//! regenerates its catalog crate from its pages, and checks it.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use common::{copy_dir, workspace_root};

/// `cargo run -p xtask -- args` in the other workspace, building into this one's `target/`.
fn team_xtask(workspace: &Path, args: &[&str]) -> Output {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    Command::new(cargo)
        .args(["run", "--quiet", "-p", "xtask", "--"])
        .args(args)
        .current_dir(workspace)
        .env("CARGO_TARGET_DIR", workspace_root().join("target/team-xtask"))
        .env_remove("CARGO_MANIFEST_DIR")
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn another_workspace_regenerates_its_catalog_through_the_library() {
    let root = workspace_root();
    let sandbox = tempfile::tempdir().unwrap();
    let team = sandbox.path();
    let fixture = root.join("xtask/tests/fixtures/quirks");
    copy_dir(&fixture.join("pages"), &team.join("docs"));
    let manifest = fs::read_to_string(fixture.join("catalog.toml")).unwrap();
    fs::write(team.join("docs/catalog.toml"), manifest.replace("../quirks/", "../errors/"))
        .unwrap();
    fs::write(
        team.join("Cargo.toml"),
        "[workspace]\nresolver = \"3\"\nmembers = [\"xtask\", \"errors\"]\n",
    )
    .unwrap();
    fs::copy(root.join("Cargo.lock"), team.join("Cargo.lock")).unwrap();
    fs::create_dir_all(team.join(".cargo")).unwrap();
    fs::write(team.join(".cargo/config.toml"), "[alias]\nxtask = \"run --package xtask --\"\n")
        .unwrap();
    fs::create_dir_all(team.join("xtask/src")).unwrap();
    fs::write(
        team.join("xtask/Cargo.toml"),
        format!(
            "[package]\nname = \"xtask\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [dependencies]\ncatalog-gen = {{ path = {:?} }}\n",
            root.join("catalog-gen").display().to_string()
        ),
    )
    .unwrap();
    fs::copy(root.join("catalog-gen/examples/team_xtask.rs"), team.join("xtask/src/main.rs"))
        .unwrap();
    // The catalog crate itself, made once as README says.
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(["init", "errors", "--manifest", "docs/catalog.toml"])
        .current_dir(team)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", text(&output.stderr));

    let output = team_xtask(team, &["--check"]);
    assert!(output.status.success(), "fresh after init: {}", text(&output.stderr));

    let page = team.join("docs/device-errors.md");
    let edited = fs::read_to_string(&page).unwrap().replace("No capacity in the zone", "Zone full");
    fs::write(&page, edited).unwrap();
    let output = team_xtask(team, &["--check"]);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output.stderr));
    assert!(
        text(&output.stdout).contains("+        [\"capacity-not-available\", \"Zone full.\"],")
    );
    assert!(text(&output.stderr).contains("stale: errors/src/generated/device.rs"));

    let output = team_xtask(team, &[]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(team_xtask(team, &["--check"]).status.success());
}

#[test]
fn readme_shows_the_team_xtask_in_full() {
    let readme = fs::read_to_string(workspace_root().join("README.md")).unwrap();
    let program =
        fs::read_to_string(workspace_root().join("catalog-gen/examples/team_xtask.rs")).unwrap();
    let code: String =
        program.lines().filter(|line| !line.starts_with("//!")).collect::<Vec<_>>().join("\n");
    assert!(readme.contains(code.trim()), "README must show catalog-gen/examples/team_xtask.rs");
}
