//! A docs page's git history replayed through regen (`catalog_gen::regen`, what `cargo xtask
//! regen --changelog` runs), a revision at a time, as a team that regenerates after every docs
//! update would: where the break gate refuses, the
//! pins, retirements and accessor pins its helps give are pasted into the manifest and regen
//! runs again (and where no help gives one, the run is repeated with `--allow-breaking`, as a
//! team that accepts the break would). No run may panic, every success must leave the files up
//! to date (`--check`), no help may come back after its paste, and the last catalog generated
//! must compile and be clippy-clean. The tests of `catalog-gen/tests/pin_help.rs` that came of
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

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::Command;

use catalog_gen::Diagnostic;
use catalog_gen::model::problems::RUSTC_LINTS_WARNED_OF;
use catalog_gen::regen::{self, Error, Mode, Options};
use common::cargo_clippy_allowing;

/// How often one revision may be regenerated with more pasted before the replay calls it a
/// loop.
const ATTEMPTS: usize = 8;

/// What a replay did with a history's revisions.
#[derive(Debug, Default)]
struct Replayed {
    /// Revisions that generated (some after pastes or with `--allow-breaking`).
    generated: usize,
    /// Revisions refused with errors no help could mend (a table gone, a duplicate code),
    /// each with its first error's first line.
    refused: Vec<String>,
    /// Revisions generated only with `--allow-breaking`, each with the first break's first
    /// line.
    allowed_breaks: Vec<String>,
    /// Every line pasted into the manifest, in order.
    pasted: Vec<String>,
}

/// The tables of pins a help can give.
const PINS: [&str; 3] = ["variants", "accessors", "retired"];

/// The manifest of a replay: one `[[table]]` of `p.md`, its own lines, and what was pasted
/// into each of its tables of pins ([`PINS`]).
struct Manifest {
    table: String,
    pins: BTreeMap<&'static str, BTreeMap<String, toml::Value>>,
}

impl Manifest {
    fn text(&self) -> String {
        let mut text = format!(
            "output = \"../catalog/src/generated\"\n\n[[table]]\npage = \"p.md\"\n\
             url = \"https://example.com/p.html\"\nmodule = \"m\"\nenum = \"E\"\n{}\n",
            self.table.trim_end()
        );
        for (name, pins) in &self.pins {
            let quoted = |key: &str| toml::Value::String(key.to_owned()).to_string();
            let pins: Vec<String> =
                pins.iter().map(|(key, value)| format!("{} = {value}", quoted(key))).collect();
            if !pins.is_empty() {
                text.push_str(&format!("{name} = {{ {} }}\n", pins.join(", ")));
            }
        }
        text
    }

    fn pins(&mut self, name: &'static str) -> &mut BTreeMap<String, toml::Value> {
        self.pins.entry(name).or_default()
    }

    /// Pastes what the help of `error` gives, or takes out what it asks to remove; whether
    /// anything changed.
    fn paste(&mut self, error: &str, pasted: &mut Vec<String>) -> bool {
        let mut changed = false;
        let mut remove = |manifest: &mut Manifest, name: &'static str, key: &str| {
            if manifest.pins(name).remove(key).is_some() {
                pasted.push(format!("{name}: {key} removed"));
                changed = true;
            }
        };
        if let Some(key) = between(error, "remove `", "` from this [[table]]'s `retired`")
            && let Ok(key) = toml::from_str::<toml::Value>(key)
            && let Some(key) = key.as_str()
        {
            remove(self, "retired", key);
        }
        // An accessor pin for a column that is gone, whose method a column makes without it.
        if error.contains("without a pin: remove this one")
            && let Some(header) = between(error, "`accessors` names the column `", "`")
        {
            remove(self, "accessors", header);
        }
        // A retirement in place of an ambiguous pin: the note names the pinned variant.
        if error.contains("in place of this pin")
            && let Some(variant) = between(error, "the API snapshot has `", "` for the row")
        {
            let pinned = toml::Value::String(variant.to_owned());
            self.pins("variants").retain(|_, name| *name != pinned);
        }
        for snippet in snippets(error) {
            // A name left to choose: one of rustc's case for its kind.
            let chosen = format!("Pinned{}", pasted.len() + 1);
            let chosen =
                if snippet.starts_with("accessors") { chosen.to_lowercase() } else { chosen };
            let snippet = snippet.replace("\"...\"", &format!("\"{chosen}\""));
            let Ok(table) = toml::from_str::<toml::Table>(&snippet) else { continue };
            for (name, pins) in table {
                let (Some(name), Some(pins)) =
                    (PINS.into_iter().find(|n| *n == name), pins.as_table())
                else {
                    continue;
                };
                for (key, value) in pins {
                    if self.pins(name).get(key) != Some(value) {
                        self.pins(name).insert(key.clone(), value.clone());
                        pasted.push(format!("{name}: {key}"));
                        changed = true;
                    }
                }
            }
        }
        changed
    }
}

/// The text between the first `start` in `text` and the next `end` after it.
fn between<'t>(text: &'t str, start: &str, end: &str) -> Option<&'t str> {
    let from = text.find(start)? + start.len();
    Some(&text[from..from + text[from..].find(end)?])
}

