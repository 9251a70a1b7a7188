//! Helpers shared by the end-to-end tests.

// Each test binary uses only some of these.
#![allow(dead_code)]

pub mod replay;

use std::fs;
use std::path::{Path, PathBuf};

/// The workspace's root directory.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// Copies the directory `from` to `to`, recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            fs::copy(&path, &target).unwrap();
        }
    }
}

/// Runs `cargo test` with `args` on the crate or workspace at `manifest`, building into
/// `target/<target_dir>` of this workspace so that runs share their build; fails with the
/// output if the tests fail.
pub fn cargo_test(manifest: &Path, target_dir: &str, args: &[&str]) {
    cargo_with("test", manifest, target_dir, args, &[]);
}

/// Runs `cargo doc --no-deps` with `args` on the crate or workspace at `manifest`, rustdoc's
/// warnings denied (as `.ci/run` denies them), building into `target/<target_dir>` of this
/// workspace; fails with the output if rustdoc warns or fails.
pub fn cargo_doc(manifest: &Path, target_dir: &str, args: &[&str]) {
    let mut all = vec!["--no-deps"];
    all.extend_from_slice(args);
    cargo_with("doc", manifest, target_dir, &all, &[("RUSTDOCFLAGS", "-D warnings")]);
}

/// Runs `cargo clippy` with `args` on the crate or workspace at `manifest`, its warnings
/// denied (as `.ci/run` denies them), building into `target/<target_dir>` of this workspace;
/// fails with the output if clippy warns or fails.
pub fn cargo_clippy(manifest: &Path, target_dir: &str, args: &[&str]) {
    cargo_clippy_allowing(manifest, target_dir, args, &[]);
}

/// [`cargo_clippy`], but for the lints `allowed`.
pub fn cargo_clippy_allowing(manifest: &Path, target_dir: &str, args: &[&str], allowed: &[&str]) {
    let mut all = args.to_vec();
    all.extend_from_slice(&["--", "-D", "warnings"]);
    for lint in allowed {
        all.extend_from_slice(&["-A", lint]);
    }
    cargo_with("clippy", manifest, target_dir, &all, &[]);
}

/// Runs `cargo <command>` with `args` on `manifest`, `envs` set for it, building into
/// `target/<target_dir>` of this workspace, and returns what it did and printed: for a test
/// that reads cargo's or rustc's output.
pub fn cargo_output(
    command: &str,
    manifest: &Path,
    target_dir: &str,
    args: &[&str],
    envs: &[(&str, &str)],
) -> std::process::Output {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    std::process::Command::new(cargo)
        .args([command, "--manifest-path"])
        .arg(manifest)
        .args(args)
        .env("CARGO_TARGET_DIR", workspace_root().join("target").join(target_dir))
        .envs(envs.iter().copied())
        .output()
        .unwrap()
}

/// Runs `cargo <command> --quiet` with `args` on `manifest`, `envs` set for it, building as
/// [`cargo_test`] says; fails with the output if the command does.
fn cargo_with(
    command: &str,
    manifest: &Path,
    target_dir: &str,
    args: &[&str],
    envs: &[(&str, &str)],
) {
    let mut all = vec!["--quiet"];
    all.extend_from_slice(args);
    let output = cargo_output(command, manifest, target_dir, &all, envs);
    assert!(
        output.status.success(),
        "`cargo {command} {}` on {} fails:\n{}{}",
        args.join(" "),
        manifest.display(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}
