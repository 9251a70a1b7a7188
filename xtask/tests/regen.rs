//! `cargo xtask regen` end to end: the real binary on the real docs, and on copies of them.

mod common;

use std::fs;
use std::io::ErrorKind;
use std::path::PathBuf;

use common::{copy_dir, workspace_root};
use std::process::{Command, Output};

fn xtask(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask")).args(args).env("NO_COLOR", "1").output().unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The checked-in generated files must be what the docs generate today.
#[test]
fn checked_in_generated_files_are_fresh() {
    let output = xtask(&["regen", "--check"]);
    assert!(
        output.status.success(),
        "the generated catalog is stale; run `cargo xtask regen` to update it\n{}{}",
        stdout(&output),
        stderr(&output)
    );
}

/// A copy of `docs-src/` and the generated files in a temporary directory.
struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let root = workspace_root();
        copy_dir(&root.join("docs-src"), &dir.path().join("docs-src"));
        copy_dir(&root.join("catalog/src/generated"), &dir.path().join("catalog/src/generated"));
        Sandbox { dir }
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    /// Runs `regen` as a user at the sandbox's root would.
    fn regen(&self, extra: &[&str]) -> Output {
        let mut args = vec!["regen", "--manifest", "docs-src/catalog.toml"];
        args.extend_from_slice(extra);
        xtask_in(self.dir.path(), &args)
    }

    fn read(&self, relative: &str) -> String {
        fs::read_to_string(self.path(relative)).unwrap()
    }

    fn edit(&self, relative: &str, from: &str, to: &str) {
        let text = self.read(relative);
        assert!(text.contains(from), "{relative} does not contain {from:?}");
        fs::write(self.path(relative), text.replacen(from, to, 1)).unwrap();
    }

    /// Every file under `generated/` with its bytes, to prove nothing changed.
    fn snapshot(&self) -> Vec<(PathBuf, Vec<u8>)> {
        let mut files: Vec<_> = fs::read_dir(self.path("catalog/src/generated"))
            .unwrap()
            .map(|entry| {
                let path = entry.unwrap().path();
                let bytes = fs::read(&path).unwrap();
                (path, bytes)
            })
            .collect();
        files.sort();
        files
    }
}

const MEDIACONVERT: &str = "docs-src/mediaconvert/error-codes.md";
const GENERATED: &str = "catalog/src/generated/mediaconvert.rs";

