//! Diffs that follow the docs: inserting, deleting or editing one row of a real page changes
//! only the generated lines that belong to that row. A line belongs to a row when it names the
//! row's variant or code, or is part of a variant's rustdoc (`///`, `#[doc(alias)]`): no line
//! holds a row's position, which would shift for every row after it.

use catalog_gen::{GeneratedFile, Input, pages_in_memory};
use similar::{ChangeTag, TextDiff};

const MANIFEST: &str = include_str!("../../docs-src/catalog.toml");
const MEDIATAILOR: &str = include_str!("../../docs-src/mediatailor/playback-errors-client.md");
const MEDIACONVERT: &str = include_str!("../../docs-src/mediaconvert/error-codes.md");

fn generate(mediaconvert: &str) -> Vec<GeneratedFile> {
    let pages = pages_in_memory([
        ("mediatailor/playback-errors-client.md", MEDIATAILOR),
        ("mediaconvert/error-codes.md", mediaconvert),
    ]);
    let input = Input {
        manifest_path: "docs-src/catalog.toml",
        manifest_text: MANIFEST,
        pages: &pages,
        command: "cargo xtask regen",
    };
    catalog_gen::generate(&input).unwrap_or_else(|failure| panic!("{}", failure.render(false)))
}

/// The lines removed and added, file by file, going from `old` to `new`.
fn changed_lines(old: &[GeneratedFile], new: &[GeneratedFile]) -> Vec<(String, ChangeTag, String)> {
    assert_eq!(old.len(), new.len());
    let mut changed = Vec::new();
    for (old, new) in old.iter().zip(new) {
        assert_eq!(old.path, new.path);
        let (old_text, new_text) = (old.text.to_string(), new.text.to_string());
        for change in TextDiff::from_lines(&old_text, &new_text).iter_all_changes() {
            if change.tag() != ChangeTag::Equal {
                changed.push((old.path.clone(), change.tag(), change.value().trim().to_owned()));
            }
        }
    }
    changed
}

/// Asserts that every changed line belongs to the row with `code` and variant `variant`, and
/// returns how many lines of each file changed.
#[track_caller]
fn assert_row_lines(
    changed: &[(String, ChangeTag, String)],
    code: &str,
    variant: &str,
) -> Vec<String> {
    for (path, tag, line) in changed {
        let belongs = line.contains(code)
            || line.contains(variant)
            || line.starts_with("///")
            || line.starts_with("#[doc(alias");
        assert!(belongs, "{path}: {tag:?} `{line}` does not belong to the row {code}");
    }
    changed.iter().map(|(path, ..)| path.clone()).collect()
}

fn count(paths: &[String], path: &str) -> usize {
    paths.iter().filter(|p| *p == path).count()
}

#[test]
fn inserting_a_row_adds_only_its_lines() {
    let row = "|  1011  |  Brand New Error  |  Something new went wrong\\. See [the guide](new.md)\\.  | \n";
    let after = MEDIACONVERT.replacen("|  1020  |", &format!("{row}|  1020  |"), 1);
    let changed = changed_lines(&generate(MEDIACONVERT), &generate(&after));
    assert!(changed.iter().all(|(_, tag, _)| *tag == ChangeTag::Insert), "{changed:#?}");
    let paths = assert_row_lines(&changed, "1011", "BrandNewError");
    // The API snapshot has a line per variant; the module a line or a few in each place rows
    // go: declaration (rustdoc, aliases, variant), ALL, ROWS, BY_NAME, row_index, from_code.
    assert_eq!(count(&paths, "api.toml"), 1, "{changed:#?}");
    let module = count(&paths, "mediaconvert.rs");
    assert!((10..=14).contains(&module), "{module} lines: {changed:#?}");
    assert_eq!(count(&paths, "mediatailor.rs") + count(&paths, "mod.rs"), 0);
}

#[test]
fn deleting_a_row_removes_only_its_lines() {
    let line = MEDIACONVERT.lines().find(|line| line.starts_with("|  1030  |")).unwrap();
    let after = MEDIACONVERT.replacen(&format!("{line}\n"), "", 1);
    let changed = changed_lines(&generate(MEDIACONVERT), &generate(&after));
    assert!(changed.iter().all(|(_, tag, _)| *tag == ChangeTag::Delete), "{changed:#?}");
    let paths = assert_row_lines(&changed, "1030", "UnsupportedCodec");
    assert_eq!(count(&paths, "api.toml"), 1, "{changed:#?}");
    assert!((10..=14).contains(&count(&paths, "mediaconvert.rs")), "{changed:#?}");
}

#[test]
fn editing_a_cell_changes_only_its_row_lines() {
    let after = MEDIACONVERT.replacen(
        "The service can't find any video in your input stream",
        "The service found no video in your input stream",
        1,
    );
    let changed = changed_lines(&generate(MEDIACONVERT), &generate(&after));
    let paths = assert_row_lines(&changed, "1020", "VideoError");
    // One rustdoc line and one `ROWS` line, each removed and added; the row's line of the API
    // snapshot, which keeps its cells for the changelog.
    assert_eq!(count(&paths, "mediaconvert.rs"), 4, "{changed:#?}");
    assert_eq!(count(&paths, "api.toml"), 2, "{changed:#?}");
    assert_eq!(paths.len(), 6, "{changed:#?}");
}
