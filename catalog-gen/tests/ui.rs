//! Odd and broken docs as files, in the style of rustc's UI tests: each directory of
//! `tests/ui/` is a docs tree (`catalog.toml` and the pages it names) next to the diagnostics
//! it must give, `expected.stderr`: its errors, or where it generates, its warnings. A new case is a new directory; after an intended change to
//! the wording, `SNAPSHOTS=overwrite cargo test -p catalog-gen --test ui` rewrites the
//! expectations (review the diff).

mod golden;

use std::fs;
use std::path::Path;

use catalog_gen::{Input, pages_in_memory};

#[test]
fn every_case_fails_with_its_expected_diagnostics() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ui");
    let mut cases: Vec<_> =
        fs::read_dir(&root).unwrap().map(|entry| entry.unwrap().path()).collect();
    cases.sort();
    assert!(cases.len() >= 5, "the cases are missing: {cases:?}");
    for case in cases {
        let name = case.file_name().unwrap().to_str().unwrap().to_owned();
        let manifest = fs::read_to_string(case.join("catalog.toml")).unwrap();
        let mut pages = Vec::new();
        for entry in fs::read_dir(&case).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|ext| ext == "md") {
                let file = path.file_name().unwrap().to_str().unwrap().to_owned();
                pages.push((file, fs::read_to_string(&path).unwrap()));
            }
        }
        let pages = pages_in_memory(pages);
        let input = Input {
            manifest_path: &format!("{name}/catalog.toml"),
            manifest_text: &manifest,
            pages: &pages,
            command: "cargo xtask regen",
        };
        golden::assert_matches(&format!("ui/{name}/expected.stderr"), &golden::diagnostics(&input));
    }
}