/// The TOML a help shows to paste (`` `variants = { "1" = "One" }` ``), but for those that
/// leave a part to choose other than the name (`<that row's code>`, `<new header>`).
fn snippets(help: &str) -> Vec<String> {
    let mut found = Vec::new();
    for table in PINS {
        let opening = format!("`{table} = {{ ");
        let mut rest = help;
        while let Some(start) = rest.find(&opening) {
            let snippet = &rest[start + 1..];
            let Some(end) = snippet.find(" }`") else { break };
            let snippet = &snippet[..end + 2];
            if !snippet.contains('<') {
                found.push(snippet.to_owned());
            }
            rest = &rest[start + 1 + end..];
        }
    }
    found
}

/// What an error says, its notes and its help, where a paste and its key are read from.
fn said(error: &Diagnostic) -> String {
    let mut text = error.message.clone();
    for note in error.notes.iter().chain(&error.help) {
        text.push('\n');
        text.push_str(note);
    }
    text
}

/// Regenerates from `manifest` and adds what changed to `changelog`, as `cargo xtask regen
/// --changelog` does; where refused, the errors. Any other failure fails the test.
fn regen_into(
    manifest: &Path,
    changelog: &Path,
    allow_breaking: bool,
) -> Result<(), Vec<Diagnostic>> {
    let options = Options { allow_breaking, ..Options::default() };
    match regen::regen(manifest, &options) {
        Ok(report) => {
            if !report.changelog.is_empty() {
                regen::add_to_changelog(changelog, &report.changelog, None).unwrap();
            }
            let check = Options { mode: Mode::Check, ..Options::default() };
            let checked = regen::regen(manifest, &check).unwrap();
            assert!(checked.is_up_to_date(), "stale right after regen:\n{}", checked.diff);
            Ok(())
        }
        Err(Error::Problems(failure)) => {
            Err(failure.diagnostics.into_iter().filter(Diagnostic::is_error).collect())
        }
        Err(other) => panic!("regen failed as no refusal does: {other:?}"),
    }
}

/// `cargo xtask init catalog` in `tree`, for the docs tree's manifest: the crate users would
/// depend on.
fn init(tree: &Path) {
    let output = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(["init", "catalog", "--manifest", "docs/catalog.toml"])
        .current_dir(tree)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
}

/// `git` with `args` on the repository `git_dir`: what it printed, or `None` where it failed.
fn git(git_dir: &Path, args: &[&str]) -> Option<Vec<u8>> {
    let output = Command::new("git").arg("--git-dir").arg(git_dir).args(args).output().unwrap();
    output.status.success().then_some(output.stdout)
}

/// Replays the history of `page` in the repository `git_dir` with the `[[table]]` lines
/// `table` (its key, name and options), in a docs tree in `sandbox`; then builds and lints the
/// crate of the last revision that generated.
fn replay(git_dir: &Path, page: &str, table: &str, sandbox: &Path) -> Replayed {
    let log = git(git_dir, &["log", "--reverse", "--format=%H", "--", page]).unwrap();
    let revisions = String::from_utf8(log).unwrap();
    let docs = sandbox.join("docs");
    fs::create_dir_all(&docs).unwrap();
    let (manifest_path, changelog) = (docs.join("catalog.toml"), sandbox.join("CHANGELOG.md"));
    let mut manifest = Manifest { table: table.to_owned(), pins: BTreeMap::new() };
    let mut replayed = Replayed::default();
    let mut last_generated = None;
    for revision in revisions.lines() {
        let Some(text) = git(git_dir, &["show", &format!("{revision}:{page}")]) else { continue };
        fs::write(docs.join("p.md"), &text).unwrap();
        let mut allow_breaking = false;
        let mut allowed = None;
        let mut outcome = None;
        for _ in 0..ATTEMPTS {
            fs::write(&manifest_path, manifest.text()).unwrap();
            let Err(errors) = regen_into(&manifest_path, &changelog, allow_breaking) else {
                replayed.generated += 1;
                if let Some(first) = allowed.take() {
                    replayed.allowed_breaks.push(format!("{revision}: {first}"));
                }
                last_generated = Some(text.clone());
                outcome = Some(true);
                break;
            };
            let mut changed = false;
            for error in &errors {
                changed |= manifest.paste(&said(error), &mut replayed.pasted);
            }
            if changed {
                continue;
            }
            let breaking = |error: &Diagnostic| error.message.starts_with("breaking change");
            if !allow_breaking && errors.iter().all(breaking) {
                allow_breaking = true;
                allowed = errors.first().map(|error| error.message.clone());
                continue;
            }
            let first = errors.first().map_or("", |error| error.message.as_str());
            replayed.refused.push(format!("{revision}: {first}"));
            outcome = Some(false);
            break;
        }
        assert!(outcome.is_some(), "{revision}: the helps came back after every paste");
    }
    if let Some(text) = last_generated {
        fs::write(docs.join("p.md"), text).unwrap();
        fs::write(&manifest_path, manifest.text()).unwrap();
        match regen_into(&manifest_path, &changelog, false) {
            Ok(()) => {
                init(sandbox);
                let crate_manifest = sandbox.join("catalog/Cargo.toml");
                let lints = &RUSTC_LINTS_WARNED_OF;
                cargo_clippy_allowing(&crate_manifest, "replay", &["--all-targets"], lints);
            }
            // Pins pasted at a revision that was then refused for another reason name rows
            // the last catalog generated does not have.
            Err(errors) => eprintln!("the last catalog no longer generates: {errors:#?}"),
        }
    }
    replayed
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