#[test]
fn a_copy_of_the_docs_is_up_to_date() {
    let sandbox = Sandbox::new();
    let output = sandbox.regen(&["--check"]);
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn an_edited_row_is_reported_stale_with_a_diff_and_nothing_is_written() {
    let sandbox = Sandbox::new();
    sandbox.edit(MEDIACONVERT, "Write error, disk full\\.", "Write error, the disk is full\\.");
    let before = sandbox.snapshot();
    let output = sandbox.regen(&["--check"]);
    assert_eq!(output.status.code(), Some(1));
    let diff = stdout(&output);
    assert!(diff.contains("--- a/catalog/src/generated/mediaconvert.rs"), "{diff}");
    assert!(
        diff.contains("+        [\"1050\", \"Disk Full\", \"Write error, the disk is full."),
        "{diff}"
    );
    assert!(
        diff.contains("-        [\"1050\", \"Disk Full\", \"Write error, disk full."),
        "{diff}"
    );
    assert!(stderr(&output).contains("run `cargo xtask regen --manifest"), "{}", stderr(&output));
    assert_eq!(sandbox.snapshot(), before, "--check must not write");
}

#[test]
fn a_checkout_with_crlf_line_endings_is_up_to_date_and_diffs_only_the_changed_lines() {
    let sandbox = Sandbox::new();
    // What `core.autocrlf` checks out on Windows.
    for (path, bytes) in sandbox.snapshot() {
        let text = String::from_utf8(bytes).unwrap();
        fs::write(path, text.replace('\n', "\r\n")).unwrap();
    }
    let output = sandbox.regen(&["--check"]);
    assert!(output.status.success(), "{}", stderr(&output));
    sandbox.edit(MEDIACONVERT, "Write error, disk full\\.", "Write error, the disk is full\\.");
    let output = sandbox.regen(&["--check"]);
    assert_eq!(output.status.code(), Some(1));
    let diff = stdout(&output);
    let changed: Vec<&str> = diff.lines().filter(|line| line.starts_with(['-', '+'])).collect();
    assert_eq!(
        changed.iter().filter(|line| !line.starts_with("---") && !line.starts_with("+++")).count(),
        6,
        "the rustdoc line, the row and the snapshot's line, each removed and added:\n{diff}"
    );
    assert!(!diff.contains('\r'), "{diff}");
}

#[test]
fn regen_applies_an_edit_and_is_idempotent() {
    let sandbox = Sandbox::new();
    sandbox.edit(MEDIACONVERT, "|  Unknown Error  |", "|  Unknown Failure  |");
    // Renaming `UnknownError` breaks users' code: refused unless allowed. The new files are
    // staged while the API is checked; refused, they are gone and nothing else changed.
    let before = sandbox.snapshot();
    let refused = sandbox.regen(&[]);
    assert_eq!(refused.status.code(), Some(1));
    assert_eq!(sandbox.snapshot(), before, "a refused regen leaves the files as they were");
    let output = sandbox.regen(&["--allow-breaking"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("updated catalog/src/generated/mediaconvert.rs"));
    let first = sandbox.snapshot();
    assert!(sandbox.read(GENERATED).contains("UnknownFailure = 1999,"));
    #[cfg(unix)]
    {
        // A rewritten file keeps its permissions; temporary files are private (0600).
        use std::os::unix::fs::PermissionsExt;
        let mode = |path| fs::metadata(path).unwrap().permissions().mode() & 0o777;
        fs::set_permissions(sandbox.path(GENERATED), fs::Permissions::from_mode(0o640)).unwrap();
        sandbox.edit(MEDIACONVERT, "|  Unknown Failure  |", "|  Unknown Failures  |");
        assert!(sandbox.regen(&["--allow-breaking"]).status.success());
        assert_eq!(mode(sandbox.path(GENERATED)), 0o640);
        sandbox.edit(MEDIACONVERT, "|  Unknown Failures  |", "|  Unknown Failure  |");
        assert!(sandbox.regen(&["--allow-breaking"]).status.success());
    }
    let output = sandbox.regen(&[]);
    assert!(output.status.success());
    assert_eq!(sandbox.snapshot(), first, "a second run changes no byte");
    assert!(sandbox.regen(&["--check"]).status.success());
}

#[test]
fn a_hand_edit_to_a_generated_file_is_caught_and_undone() {
    let sandbox = Sandbox::new();
    sandbox.edit(GENERATED, "InputError = 1010,", "InputError = 1011,");
    let output = sandbox.regen(&["--check"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("-    InputError = 1011,"));
    assert!(sandbox.regen(&[]).status.success());
    assert!(sandbox.read(GENERATED).contains("InputError = 1010,"));
}

#[test]
fn hand_written_files_are_never_overwritten() {
    let sandbox = Sandbox::new();
    fs::write(sandbox.path(GENERATED), "// my own notes\n").unwrap();
    sandbox.edit(MEDIACONVERT, "Disk Full", "Disk Is Full");
    let before = sandbox.snapshot();
    let output = sandbox.regen(&[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("not marked @generated"), "{}", stderr(&output));
    assert_eq!(sandbox.snapshot(), before, "nothing written, not even the other files");
}

#[test]
fn a_removed_table_removes_only_its_generated_file() {
    let sandbox = Sandbox::new();
    let manifest = sandbox.read("docs-src/catalog.toml");
    let cut = manifest.rfind("[[table]]").unwrap();
    fs::write(sandbox.path("docs-src/catalog.toml"), &manifest[..cut]).unwrap();
    fs::write(sandbox.path("catalog/src/generated/notes.rs"), "// hand-written\n").unwrap();
    let check = sandbox.regen(&["--check"]);
    assert_eq!(check.status.code(), Some(1));
    assert!(sandbox.path(GENERATED).exists(), "--check removes nothing");
    let refused = sandbox.regen(&[]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(stderr(&refused).contains("the enum `ErrorCode` would be removed"));
    assert!(sandbox.path(GENERATED).exists(), "a refused regen removes nothing");
    let output = sandbox.regen(&["--allow-breaking"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("removed catalog/src/generated/mediaconvert.rs"));
    assert!(!sandbox.path(GENERATED).exists());
    assert!(sandbox.path("catalog/src/generated/notes.rs").exists());
    assert!(!sandbox.read("catalog/src/generated/mod.rs").contains("mediaconvert"));
}

#[test]
fn broken_docs_fail_with_a_located_diagnostic_and_write_nothing() {
    let sandbox = Sandbox::new();
    sandbox.edit(MEDIACONVERT, "|  1020  |", "|  1010  |");
    sandbox.edit(MEDIACONVERT, "|  1999  |", "|  19x9  |");
    let before = sandbox.snapshot();
    let output = sandbox.regen(&[]);
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    assert!(text.contains("error: duplicate code 1010"), "{text}");
    assert!(text.contains("docs-src/mediaconvert/error-codes.md:14:4"), "{text}");
    assert!(text.contains("first used here"), "{text}");
    assert!(text.contains("error: code `19x9` is not a `u16`"), "{text}");
    assert!(text.contains("docs-src/mediaconvert/error-codes.md:36:4"), "{text}");
    assert!(!text.contains("panicked"), "{text}");
    assert_eq!(sandbox.snapshot(), before);
}

#[test]
fn bad_usage_exits_2() {
    assert_eq!(xtask(&["regen", "--no-such-flag"]).status.code(), Some(2));
    assert_eq!(xtask(&["frobnicate"]).status.code(), Some(2));
    let help = xtask(&["regen", "--help"]);
    assert!(help.status.success());
    let help = stdout(&help);
    assert!(help.contains("--check") && help.contains("--manifest"), "{help}");
}

#[test]
fn a_renamed_variant_is_refused_with_the_pin_that_keeps_it() {
    let sandbox = Sandbox::new();
    // Upstream drops the second "Disk Full": `DiskFull1050` would become `DiskFull`.
    let page = sandbox.read(MEDIACONVERT);
    let row = page.lines().find(|line| line.starts_with("|  1507  |")).unwrap();
    sandbox.edit(MEDIACONVERT, &format!("{row}\n"), "");
    let before = sandbox.snapshot();
    let output = sandbox.regen(&[]);
    assert_eq!(output.status.code(), Some(1));
    let errors = stderr(&output);
    assert!(
        errors.contains("the variant `ErrorCode::DiskFull1050` would become `ErrorCode::DiskFull`"),
        "{errors}"
    );
    assert!(errors.contains("`DiskFull1050` → `DiskFull`"), "{errors}");
    assert!(errors.contains("the variant `ErrorCode::DiskFull1507` would be removed"), "{errors}");
    assert!(errors.contains("--> docs-src/catalog.toml:22:8"), "{errors}");
    assert!(errors.contains("variants = { \"1050\" = \"DiskFull1050\" }"), "{errors}");
    assert_eq!(sandbox.snapshot(), before, "nothing written");

    // Following the help keeps the name; the removed row still needs --allow-breaking.
    let manifest = sandbox.read("docs-src/catalog.toml");
    let pinned = format!("{}variants = {{ \"1050\" = \"DiskFull1050\" }}\n", manifest);
    fs::write(sandbox.path("docs-src/catalog.toml"), pinned).unwrap();
    let output = sandbox.regen(&[]);
    let errors = stderr(&output);
    assert!(!errors.contains("DiskFull1050` would become"), "{errors}");
    assert!(errors.contains("DiskFull1507` would be removed"), "{errors}");
    assert!(sandbox.regen(&["--allow-breaking"]).status.success());
    assert!(sandbox.read(GENERATED).contains("DiskFull1050 = 1050,"));
}

#[test]
fn a_renamed_header_is_refused_and_added_rows_are_not() {
    let sandbox = Sandbox::new();
    sandbox.edit(
        MEDIACONVERT,
        "| Error code | Message | Details |",
        "| Error code | Message | Notes |",
    );
    let output = sandbox.regen(&[]);
    assert_eq!(output.status.code(), Some(1));
    let errors = stderr(&output);
    assert!(errors.contains("the method `ErrorCode::details()` would be removed"), "{errors}");
    assert!(errors.contains("`Details` is no longer in the table"), "{errors}");
    assert!(errors.contains("accessors = { \"Notes\" = \"details\" }"), "{errors}");

    let sandbox = Sandbox::new();
    let page = sandbox.read(MEDIACONVERT);
    let row = page.lines().find(|line| line.starts_with("|  1010  |")).unwrap();
    sandbox.edit(
        MEDIACONVERT,
        &format!("{row}\n"),
        &format!("{row}\n|  1011  |  New Row  |  Added upstream\\.  | \n"),
    );
    let output = sandbox.regen(&[]);
    assert!(output.status.success(), "adding a row is not breaking: {}", stderr(&output));
    assert!(sandbox.read(GENERATED).contains("NewRow = 1011,"));
}

#[test]
fn warnings_print_and_the_run_succeeds_unless_denied() {
    let sandbox = Sandbox::new();
    // A row without its last cell: GFM renders it with an empty one, and so does the catalog.
    let row = sandbox
        .read("docs-src/mediatailor/playback-errors-client.md")
        .lines()
        .nth(15)
        .unwrap()
        .to_owned();
    let (short, _) = row.trim_end().trim_end_matches('|').rsplit_once('|').unwrap();
    sandbox.edit("docs-src/mediatailor/playback-errors-client.md", &row, &format!("{short}|"));

    let before = sandbox.snapshot();
    let output = sandbox.regen(&["--deny-warnings"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("error: row has 3 cells, the table has 4 columns"));
    assert_eq!(sandbox.snapshot(), before, "nothing is written");

    let output = sandbox.regen(&[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("warning: row has 3 cells, the table has 4 columns"));
    assert!(stderr(&output).contains("updated"), "{}", stderr(&output));
    assert!(
        sandbox.read("catalog/src/generated/mediatailor.rs").contains("\"Gone\", \"An AWS Support")
    );
}

/// Runs the xtask binary as a user in `dir` would, without cargo's `CARGO_MANIFEST_DIR`.
fn xtask_in(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("CARGO_MANIFEST_DIR")
        .output()
        .unwrap()
}

#[test]
fn the_workspace_is_found_at_run_time_never_from_where_the_binary_was_built() {
    let sandbox = Sandbox::new();
    sandbox.edit(
        "docs-src/mediatailor/playback-errors-client.md",
        "Retry your request",
        "Try again",
    );
    // As `cargo xtask` runs it in a second checkout: cargo names that checkout's package.
    fs::create_dir_all(sandbox.path("xtask")).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(["regen", "--check"])
        .env("CARGO_MANIFEST_DIR", sandbox.path("xtask"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "the sandbox is stale: {}", stderr(&output));
    assert!(stdout(&output).contains("Try again"), "{}", stdout(&output));
    // Without it, from anywhere inside the checkout.
    let output = xtask_in(&sandbox.path("docs-src/mediaconvert"), &["regen", "--check"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stdout(&output).contains("Try again"));
    let nowhere = tempfile::tempdir().unwrap();
    assert_eq!(xtask_in(nowhere.path(), &["regen"]).status.code(), Some(2));
}

#[test]
fn diagnostics_show_paths_from_the_current_directory_and_files_do_not_depend_on_them() {
    let sandbox = Sandbox::new();
    let absolute = sandbox.path("docs-src/catalog.toml");
    let absolute = absolute.to_str().unwrap();
    // The same bytes however the manifest is named: absolute, relative, with `..`.
    for (dir, manifest) in [
        (sandbox.path(""), "docs-src/catalog.toml"),
        (sandbox.path("catalog"), "../docs-src/./catalog.toml"),
        (sandbox.path("catalog"), absolute),
    ] {
        let output = xtask_in(&dir, &["regen", "--check", "--manifest", manifest]);
        assert!(output.status.success(), "{manifest}: {}", stderr(&output));
    }

    sandbox.edit("docs-src/mediaconvert/error-codes.md", "|  1030  |", "|  1010  |");
    let located = |dir: &str, manifest: &str| {
        let output = xtask_in(&sandbox.path(dir), &["regen", "--manifest", manifest]);
        assert_eq!(output.status.code(), Some(1));
        let text = stderr(&output);
        let arrow = text.lines().find(|line| line.trim_start().starts_with("-->")).unwrap();
        arrow.trim().to_owned()
    };
    assert_eq!(
        located("", "docs-src/catalog.toml"),
        "--> docs-src/mediaconvert/error-codes.md:16:4"
    );
    assert_eq!(located("docs-src", "catalog.toml"), "--> mediaconvert/error-codes.md:16:4");
    assert_eq!(
        located("catalog", "../docs-src/catalog.toml"),
        format!("--> {}:16:4", sandbox.path("docs-src/mediaconvert/error-codes.md").display())
    );
}

#[test]
fn the_changelog_is_printed_and_with_changelog_added_to_the_file_never_with_check() {
    let sandbox = Sandbox::new();
    // Re-cased, as MediaConvert's page once did the other way: same variant, another name.
    sandbox.edit(MEDIACONVERT, "|  Input Error  |", "|  Input error  |");
    let changelog = sandbox.path("CHANGELOG.md");
    fs::write(&changelog, "# Changelog\n\nHand-written intro.\n\n## [0.1.0]\n\n- First.\n")
        .unwrap();

    let check = sandbox.regen(&["--check", "--changelog", "CHANGELOG.md"]);
    assert_eq!(check.status.code(), Some(1));
    assert!(stderr(&check).contains("changes for users: minor"), "{}", stderr(&check));
    assert!(fs::read_to_string(&changelog).unwrap().ends_with("- First.\n"), "--check wrote");

    let args = ["--changelog", "CHANGELOG.md", "--changelog-date", "2026-12-01"];
    let output = sandbox.regen(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    let summary = stderr(&output);
    assert!(summary.contains("name changed: InputError (1010) \"Input Error\" -> \"Input error\""));
    let text = fs::read_to_string(&changelog).unwrap();
    let section = "## [Unreleased] - 2026-12-01\n\nDocs update: a **minor** release";
    assert!(
        text.starts_with(&format!("# Changelog\n\nHand-written intro.\n\n{section}")),
        "{text}"
    );
    assert!(text.ends_with("\n## [0.1.0]\n\n- First.\n"), "{text}");
    assert!(text.contains("### Changed\n\n- `mediaconvert::ErrorCode`: name of `InputError`"));

    // Nothing changes for users on the next run: nothing is printed or prepended.
    let again = sandbox.regen(&args);
    assert!(!stderr(&again).contains("changes for users"), "{}", stderr(&again));
    assert_eq!(fs::read_to_string(&changelog).unwrap(), text);

    // The next docs update joins the unreleased section: Keep a Changelog keeps one.
    sandbox.edit(MEDIACONVERT, "Write error, disk full", "Write error: disk full");
    let later = sandbox.regen(&["--changelog", "CHANGELOG.md", "--changelog-date", "2026-12-02"]);
    assert!(later.status.success(), "{}", stderr(&later));
    let joined = fs::read_to_string(&changelog).unwrap();
    assert_eq!(joined.matches("## [Unreleased]").count(), 1, "{joined}");
    assert!(joined.starts_with(&format!("# Changelog\n\nHand-written intro.\n\n{section}")));
    let changed = "### Changed\n\n- `mediaconvert::ErrorCode`: name of `InputError`";
    assert!(joined.contains(changed), "{joined}");
    assert!(joined.contains("\n- `mediaconvert::ErrorCode`: `Details` text changed"), "{joined}");
    assert!(joined.ends_with("\n## [0.1.0]\n\n- First.\n"), "{joined}");
}

/// The binary sets a large module it replaces aside in `catalog-gen/replaced` of the target
/// directory it was built in, and the next regen removes it (the library's side is tested in
/// `catalog-gen/tests/large_tables.rs`). The binary runs from a copy in a target directory
/// of its own, so that no other test's regen clears the place this one looks at.
#[test]
fn the_binary_sets_a_large_replaced_module_aside_for_the_next_regen_to_remove() {
    let sandbox = tempfile::tempdir().unwrap();
    let target = sandbox.path().join("target");
    fs::create_dir_all(target.join("debug")).unwrap();
    // What marks a directory as Cargo's target directory.
    fs::write(target.join("CACHEDIR.TAG"), "Signature: 8a477f597d28d172789f06886806bc55\n")
        .unwrap();
    let binary = target.join("debug").join(format!("xtask{}", std::env::consts::EXE_SUFFIX));
    fs::copy(env!("CARGO_BIN_EXE_xtask"), &binary).unwrap();
    let run = |args: &[&str]| -> Output {
        let mut command = Command::new(&binary);
        command.args(args).current_dir(sandbox.path()).env("NO_COLOR", "1");
        // A child another test forks while the copy above is open for writing holds it open
        // until that child runs its own program, and Linux refuses meanwhile to run the copy
        // (ETXTBSY): a moment's wait, not a failure.
        let mut tries = 0;
        let output = loop {
            match command.output() {
                Err(error) if error.kind() == ErrorKind::ExecutableFileBusy && tries < 100 => {
                    tries += 1;
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
                result => break result.unwrap(),
            }
        };
        assert!(output.status.success(), "{args:?}: {}", stderr(&output));
        output
    };
    let replaced = target.join("catalog-gen/replaced");
    let files_in = |dir: &std::path::Path| -> Vec<PathBuf> {
        let Ok(entries) = fs::read_dir(dir) else { return Vec::new() };
        entries.map(|entry| entry.unwrap().path()).collect()
    };
    // Rows enough for a module above the 8 MB from which a replaced file is set aside.
    run(&["synth", "--rows", "8000", "--out", "tree"]);
    let regen = ["regen", "--manifest", "tree/docs/catalog.toml"];
    run(&regen);
    let module = sandbox.path().join("tree/catalog/src/generated/service_0.rs");
    let before = fs::read(&module).unwrap();
    assert!(before.len() >= 8 << 20, "the module is {} bytes", before.len());
    assert!(files_in(&replaced).is_empty(), "nothing was replaced yet");

    let page = sandbox.path().join("tree/docs/service-0/error-codes.md");
    let text = fs::read_to_string(&page).unwrap();
    fs::write(&page, text.replacen("truncated properly", "truncated correctly", 1)).unwrap();
    let edit = Command::new(&binary)
        .args(regen)
        .current_dir(sandbox.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let pid = edit.id();
    let edited = edit.wait_with_output().unwrap();
    assert!(edited.status.success(), "{}", stderr(&edited));
    assert_ne!(fs::read(&module).unwrap(), before, "the edit rewrote the module");
    let kept = files_in(&replaced);
    assert_eq!(kept.len(), 1, "only the module is large: {kept:?}");
    let name = kept[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with(&format!("{pid}-")) && name.ends_with("-service_0.rs"), "{name}");
    assert_eq!(fs::read(&kept[0]).unwrap(), before, "what is set aside is the module replaced");

    run(&regen);
    assert!(files_in(&replaced).is_empty(), "the next regen removed it");
}

/// `synth --shape glacier` writes a tree of string codes that regen reads: the variants are
/// named from the codes, without `Exception`.
#[test]
fn synth_writes_glacier_shaped_docs_that_regen_reads() {
    let sandbox = tempfile::tempdir().unwrap();
    let synth =
        xtask_in(sandbox.path(), &["synth", "--shape", "glacier", "--rows", "40", "--out", "t"]);
    assert!(synth.status.success(), "{}", stderr(&synth));
    fs::create_dir_all(sandbox.path().join("t/catalog/src/generated")).unwrap();
    let regen = xtask_in(sandbox.path(), &["regen", "--manifest", "t/docs/catalog.toml"]);
    assert!(regen.status.success(), "{}", stderr(&regen));
    let page = fs::read_to_string(sandbox.path().join("t/docs/service-0/api-error-responses.md"));
    let code = page.unwrap().lines().nth(7).unwrap().split('|').nth(1).unwrap().trim().to_owned();
    let module = fs::read_to_string(sandbox.path().join("t/catalog/src/generated/service_0.rs"));
    let variant = code.strip_suffix("Exception").unwrap();
    assert!(module.unwrap().contains(&format!("#[doc(alias = \"{code}\")]\n    {variant},")));
}
