//! A docs page's git history replayed through regen (`catalog_gen::regen`, what `cargo xtask
//! regen --changelog` runs), a revision at a time, as a team that regenerates after every docs
//! update would (`common::replay`), and the last catalog generated must compile and be
//! clippy-clean. The tests of `catalog-gen/tests/pin_help.rs` that came of
//! a replay name the page whose history found what they test (README, Robustness testing).
//!
//! In CI, a history made here runs through it. On any repository's history, outside CI:
//!
//! ```sh
//! REPLAY_GIT=path/to/docs/.git REPLAY_PAGE=errors.md \
//! REPLAY_TABLE=$'key-column = "Code"\nkey-type = "u16"\nname-column = "Name"' \
//! cargo test -p xtask --test replay_history -- --ignored --nocapture
//! ```

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use common::replay::{Replay, Replayed};

/// `git` with `args` on the repository `git_dir`: what it printed, or `None` where it failed.
fn git(git_dir: &Path, args: &[&str]) -> Option<Vec<u8>> {
    let output = Command::new("git").arg("--git-dir").arg(git_dir).args(args).output().unwrap();
    output.status.success().then_some(output.stdout)
}

/// Replays the history of `page` in the repository `git_dir` with the `[[table]]` lines
/// `table` (its key, name and options), in a docs tree in `sandbox` ([`Replay`]); then builds
/// and lints the crate of the last revision that generated.
fn replay(git_dir: &Path, page: &str, table: &str, sandbox: &Path) -> Replayed {
    let log = git(git_dir, &["log", "--reverse", "--format=%H", "--", page]).unwrap();
    let revisions = String::from_utf8(log).unwrap();
    let mut replay = Replay::new(sandbox, table);
    for revision in revisions.lines() {
        let Some(text) = git(git_dir, &["show", &format!("{revision}:{page}")]) else { continue };
        replay.revision(revision, &text);
    }
    replay.build_last();
    replay.replayed
}

/// A git repository in `dir` whose history is `pages`, one commit each.
fn history(dir: &Path, pages: &[&str]) {
    let run = |args: &[&str]| {
        let status = Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
            .args(args)
            .current_dir(dir)
            .output()
            .unwrap();
        assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    };
    run(&["init", "--quiet"]);
    for (revision, page) in pages.iter().enumerate() {
        fs::write(dir.join("errors.md"), page).unwrap();
        run(&["add", "errors.md"]);
        run(&["commit", "--quiet", "-m", &format!("revision {revision}")]);
    }
}

/// A history of a row renamed, a row removed, a column renamed and renamed back, and a page
/// that breaks: each of the gate's helps is pasted, the break-free revisions generate, and the
/// catalog of the last good one builds.
#[test]
fn a_history_replays_with_the_helps_pasted() {
    let sandbox = tempfile::tempdir().unwrap();
    let repository = sandbox.path().join("docs-repo");
    fs::create_dir_all(&repository).unwrap();
    let head = "# Errors\n\n| Code | Name | Details |\n| --- | --- | --- |\n";
    let renamed = "# Errors\n\n| Code | Name | Remedy |\n| --- | --- | --- |\n";
    history(
        &repository,
        &[
            &format!("{head}| 1 | Disk Full | a |\n| 2 | Gone | b |\n| 3 | Third | c |\n"),
            &format!("{head}| 1 | Disk Is Full | a |\n| 2 | Gone | b |\n| 3 | Third | c |\n"),
            &format!("{head}| 1 | Disk Is Full | a |\n| 3 | Third | c |\n"),
            &format!("{renamed}| 1 | Disk Is Full | a |\n| 3 | Third | c |\n"),
            &format!("{head}| 1 | Disk Is Full | a |\n| 3 | Third | c |\n| 4 | Fourth | d |\n"),
            &format!("{head}| 1 | Disk Is Full | a |\n| 1 | Twice | b |\n"),
        ],
    );
    let table = "key-column = \"Code\"\nkey-type = \"u16\"\nname-column = \"Name\"\n";
    let replayed = replay(&repository.join(".git"), "errors.md", table, &sandbox.path().join("t"));
    assert_eq!(replayed.generated, 5, "{replayed:#?}");
    assert!(replayed.allowed_breaks.is_empty(), "{replayed:#?}");
    assert_eq!(
        replayed.pasted,
        ["variants: 1", "retired: 2", "accessors: Remedy", "accessors: Remedy removed"],
        "{replayed:#?}"
    );
    let [refused] = &replayed.refused[..] else { panic!("{replayed:#?}") };
    assert!(refused.ends_with(": duplicate code 1"), "{replayed:#?}");
    // Every update that changed something for users, in one unreleased section.
    let changelog = fs::read_to_string(sandbox.path().join("t/CHANGELOG.md")).unwrap();
    for entry in
        ["added `Fourth` (`4`)", "from `Disk Full` to `Disk Is Full`", "`Gone` (`2`) retired"]
    {
        assert!(changelog.contains(entry), "{entry}:\n{changelog}");
    }
}

/// Outside CI: the history of any page (module doc).
#[test]
#[ignore = "needs a git repository of docs: REPLAY_GIT, REPLAY_PAGE and REPLAY_TABLE"]
fn replay_a_pages_history() {
    let var = |name: &str| std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set"));
    let sandbox = tempfile::tempdir().unwrap();
    let git_dir = var("REPLAY_GIT");
    let replayed =
        replay(Path::new(&git_dir), &var("REPLAY_PAGE"), &var("REPLAY_TABLE"), sandbox.path());
    eprintln!("{replayed:#?}");
}
