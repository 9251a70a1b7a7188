//! A catalog through its docs' real history: every revision of MediaConvert's error page from
//! 2019 to 2023 (`history/mediaconvert/`, see its NOTICE.md), regenerated one after another
//! through the library's entry point, then a synthetic removal of code 1401: refused with the
//! retirement as the first fix, retired, back under another name (a rename, refused), and
//! documented again. Each step's outcome (refused,
//! or the changelog `regen` prints and the Markdown `--changelog` writes) is a golden file in
//! `history/mediaconvert.out/`: `SNAPSHOTS=overwrite` rewrites them.

mod golden;

use std::fs;
use std::path::{Path, PathBuf};

use catalog_gen::regen::{self, Mode, Options};

const MANIFEST: &str = r#"output = "out"

[[table]]
page = "error-codes.md"
url = "https://docs.aws.amazon.com/mediaconvert/latest/ug/mediaconvert_error_codes.html"
module = "mediaconvert"
enum = "ErrorCode"
key-column = "Error code"
key-type = "u16"
name-column = "Message"
"#;

const RETIRED: &str = "retired = { \"1401\" = { since = \"2024-05-01\", note = \"MediaConvert \
                       reports permission problems as 1432 and 1433\" } }\n";

/// Every revision, oldest first.
fn revisions() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/history/mediaconvert");
    let mut pages: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.file_name().is_some_and(|name| name != "NOTICE.md"))
        .collect();
    pages.sort();
    pages
}

/// Regenerates the docs tree at `docs` and describes the outcome: refused with its
/// diagnostics, or what changed for users, as printed and as Markdown.
fn step(docs: &Path) -> (bool, String) {
    let options = Options { mode: Mode::Write, ..Options::default() };
    match regen::regen(&docs.join("catalog.toml"), &options) {
        Err(error) => {
            let rendered = error.render(false).replace(&format!("{}/", docs.display()), "");
            (false, format!("refused:\n{rendered}"))
        }
        Ok(report) => {
            let mut out = String::from("written\n");
            if let Some(warnings) = report.render_warnings(false) {
                out.push_str(&warnings.replace(&format!("{}/", docs.display()), ""));
            }
            out.push_str(&report.changelog.summary());
            out.push('\n');
            out.push_str(&report.changelog.markdown(None));
            (true, out)
        }
    }
}

#[test]
fn mediaconvert_from_2019_to_2023_then_a_code_retired_and_back() {
    let sandbox = tempfile::tempdir().unwrap();
    let docs = sandbox.path();
    fs::write(docs.join("catalog.toml"), MANIFEST).unwrap();
    let page = docs.join("error-codes.md");
    let mut outcomes = Vec::new();
    for revision in revisions() {
        fs::copy(&revision, &page).unwrap();
        let name = revision.file_stem().unwrap().to_string_lossy().into_owned();
        outcomes.push((name, step(docs)));
    }
    let latest = fs::read_to_string(&page).unwrap();
    let line_1401 = latest.lines().find(|line| line.starts_with("|  1401  |")).unwrap().to_owned();

    // Upstream drops 1401: refused, with retiring it as the fix; retired; documented again.
    fs::write(&page, latest.replace(&format!("{line_1401}\n"), "")).unwrap();
    outcomes.push(("11-removed-1401".into(), step(docs)));
    fs::write(docs.join("catalog.toml"), format!("{MANIFEST}{RETIRED}")).unwrap();
    outcomes.push(("12-retired-1401".into(), step(docs)));
    let snapshot = fs::read_to_string(docs.join("out/api.toml")).unwrap();
    assert!(snapshot.contains("variant = \"PermissionsIssue\", code = \"1401\""), "{snapshot}");
    let module = fs::read_to_string(docs.join("out/mediaconvert.rs")).unwrap();
    assert!(module.contains("#[deprecated(note = \"retired: no longer in the documentation"));
    // Back under another name: a rename, refused with the pin that keeps the old one.
    let renamed = line_1401.replace("Permissions Issue", "Permission Denied");
    fs::write(&page, latest.replace(&line_1401, &renamed)).unwrap();
    outcomes.push(("13-1401-back-under-another-name".into(), step(docs)));
    fs::write(&page, &latest).unwrap();
    outcomes.push(("14-1401-documented-again".into(), step(docs)));

    let written: Vec<bool> = outcomes.iter().map(|(_, (written, _))| *written).collect();
    // The duplicated 1401 of 2019-02-11 is refused; so is the removal until 1401 is retired.
    let expected = [false, true, true, true, true, true, true, true, true, true, true];
    assert_eq!(written[..11], expected);
    assert_eq!(written[11..], [false, true, false, true]);
    for (name, (_, outcome)) in &outcomes {
        golden::assert_matches(&format!("history/mediaconvert.out/{name}.txt"), outcome);
    }
}
