//! The warnings regen gives on the real pages of other teams (`xtask/tests/corpus`, copied in
//! with their attribution), compared with a golden file: a new rule that warns of one of their
//! rows shows here, to be read as a true finding or a false alarm before it lands. (The crate
//! they make is built and its lookups tested by `xtask/tests/new_crate.rs`.) After an intended
//! change, `SNAPSHOTS=overwrite cargo test -p catalog-gen --test real_pages` rewrites it.

mod golden;

use std::fs;
use std::path::Path;

use catalog_gen::{Input, pages_in_memory};

#[test]
fn the_real_pages_give_the_expected_warnings() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../xtask/tests/corpus");
    let manifest = fs::read_to_string(corpus.join("catalog.toml")).unwrap();
    let root = corpus.join("pages");
    // Each page by its path from `pages/`, as the manifest names it once the pages are beside
    // it (as `new_crate.rs` places them).
    let mut pages = Vec::new();
    for team in fs::read_dir(&root).unwrap() {
        let team = team.unwrap().path();
        if !team.is_dir() {
            continue;
        }
        for page in fs::read_dir(&team).unwrap() {
            let page = page.unwrap().path();
            if page.extension().is_some_and(|ext| ext == "md") {
                let name = page.strip_prefix(&root).unwrap().to_str().unwrap().replace('\\', "/");
                pages.push((name, fs::read_to_string(&page).unwrap()));
            }
        }
    }
    assert!(pages.len() >= 10, "the corpus's pages are missing: {}", pages.len());
    let pages = pages_in_memory(pages);
    let input = Input {
        manifest_path: "corpus/catalog.toml",
        manifest_text: &manifest,
        pages: &pages,
        command: "cargo xtask regen",
    };
    golden::assert_matches("real_pages.stderr", &golden::diagnostics(&input));
}
